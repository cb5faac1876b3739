import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { liveWorkers } from '../jobs/workers.repo.js';

/**
 * `/api/health`: which database is in use, and that it answers. A health check that does
 * not touch the database would report a server that cannot serve anything as healthy.
 * `workers.alive` counts job workers that beat within `workerDeadMs` (any process sharing the
 * database): with none, every sync and write-back waits, so the dashboard warns.
 */
export function healthRoutes(database: Database, workerDeadMs: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          response: {
            200: z.object({
              status: z.literal('ok'),
              database: z.enum(['sqlite', 'postgres']),
              workers: z.object({ alive: z.number(), last_heartbeat_at: z.string().nullable() }),
            }),
            503: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          },
        },
      },
      async (req, reply) => {
        try {
          await sql`SELECT 1`.execute(database.db);
          const live = await liveWorkers(database.db, Date.now() - workerDeadMs);
          const last = live[0]?.heartbeat_at;
          return {
            status: 'ok' as const,
            database: database.dialect,
            workers: {
              alive: live.length,
              last_heartbeat_at: last === undefined ? null : new Date(Number(last)).toISOString(),
            },
          };
        } catch (err) {
          req.log.error({ err }, 'health check: the database does not answer');
          return reply.status(503).send({
            error: {
              code: 'database_unavailable',
              message: `The ${database.dialect} database does not answer.`,
            },
          });
        }
      },
    );
  };
}
