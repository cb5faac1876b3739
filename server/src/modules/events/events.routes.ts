import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANY_ROLE, authOf, requireRole } from '../../http/auth.js';
import type { EventBus, LiveEvent } from './event-bus.js';

/** Keeps proxies from closing an idle stream, and notices clients that went away. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: the dashboard's orders table and the packer's queue refetch when an
 * event arrives. Owners and managers hear every change of their account; a packer hears
 * only changes to orders that are (or were) theirs.
 */
export function eventsRoutes(bus: EventBus): FastifyPluginAsyncZod {
  return async (app) => {
    const open = new Set<() => void>();
    // Streams never end by themselves; closing the app ends them so it can shut down.
    app.addHook('preClose', (done) => {
      for (const end of open) end();
      done();
    });
    app.get(
      '/events',
      { preHandler: requireRole(...ANY_ROLE), schema: { tags: ['events'], hide: true } },
      (req, reply) => {
        const auth = authOf(req);
        const wanted = (e: LiveEvent) =>
          e.account_id === auth.accountId &&
          (auth.role !== 'packer' ||
            (auth.packerId !== null &&
              (e.order_ids === null || e.packer_ids.includes(auth.packerId))));
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        res.write(`retry: 3000\nevent: ready\ndata: {}\n\n`);
        const unsubscribe = bus.subscribe((e) => {
          if (!wanted(e)) return;
          const data = {
            order_ids: e.order_ids,
            packer_ids: e.packer_ids,
            ...(e.batch && { batch: e.batch }),
            ...(e.ids && { ids: e.ids }),
          };
          res.write(`event: ${e.type}\ndata: ${JSON.stringify(data)}\n\n`);
        });
        const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
        const stop = () => {
          clearInterval(heartbeat);
          unsubscribe();
          open.delete(end);
        };
        const end = () => {
          stop();
          res.end();
        };
        open.add(end);
        req.raw.on('close', stop);
        res.on('error', stop);
      },
    );
  };
}
