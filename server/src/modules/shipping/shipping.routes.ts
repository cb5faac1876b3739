import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_ROLE, STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import { OrderIdParams } from '../orders/orders.schema.js';
import type { OwnMark } from './couriers/own/mapping.js';
import type { ShippingService } from './shipping.service.js';
import type { RenderedDocument } from './labels/label-data.js';
import {
  BatchIdParams,
  BatchOut,
  BulkBody,
  BulkStartedOut,
  CancelBody,
  SlipsQuery,
  StationLabelQuery,
  StationShippingOut,
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
    const anyone = { preHandler: requireRole(...ANY_ROLE) };
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
        return sendDocument(reply, doc);
      },
    );
    app.get(
      '/shipments/slips',
      { ...staff, schema: { tags, querystring: SlipsQuery } },
      async (req, reply) =>
        sendDocument(
          reply as FastifyReply,
          await shipping.slips(authOf(req).accountId, req.query.order_ids, req.query.kind),
        ),
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
      {
        ...staff,
        schema: {
          tags,
          params: ShipmentIdParams,
          body: CancelBody.nullish(),
          response: { 200: ShipmentOut },
        },
      },
      async (req) =>
        shipping.cancel(
          authOf(req).accountId,
          req.params.id,
          actorOf(req),
          req.body?.packing_error === true,
        ),
    );

    app.post(
      '/shipments/bulk',
      { ...staff, schema: { tags, body: BulkBody, response: { 202: BulkStartedOut } } },
      async (req, reply) => {
        const { order_ids, ...opts } = req.body;
        return reply
          .status(202)
          .send(await shipping.batches.start(authOf(req).accountId, order_ids, opts, actorOf(req)));
      },
    );
    app.get(
      '/shipments/batches/:id',
      { ...staff, schema: { tags, params: BatchIdParams, response: { 200: BatchOut } } },
      async (req) => shipping.batches.get(authOf(req).accountId, req.params.id),
    );

    // The station: the packer's own packed order (owners and managers may act for them).
    app.get(
      '/station/shipping',
      { ...anyone, schema: { tags, response: { 200: StationShippingOut } } },
      async (req) => ({ on_pack: (await shipping.settings(authOf(req).accountId)).on_pack }),
    );
    app.post(
      '/station/orders/:id/shipment',
      { ...anyone, schema: { tags, params: OrderIdParams, response: { 200: ShipmentOut } } },
      async (req) => shipping.stationGenerate(authOf(req), req.params.id),
    );
    app.get(
      '/station/orders/:id/label',
      { ...anyone, schema: { tags, params: OrderIdParams, querystring: StationLabelQuery } },
      async (req, reply) =>
        sendDocument(
          reply as FastifyReply,
          await shipping.stationLabel(authOf(req), req.params.id, req.query.format),
        ),
    );

    // Public: anyone with the link (a 128-bit random token, not the AWB) sees the status.
    app.get(
      '/t/:token',
      { schema: { tags, params: TrackingParams, response: { 200: PublicTrackingOut } } },
      async (req) => shipping.publicTracking(req.params.token),
    );
  };
}

/** A rendered document as the answer (PDF or ZPL or text), named, with its page count. */
function sendDocument(reply: FastifyReply, doc: RenderedDocument) {
  return reply
    .type(doc.contentType)
    .header('content-disposition', `inline; filename="${doc.filename.replace(/[^\w.-]/g, '_')}"`)
    .header('x-label-pages', String(doc.pages))
    .send(Buffer.from(doc.body));
}
