import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import type { StoreBoundaryService } from './boundary.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const tags = ['stores'];

/** Divergences and quarantined orders per store, and Retry of a refused write-back. */
export function boundaryRoutes(boundary: StoreBoundaryService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stores/boundary',
      {
        preHandler: requireRole(...STAFF),
        schema: {
          tags,
          response: {
            200: z.object({
              stores: z.array(
                z.object({ store_id: z.number(), diverged: z.number(), quarantined: z.number() }),
              ),
            }),
          },
        },
      },
      async (req) => boundary.counts(authOf(req).accountId),
    );
    app.get(
      '/stores/:id/quarantine',
      {
        preHandler: requireRole(...STAFF),
        schema: {
          tags,
          params: IdParams,
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  external_id: z.string(),
                  number: z.string(),
                  reason: z.string(),
                  detail: z.string(),
                  since: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => boundary.quarantined(authOf(req).accountId, req.params.id),
    );
    app.post(
      '/orders/:id/store-push/retry',
      {
        preHandler: requireRole(...STAFF),
        schema: {
          tags: ['orders'],
          params: IdParams,
          response: { 202: z.object({ queued: z.literal(true) }) },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await boundary.retryPush(authOf(req).accountId, req.params.id)),
    );
  };
}
