import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/actor.js';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import { iso, parseJsonColumn } from '../../shared/json.js';
import type { StoreMessage } from '../connectors/connector.js';
import {
  AddStoreBody,
  ConnectBody,
  DeadJobOut,
  RemoveStoreBody,
  StoreOut,
  StoreSettingsBody,
  SyncDefaultsOut,
  UnverifiedOut,
  toStoreOut,
} from './stores.schema.js';
import { storeErrorCode } from './store-errors.js';
import type { StoresService } from './stores.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * The store could not be verified. The plugin's handshake keeps its contract code
 * `store_unreachable` (docs/connector-api.md); the dashboard gets the plain-words code. Both
 * carry `reason`, the stable code, and only a short sanitized excerpt of the store's answer.
 */
function unverified(reply: FastifyReply, m: StoreMessage, forPlugin: boolean) {
  const reason = storeErrorCode(m);
  return reply.status(422).send({
    error: {
      code: forPlugin ? 'store_unreachable' : reason,
      reason,
      message: `The store could not be verified: ${m.message}`,
      cause_code: m.code,
      store_status: m.httpStatus ?? null,
      store_answer: m.answer ?? m.message,
    },
  });
}

/**
 * Stores: the plugin's connect handshake, stores added by hand, health, sync settings,
 * Sync now, pause / resume / remove, dead jobs.
 */
export function storesRoutes(stores: StoresService): FastifyPluginAsyncZod {
  return async (app) => {
    // Public: the plugin calls it with the owner's e-mail and password in the body (bodies are
    // never logged). Also at /connect.php, the path published plugin versions use.
    for (const url of ['/connect', '/connect.php']) {
      app.post(
        url,
        {
          schema: {
            tags: ['stores'],
            body: ConnectBody,
            response: {
              200: z.object({ store_id: z.number(), status: z.literal('connected') }),
              422: UnverifiedOut,
            },
          },
        },
        async (req, reply) => {
          const r = await stores.connect(req.body, req.ip);
          if (!r.ok) return unverified(reply, r.unverified, true);
          req.log.info({ store_id: r.storeId }, 'store connected');
          return { store_id: r.storeId, status: 'connected' as const };
        },
      );
    }

    app.get(
      '/stores',
      {
        preHandler: requireRole(...STAFF),
        schema: {
          tags: ['stores'],
          response: { 200: z.object({ items: z.array(StoreOut), defaults: SyncDefaultsOut }) },
        },
      },
      async (req) => ({
        items: (await stores.list(authOf(req).accountId)).map((r) => toStoreOut(r)),
        defaults: stores.defaultSettings(),
      }),
    );

    app.post(
      '/stores',
      {
        preHandler: requireRole('owner'),
        schema: {
          tags: ['stores'],
          body: AddStoreBody,
          response: { 201: z.object({ id: z.number() }), 422: UnverifiedOut },
        },
      },
      async (req, reply) => {
        const b = req.body;
        const credentials: Record<string, string> =
          b.connector === 'woocommerce'
            ? { app_user: b.app_user, app_password: b.app_password }
            : { consumer_key: b.consumer_key, consumer_secret: b.consumer_secret };
        const r = await stores.addByHand(
          authOf(req).accountId,
          {
            url: b.url,
            connector: b.connector,
            credentials,
            ...(b.name && { name: b.name }),
            ...(b.first_sync_days !== undefined && { firstSyncDays: b.first_sync_days }),
          },
          actorOf(req),
        );
        if (!r.ok) return unverified(reply, r.unverified, false);
        return reply.status(201).send({ id: r.storeId });
      },
    );

    // The store's sync settings: how often it is polled, how far back its first sync goes.
    app.patch(
      '/stores/:id',
      {
        preHandler: requireRole(...STAFF),
        schema: {
          tags: ['stores'],
          params: IdParams,
          body: StoreSettingsBody,
          response: { 200: StoreOut },
        },
      },
      async (req) =>
        toStoreOut(
          await stores.updateSettings(authOf(req).accountId, req.params.id, req.body, actorOf(req)),
        ),
    );

    app.post(
      '/stores/:id/sync',
      {
        preHandler: requireRole(...STAFF),
        schema: {
          tags: ['stores'],
          params: IdParams,
          response: { 202: z.object({ job_id: z.number() }) },
        },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send({ job_id: await stores.syncNow(authOf(req).accountId, req.params.id) }),
    );

    // The owner's actions on a store: pause and resume polling, remove it (store-lifecycle.ts).
    for (const [action, run] of [
      ['pause', stores.pause.bind(stores)],
      ['resume', stores.resume.bind(stores)],
    ] as const) {
      app.post(
        `/stores/:id/${action}`,
        {
          preHandler: requireRole('owner'),
          schema: { tags: ['stores'], params: IdParams, response: { 200: StoreOut } },
        },
        async (req) => toStoreOut(await run(authOf(req).accountId, req.params.id, actorOf(req))),
      );
    }

    app.post(
      '/stores/:id/remove',
      {
        preHandler: requireRole('owner'),
        schema: {
          tags: ['stores'],
          params: IdParams,
          body: RemoveStoreBody,
          response: { 200: z.object({ orders_deleted: z.number() }) },
        },
      },
      async (req) => {
        const r = await stores.remove(
          authOf(req).accountId,
          req.params.id,
          req.body.keep_orders,
          actorOf(req),
        );
        req.log.info({ store_id: req.params.id, orders_deleted: r.ordersDeleted }, 'store removed');
        return { orders_deleted: r.ordersDeleted };
      },
    );

    app.get(
      '/jobs/dead',
      {
        preHandler: requireRole(...STAFF),
        schema: { tags: ['stores'], response: { 200: z.object({ items: z.array(DeadJobOut) }) } },
      },
      async (req) => ({
        items: (await stores.deadJobs(authOf(req).accountId)).map((j) => ({
          id: j.id,
          kind: j.kind,
          payload: parseJsonColumn<Record<string, unknown>>(j.payload, {}),
          attempts: j.attempts,
          last_error: j.last_error,
          created_at: iso(j.created_at),
          failed_at: iso(j.updated_at),
        })),
      }),
    );

    app.post(
      '/jobs/:id/retry',
      { preHandler: requireRole(...STAFF), schema: { tags: ['stores'], params: IdParams } },
      async (req, reply) => {
        await stores.retryJob(authOf(req).accountId, req.params.id);
        return reply.status(204).send();
      },
    );
  };
}
