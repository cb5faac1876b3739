import { z } from 'zod';
import type { OrdersCursor, Outcome, StoreConnection, StoreConnector } from '../connector.js';
import { type HttpAnswer, parseAnswer, refusal, throwIfServerError } from '../http.js';
import type { UnifiedOrder } from '../unified-order.js';
import { WcRestClient } from './client.js';
import {
  PACKER_META,
  SHIPMENT_META,
  WcOrderSchema,
  gmtToMs,
  isAfter,
  keyOf,
  lockRefusal,
  packerMeta,
  toUnified,
} from './mapping.js';

const secondOf = (o: UnifiedOrder) => gmtToMs(o.modified_at);

const Credentials = z.object({
  consumer_key: z.string().min(1),
  consumer_secret: z.string().min(1),
});
export type WcRestCredentials = z.infer<typeof Credentials>;

const WcSystemStatus = z.object({
  environment: z
    .object({ site_url: z.string(), wp_version: z.string(), version: z.string().optional() })
    .partial(),
  settings: z.object({ currency: z.string() }).partial().optional(),
});
const WcOrders = z.array(WcOrderSchema);

/** Pages of wc/v3 read ahead to find orders after a cursor whose second is crowded. */
const MAX_PAGES = 10;

function refused(a: HttpAnswer): Outcome<never> {
  if (a.status === 401 || a.status === 403)
    return {
      ok: false,
      messages: [{ ...refusal(a, 'credentials_rejected'), code: 'credentials_rejected' }],
    };
  return { ok: false, messages: [refusal(a, 'store_refused')] };
}

/**
 * WooCommerce's own REST API, for shops that cannot install ecomdir Connect. wc/v3 sorts by
 * modification time only and filters by "modified after" a second, so the feed reads from the
 * cursor's second, keeps what is strictly after the (time, id) cursor, and holds back the
 * last second of a full page (it may continue on the next page) — the same guarantee as the
 * plugin's feed, at the price of re-reading a few orders.
 */
export const wcRestConnector = {
  key: 'woocommerce-rest',
  credentials: Credentials,
  connect(url, creds, opts): StoreConnection {
    const client = new WcRestClient(url, creds.consumer_key, creds.consumer_secret, opts);
    const getOrder = async (id: string) => {
      const a = await client.request('GET', `orders/${encodeURIComponent(id)}`);
      throwIfServerError(a, 'GET orders/<id>');
      if (a.status === 404) return { ok: true as const, result: null };
      return a.status === 200
        ? { ok: true as const, result: parseAnswer(a, WcOrderSchema, 'GET orders/<id>') }
        : refused(a);
    };
    const putMeta = async (
      id: string,
      key: string,
      value: unknown,
      note: string,
    ): Promise<Outcome<null>> => {
      const a = await client.request(
        'PUT',
        `orders/${encodeURIComponent(id)}`,
        {},
        { meta_data: [{ key, value: JSON.stringify(value) }] },
      );
      throwIfServerError(a, 'PUT orders/<id>');
      if (a.status !== 200) return refused(a);
      const n = await client.request(
        'POST',
        `orders/${encodeURIComponent(id)}/notes`,
        {},
        { note },
      );
      throwIfServerError(n, 'POST notes');
      return { ok: true, result: null };
    };
    return {
      async status() {
        const a = await client.request('GET', 'system_status');
        throwIfServerError(a, 'GET system_status');
        if (a.status !== 200) return refused(a);
        const s = parseAnswer(a, WcSystemStatus, 'GET system_status');
        return {
          ok: true,
          result: {
            contract_version: 1 as const,
            plugin_version: '',
            wordpress_version: s.environment.wp_version ?? '',
            woocommerce_version: s.environment.version ?? '',
            hpos: false,
            site_url: s.environment.site_url ?? url,
            timezone: 'UTC',
            currency: s.settings?.currency ?? '',
          },
        };
      },
      async ordersAfter(cursor: OrdersCursor, limit: number) {
        const found: UnifiedOrder[] = [];
        let full = false;
        let complete = 0;
        for (let page = 1; page <= MAX_PAGES; page++) {
          const a = await client.request('GET', 'orders', {
            modified_after: new Date(cursor.modifiedAt - 1000)
              .toISOString()
              .replace(/\.\d{3}Z$/, ''),
            dates_are_gmt: 'true',
            orderby: 'modified',
            order: 'asc',
            per_page: limit,
            page,
          });
          throwIfServerError(a, 'GET orders');
          if (a.status !== 200) return refused(a);
          const orders = parseAnswer(a, WcOrders, 'GET orders');
          for (const o of orders) if (isAfter(keyOf(o), cursor)) found.push(toUnified(o));
          full = orders.length === limit;
          const last = orders.at(-1);
          // Orders of the page's last second may continue on the next page: only earlier
          // seconds are complete. A page all in one second reads on.
          complete =
            full && last
              ? found.filter((o) => secondOf(o) < keyOf(last).modifiedAt).length
              : found.length;
          if (!full || complete > 0) break;
        }
        found.sort((x, y) => secondOf(x) - secondOf(y) || x.id - y.id);
        const orders = complete > 0 ? found.slice(0, complete) : found;
        const last = orders.at(-1);
        return {
          ok: true,
          result: {
            orders,
            next: full && last ? { modifiedAt: secondOf(last), afterId: String(last.id) } : null,
          },
        };
      },
      async order(id) {
        const r = await getOrder(id);
        return r.ok ? { ok: true, result: r.result ? toUnified(r.result) : null } : r;
      },
      async pushAssignment(id, a) {
        const r = await getOrder(id);
        if (!r.ok) return r;
        if (!r.result)
          return {
            ok: false,
            messages: [
              {
                code: 'ecomdir_order_not_found',
                message: `Order ${id} is no longer in the store.`,
              },
            ],
          };
        const locked = lockRefusal(r.result, a, true);
        if (locked)
          return { ok: false, messages: [{ code: 'ecomdir_packer_locked', message: locked }] };
        return putMeta(
          id,
          PACKER_META,
          packerMeta(a),
          `ecomdir: packer ${a.packerName}${a.confirmedAt ? ' (confirmed)' : ''}.`,
        );
      },
      pushShipment: (id, s) =>
        putMeta(
          id,
          SHIPMENT_META,
          { courier: s.courier, awb: s.awb, tracking_url: s.trackingUrl, label_url: s.labelUrl },
          `ecomdir: shipped with ${s.courier}, AWB ${s.awb}.`,
        ),
    };
  },
} satisfies StoreConnector<WcRestCredentials>;
