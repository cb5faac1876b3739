import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import type { OrdersService } from './orders.service.js';
import {
  BulkAssignBody,
  BulkAssignOut,
  OrderCreate,
  OrderDetailOut,
  OrderIdParams,
  OrderListOut,
  OrderListQuery,
} from './orders.schema.js';

export function ordersRoutes(orders: OrdersService): FastifyPluginAsyncZod {
  return async (app) => {
    const staff = { preHandler: requireRole(...STAFF) };

    app.get(
      '/orders',
      {
        ...staff,
        schema: { tags: ['orders'], querystring: OrderListQuery, response: { 200: OrderListOut } },
      },
      // Already JSON, encoded with OrderListOut: Fastify sends a JSON string as it is (the
      // plain reply type, since the typed one expects the object).
      async (req, reply) =>
        (reply as FastifyReply)
          .type('application/json; charset=utf-8')
          .send(await orders.listJson(authOf(req).accountId, req.query)),
    );

    app.get(
      '/orders/:id',
      {
        ...staff,
        schema: { tags: ['orders'], params: OrderIdParams, response: { 200: OrderDetailOut } },
      },
      async (req) => orders.get(authOf(req).accountId, req.params.id),
    );

    app.post(
      '/orders',
      {
        ...staff,
        schema: { tags: ['orders'], body: OrderCreate, response: { 201: OrderDetailOut } },
      },
      async (req, reply) =>
        reply.status(201).send(await orders.create(authOf(req).accountId, req.body, actorOf(req))),
    );

    app.post(
      '/orders/bulk-assign',
      {
        ...staff,
        schema: { tags: ['orders'], body: BulkAssignBody, response: { 200: BulkAssignOut } },
      },
      async (req) =>
        orders.bulkAssign(
          authOf(req).accountId,
          req.body.order_ids,
          req.body.packer_id,
          req.body.reason,
          actorOf(req),
        ),
    );
  };
}
