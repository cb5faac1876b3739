import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { STAFF, authOf, requireRole } from '../../http/auth.js';

const StoreOut = z.object({ id: z.number(), name: z.string(), platform: z.string(), url: z.string(), status: z.string() });

/** The stores list; connecting stores arrives with the store-connection feature. */
export function storesRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/stores', { preHandler: requireRole(...STAFF), schema: { tags: ['stores'], response: { 200: z.object({ items: z.array(StoreOut) }) } } }, async (req) => ({
      items: await db
        .selectFrom('stores')
        .select(['id', 'name', 'platform', 'url', 'status'])
        .where('account_id', '=', authOf(req).accountId)
        .orderBy('name')
        .execute(),
    }));
  };
}
