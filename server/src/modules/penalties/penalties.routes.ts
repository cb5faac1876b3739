import type { FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANY_ROLE, STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import { Invalid } from '../../shared/errors.js';
import { OrderIdParams } from '../orders/orders.schema.js';
import type { PenaltiesService } from './penalties.service.js';
import type { PenaltyPhotos } from './penalty-photos.js';
import { MAX_PHOTO_BYTES } from './penalty-photos.js';
import type { PenaltyReports } from './penalty-reports.js';
import {
  ContestBody,
  DecideBody,
  DecideOut,
  ExportQuery,
  IdParams,
  PackingErrorBody,
  PackingErrorOut,
  PenaltiesOut,
  PenaltiesQuery,
  PenaltyCreate,
  PenaltyDetailOut,
  PenaltyOut,
  PenaltyTypeCreate,
  PenaltyTypeOut,
  PenaltyTypePatch,
  PenaltyTypesOut,
  RecordOut,
  RecordQuery,
  ResolveBody,
  ReverseBody,
  SummaryOut,
  SummaryQuery,
} from './penalties.schema.js';
import { PenaltySettings } from './penalty-settings.js';

/**
 * Penalties over HTTP. Owners decide; managers propose (and apply when the owner allows, a
 * check in the service); a packer reads and contests their own at the station.
 */
export function penaltiesRoutes(
  penalties: PenaltiesService,
  reports: PenaltyReports,
  photos: PenaltyPhotos,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Uploads only in this plugin's scope: one photo of at most 5 MB per request.
    await app.register(multipart, { limits: { files: 1, fileSize: MAX_PHOTO_BYTES, fields: 0 } });
    const owner = { preHandler: requireRole('owner') };
    const staff = { preHandler: requireRole(...STAFF) };
    const packer = { preHandler: requireRole('packer') };
    const anyone = { preHandler: requireRole(...ANY_ROLE) };
    const tags = ['penalties'];

    app.get(
      '/penalty-types',
      { ...staff, schema: { tags, response: { 200: PenaltyTypesOut } } },
      async (req) => penalties.types(authOf(req).accountId),
    );
    app.post(
      '/penalty-types',
      { ...owner, schema: { tags, body: PenaltyTypeCreate, response: { 201: PenaltyTypeOut } } },
      async (req, reply) =>
        reply
          .status(201)
          .send(await penalties.createType(authOf(req).accountId, req.body, actorOf(req))),
    );
    app.patch(
      '/penalty-types/:id',
      {
        ...owner,
        schema: {
          tags,
          params: IdParams,
          body: PenaltyTypePatch,
          response: { 200: PenaltyTypeOut },
        },
      },
      async (req) =>
        penalties.patchType(authOf(req).accountId, req.params.id, req.body, actorOf(req)),
    );

    app.get(
      '/penalty-settings',
      { ...staff, schema: { tags, response: { 200: PenaltySettings } } },
      async (req) => penalties.settings(authOf(req).accountId),
    );
    app.put(
      '/penalty-settings',
      { ...owner, schema: { tags, body: PenaltySettings, response: { 200: PenaltySettings } } },
      async (req) => penalties.saveSettings(authOf(req).accountId, req.body, actorOf(req)),
    );

    app.get(
      '/penalties',
      { ...staff, schema: { tags, querystring: PenaltiesQuery, response: { 200: PenaltiesOut } } },
      async (req) => penalties.list(authOf(req).accountId, req.query),
    );
    app.get(
      '/penalties/summary',
      { ...staff, schema: { tags, querystring: SummaryQuery, response: { 200: SummaryOut } } },
      async (req) => reports.summary(authOf(req).accountId, req.query.month),
    );
    app.get(
      '/penalties/summary/export',
      { ...staff, schema: { tags, querystring: ExportQuery } },
      async (req, reply) => {
        const file = await reports.export(authOf(req).accountId, req.query.month, req.query.format);
        return (reply as FastifyReply)
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
    app.get(
      '/penalties/:id',
      { ...staff, schema: { tags, params: IdParams, response: { 200: PenaltyDetailOut } } },
      async (req) => penalties.get(authOf(req).accountId, req.params.id),
    );
    app.post(
      '/penalties',
      { ...staff, schema: { tags, body: PenaltyCreate, response: { 201: PenaltyOut } } },
      async (req, reply) =>
        reply.status(201).send(await penalties.add(authOf(req), req.body, actorOf(req))),
    );
    app.post(
      '/penalties/:id/photo',
      {
        ...staff,
        schema: {
          tags,
          params: IdParams,
          consumes: ['multipart/form-data'],
          response: { 200: PenaltyOut },
        },
      },
      async (req) => {
        // Another account's penalty is not found before anything of the upload is read.
        const penalty = await penalties.get(authOf(req).accountId, req.params.id);
        if (!req.isMultipart())
          throw new Invalid('penalty_photo_invalid', 'Send the photo as multipart/form-data.');
        const file = await req.file();
        if (!file) throw new Invalid('penalty_photo_invalid', 'No photo was sent.');
        await photos.save(authOf(req).accountId, penalty.id, file, actorOf(req));
        return penalties.get(authOf(req).accountId, penalty.id);
      },
    );
    app.get(
      '/penalties/:id/photo',
      { ...staff, schema: { tags, params: IdParams } },
      async (req, reply) => {
        const photo = await photos.read(authOf(req).accountId, req.params.id);
        return (reply as FastifyReply)
          .type(photo.mime)
          .header('cache-control', 'private, no-store')
          .header('content-disposition', 'inline')
          .send(photo.body);
      },
    );
    app.post(
      '/penalties/decide',
      { ...staff, schema: { tags, body: DecideBody, response: { 200: DecideOut } } },
      async (req) => penalties.decide(authOf(req), req.body, actorOf(req)),
    );
    app.post(
      '/penalties/:id/reverse',
      {
        ...owner,
        schema: { tags, params: IdParams, body: ReverseBody, response: { 200: PenaltyOut } },
      },
      async (req) => penalties.reverse(authOf(req), req.params.id, req.body.reason, actorOf(req)),
    );
    app.post(
      '/penalties/:id/resolve',
      {
        ...owner,
        schema: { tags, params: IdParams, body: ResolveBody, response: { 200: PenaltyOut } },
      },
      async (req) =>
        penalties.resolve(
          authOf(req),
          req.params.id,
          req.body.outcome,
          req.body.comment,
          actorOf(req),
        ),
    );

    app.post(
      '/orders/:id/packing-error',
      {
        ...staff,
        schema: {
          tags,
          params: OrderIdParams,
          body: PackingErrorBody,
          response: { 200: PackingErrorOut },
        },
      },
      async (req) =>
        penalties.markPackingError(authOf(req).accountId, req.params.id, req.body, actorOf(req)),
    );

    // The station: a packer's own record and contests.
    app.get(
      '/station/record',
      { ...packer, schema: { tags, querystring: RecordQuery, response: { 200: RecordOut } } },
      async (req) => reports.stationRecord(authOf(req), req.query.period),
    );
    // Any role reaches the service, which answers 404 for a penalty not in the account or not
    // the packer's own before it says the station is for packers.
    app.post(
      '/station/penalties/:id/contest',
      {
        ...anyone,
        schema: { tags, params: IdParams, body: ContestBody, response: { 200: PenaltyOut } },
      },
      async (req) => penalties.contest(authOf(req), req.params.id, req.body.comment, actorOf(req)),
    );
  };
}
