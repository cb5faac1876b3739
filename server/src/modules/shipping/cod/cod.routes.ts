import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, authOf, requireRole } from '../../../http/auth.js';
import { actorOf } from '../../../http/actor.js';
import { Invalid } from '../../../shared/errors.js';
import { OrderIdParams } from '../../orders/orders.schema.js';
import type { CodService, UploadedFile } from './cod.service.js';
import {
  CodCourierImportBody,
  CodCouriersOut,
  CodFileFields,
  CodFileImportOut,
  CodImportIdParams,
  CodImportOut,
  CodImportsOut,
  CodOrderOut,
  CodPreviewOut,
  CodSettings,
  CodShipmentsOut,
  CodShipmentsQuery,
  CodSummaryOut,
  CodSummaryQuery,
} from './cod.schema.js';
import { MAX_FILE_BYTES } from './settlement-file.js';

/** Reads a multipart upload: one file and text fields; a missing or too large file is a 400. */
async function readUpload(
  req: FastifyRequest,
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!req.isMultipart())
    throw new Invalid('cod_file_missing', 'Send the settlement file as multipart/form-data.');
  let file: UploadedFile | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (!file) file = { name: part.filename, bytes };
      } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new Invalid('cod_file_too_large', 'The file is larger than 5 MB.');
    throw new Invalid('cod_file_unreadable', 'The upload could not be read.');
  }
  if (!file) throw new Invalid('cod_file_missing', 'Choose a settlement file.');
  return { file, fields };
}

export function codRoutes(cod: CodService): FastifyPluginAsyncZod {
  return async (app) => {
    // Uploads only here (the settlement files), not app-wide.
    await app.register(multipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, fieldSize: 1000 },
    });
    const staff = { preHandler: requireRole(...STAFF) };
    const tags = ['cod'];

    app.get(
      '/cod/settings',
      { ...staff, schema: { tags, response: { 200: CodSettings } } },
      async (req) => cod.settings(authOf(req).accountId),
    );
    app.put(
      '/cod/settings',
      { ...staff, schema: { tags, body: CodSettings, response: { 200: CodSettings } } },
      async (req) => cod.saveSettings(authOf(req).accountId, req.body),
    );
    app.get(
      '/cod/summary',
      {
        ...staff,
        schema: { tags, querystring: CodSummaryQuery, response: { 200: CodSummaryOut } },
      },
      async (req) => cod.summary(authOf(req).accountId, req.query),
    );
    app.get(
      '/cod/shipments',
      {
        ...staff,
        schema: { tags, querystring: CodShipmentsQuery, response: { 200: CodShipmentsOut } },
      },
      async (req) => cod.shipments(authOf(req).accountId, req.query),
    );
    app.get(
      '/orders/:id/cod',
      { ...staff, schema: { tags, params: OrderIdParams, response: { 200: CodOrderOut } } },
      async (req) => cod.ofOrder(authOf(req).accountId, req.params.id),
    );
    app.get(
      '/cod/couriers',
      { ...staff, schema: { tags, response: { 200: CodCouriersOut } } },
      async () => ({ items: cod.apiCouriers() }),
    );
    app.get(
      '/cod/imports',
      { ...staff, schema: { tags, response: { 200: CodImportsOut } } },
      async (req) => cod.imports(authOf(req).accountId),
    );
    app.get(
      '/cod/imports/:id',
      { ...staff, schema: { tags, params: CodImportIdParams, response: { 200: CodImportOut } } },
      async (req) => cod.importOut(authOf(req).accountId, req.params.id),
    );
    app.post(
      '/cod/imports/courier',
      {
        ...staff,
        schema: { tags, body: CodCourierImportBody, response: { 202: CodImportOut } },
      },
      async (req, reply) =>
        reply
          .status(202)
          .send(await cod.startCourierImport(authOf(req).accountId, actorOf(req), req.body)),
    );
    app.post(
      '/cod/files/preview',
      {
        ...staff,
        schema: {
          tags,
          description: 'multipart/form-data with one field `file` (CSV or XLSX, ≤ 5 MB)',
          response: { 200: CodPreviewOut },
        },
      },
      async (req) => cod.previewFile((await readUpload(req)).file),
    );
    app.post(
      '/cod/files/import',
      {
        ...staff,
        schema: {
          tags,
          description:
            'multipart/form-data: `file`, `courier`, `col_awb`, `col_amount`, `col_paid_at`, `col_reference` (column indexes from the preview)',
          response: { 200: CodFileImportOut },
        },
      },
      async (req) => {
        const { file, fields } = await readUpload(req);
        const f = CodFileFields.safeParse(fields);
        if (!f.success)
          throw new Invalid(
            'cod_columns_missing',
            'Choose the AWB, amount and payment date columns.',
          );
        return cod.importFile(authOf(req).accountId, actorOf(req), {
          courier: f.data.courier,
          file,
          columns: {
            awb: f.data.col_awb,
            amount: f.data.col_amount,
            paid_at: f.data.col_paid_at,
            reference: f.data.col_reference,
          },
        });
      },
    );
  };
}
