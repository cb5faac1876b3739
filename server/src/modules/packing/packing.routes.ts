import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANY_ROLE, STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import { OrderIdParams } from '../orders/orders.schema.js';
import type { PackingService } from './packing.service.js';
import {
  LockOut,
  QueueOut,
  ReassignBody,
  ScanBody,
  ScanOut,
  StationOrderOut,
} from './packing.schema.js';

export function packingRoutes(packing: PackingService): FastifyPluginAsyncZod {
  return async (app) => {
    const anyone = { preHandler: requireRole(...ANY_ROLE) };
    const staff = { preHandler: requireRole(...STAFF) };
    const packer = { preHandler: requireRole('packer') };
    const tags = ['packing'];

    app.post(
      '/orders/:id/confirm',
      { ...anyone, schema: { tags, params: OrderIdParams, response: { 200: LockOut } } },
      async (req) => packing.confirm(authOf(req), req.params.id, actorOf(req)),
    );

    app.post(
      '/orders/:id/reassign',
      {
        ...staff,
        schema: { tags, params: OrderIdParams, body: ReassignBody, response: { 200: LockOut } },
      },
      async (req) => packing.reassign(authOf(req), req.params.id, req.body, actorOf(req)),
    );

    app.get(
      '/station/queue',
      { ...packer, schema: { tags, response: { 200: QueueOut } } },
      async (req) => packing.queue(authOf(req)),
    );

    // Any role may ask: an order outside the caller's own queue is simply not found (404),
    // the same answer for another packer's order, another account's, or a manager's request.
    app.get(
      '/station/orders/:id',
      { ...anyone, schema: { tags, params: OrderIdParams, response: { 200: StationOrderOut } } },
      async (req) => packing.stationOrder(authOf(req), req.params.id),
    );

    app.post(
      '/station/orders/:id/scan',
      {
        ...anyone,
        schema: { tags, params: OrderIdParams, body: ScanBody, response: { 200: ScanOut } },
      },
      async (req) => packing.scan(authOf(req), req.params.id, req.body.code),
    );
  };
}
