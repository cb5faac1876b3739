import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.js';

/**
 * `/api/health`: which database is in use, and that it answers. A health check that does
 * not touch the database would report a server that cannot serve anything as healthy.
 */
export function healthRoutes(database: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          response: {
            200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }),
            503: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          },
        },
      },
      async (req, reply) => {
        try {
          await sql`SELECT 1`.execute(database.db);
          return { status: 'ok' as const, database: database.dialect };
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
