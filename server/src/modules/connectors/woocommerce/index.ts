import { z } from 'zod';
import type { Outcome, StoreConnection, StoreConnector } from '../connector.js';
import { type HttpAnswer, parseAnswer, refusal, throwIfServerError } from '../http.js';
import { OrdersPageSchema, StoreStatusSchema, UnifiedOrderSchema } from '../unified-order.js';
import { ConnectPluginClient } from './client.js';
import { ordersQuery, packerBody, shipmentBody, toOrdersPage } from './mapping.js';

const Credentials = z.object({ app_user: z.string().min(1), app_password: z.string().min(1) });
export type ConnectPluginCredentials = z.infer<typeof Credentials>;

/** The store refused: 401/403 mean the application password was revoked or is wrong. */
function refused(a: HttpAnswer): Outcome<never> {
  if (a.status === 401 || a.status === 403)
    return {
      ok: false,
      messages: [{ ...refusal(a, 'credentials_rejected'), code: 'credentials_rejected' }],
    };
  const m = refusal(a, 'store_refused');
  // WordPress answers rest_no_route when the plugin is not active.
  if (a.status === 404 && m.code === 'rest_no_route')
    return {
      ok: false,
      messages: [
        {
          ...m,
          code: 'plugin_missing',
          message: 'The ecomdir Connect plugin is not active on the store.',
        },
      ],
    };
  return { ok: false, messages: [m] };
}

/** The ecomdir Connect plugin (connector contract v1, docs/connector-api.md). */
export const connectPluginConnector = {
  key: 'woocommerce',
  credentials: Credentials,
  connect(url, creds, opts): StoreConnection {
    const client = new ConnectPluginClient(url, creds.app_user, creds.app_password, opts);
    const read = <T>(a: HttpAnswer, schema: z.ZodType<T>, where: string): Outcome<T> => {
      throwIfServerError(a, where);
      return a.status === 200 ? { ok: true, result: parseAnswer(a, schema, where) } : refused(a);
    };
    const write = (a: HttpAnswer, where: string): Outcome<null> => {
      throwIfServerError(a, where);
      return a.status >= 200 && a.status < 300 ? { ok: true, result: null } : refused(a);
    };
    return {
      status: async () => read(await client.get('status'), StoreStatusSchema, 'GET status'),
      async ordersAfter(cursor, limit) {
        const r = read(
          await client.get('orders', ordersQuery(cursor, limit)),
          OrdersPageSchema,
          'GET orders',
        );
        return r.ok ? { ok: true, result: toOrdersPage(r.result) } : r;
      },
      async order(id) {
        const a = await client.get(`orders/${encodeURIComponent(id)}`);
        if (a.status === 404 && refusal(a, '').code === 'ecomdir_order_not_found')
          return { ok: true, result: null };
        return read(a, UnifiedOrderSchema, 'GET orders/<id>');
      },
      pushAssignment: async (id, a) =>
        write(
          await client.post(`orders/${encodeURIComponent(id)}/packer`, packerBody(a)),
          'POST packer',
        ),
      pushShipment: async (id, s) =>
        write(
          await client.post(`orders/${encodeURIComponent(id)}/shipment`, shipmentBody(s)),
          'POST shipment',
        ),
    };
  },
} satisfies StoreConnector<ConnectPluginCredentials>;
