import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import { OrderIdParams } from '../orders/orders.schema.js';
import type { OwnMark } from './couriers/own/mapping.js';
import type { ShippingService } from './shipping.service.js';
import {
  CourierAccountBody,
  CourierAccountIdParams,
  CourierAccountOut,
  CourierAccountsOut,
  CouriersOut,
  GenerateBody,
  LabelsQuery,
  MarkBody,
  PublicTrackingOut,
  ShipmentIdParams,
  ShipmentOut,
  TrackingParams,
} from './shipping.schema.js';
import { ShippingSettings } from './shipping-settings.js';

export function shippingRoutes(shipping: ShippingService): FastifyPluginAsyncZod {
  return async (app) => {
    const owner = { preHandler: requireRole('owner') };
    const staff = { preHandler: requireRole(...STAFF) };
    const tags = ['shipping'];

    app.get(
      '/shipping/settings',
      { ...owner, schema: { tags, response: { 200: ShippingSettings } } },
      async (req) => shipping.settings(authOf(req).accountId),
    );
    app.put(
      '/shipping/settings',
      { ...owner, schema: { tags, body: ShippingSettings, response: { 200: ShippingSettings } } },
      async (req) => shipping.saveSettings(authOf(req).accountId, req.body),
    );
    app.get(
      '/shipping/couriers',
      { ...staff, schema: { tags, response: { 200: CouriersOut } } },
      async () => ({ items: shipping.courierList() }),
    );
    app.get(
      '/shipping/courier-accounts',
      { ...owner, schema: { tags, response: { 200: CourierAccountsOut } } },
      async (req) => shipping.courierAccounts(authOf(req).accountId),
    );
    app.post(
      '/shipping/courier-accounts',
      {
        ...owner,
        schema: { tags, body: CourierAccountBody, response: { 201: CourierAccountOut } },
      },
      async (req, reply) =>
        reply.status(201).send(await shipping.addCourierAccount(authOf(req).accountId, req.body)),
    );
    app.delete(
      '/shipping/courier-accounts/:id',
      { ...owner, schema: { tags, params: CourierAccountIdParams, response: { 204: z.null() } } },
      async (req, reply) => {
        await shipping.removeCourierAccount(authOf(req).accountId, req.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/orders/:id/shipments',
      {
        ...staff,
        schema: { tags, params: OrderIdParams, body: GenerateBody, response: { 200: ShipmentOut } },
      },
      async (req) =>
        shipping.generate(authOf(req).accountId, req.params.id, req.body, actorOf(req)),
    );
    app.get(
      '/orders/:id/shipments',
      {
        ...staff,
        schema: {
          tags,
          params: OrderIdParams,
          response: { 200: z.object({ items: z.array(ShipmentOut) }) },
        },
      },
      async (req) => ({ items: await shipping.forOrder(authOf(req).accountId, req.params.id) }),
    );

    // Registered before /shipments/:id so "labels" is not read as an id.
    app.get(
      '/shipments/labels',
      { ...staff, schema: { tags, querystring: LabelsQuery } },
      async (req, reply) => {
        const q = req.query;
        const doc = await shipping.labels(authOf(req).accountId, q.ids, q.format, q.sort);
        return (reply as FastifyReply)
          .type(doc.contentType)
          .header(
            'content-disposition',
            `inline; filename="${doc.filename.replace(/[^\w.-]/g, '_')}"`,
          )
          .header('x-label-pages', String(doc.pages))
          .send(Buffer.from(doc.body));
      },
    );
    app.get(
      '/shipments/:id',
      { ...staff, schema: { tags, params: ShipmentIdParams, response: { 200: ShipmentOut } } },
      async (req) => shipping.get(authOf(req).accountId, req.params.id),
    );
    app.post(
      '/shipments/:id/mark',
      {
        ...staff,
        schema: { tags, params: ShipmentIdParams, body: MarkBody, response: { 200: ShipmentOut } },
      },
      async (req) =>
        shipping.mark(
          authOf(req).accountId,
          req.params.id,
          req.body.status as OwnMark,
          actorOf(req),
        ),
    );
    app.post(
      '/shipments/:id/cancel',
      { ...staff, schema: { tags, params: ShipmentIdParams, response: { 200: ShipmentOut } } },
      async (req) => shipping.cancel(authOf(req).accountId, req.params.id, actorOf(req)),
    );

    // Public: anyone with the link (a 128-bit random token, not the AWB) sees the status.
    app.get(
      '/t/:token',
      { schema: { tags, params: TrackingParams, response: { 200: PublicTrackingOut } } },
      async (req) => shipping.publicTracking(req.params.token),
    );
  };
}
