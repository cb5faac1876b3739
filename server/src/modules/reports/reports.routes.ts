import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import type { ExportKind } from './exports/export.js';
import {
  DaysReport,
  ExportQuery,
  PackersReport,
  ReportQuery,
  ShippingReport,
} from './reports.schema.js';
import type { ReportsService } from './reports.service.js';

/**
 * Reports over HTTP: owners and managers only. A packer is refused (403); their own record is
 * at the station (GET /api/station/record).
 */
export function reportsRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    const staff = { preHandler: requireRole(...STAFF) };
    const tags = ['reports'];

    app.get(
      '/reports/packers',
      { ...staff, schema: { tags, querystring: ReportQuery, response: { 200: PackersReport } } },
      async (req) => reports.packers(authOf(req), req.query),
    );
    app.get(
      '/reports/days',
      { ...staff, schema: { tags, querystring: ReportQuery, response: { 200: DaysReport } } },
      async (req) => reports.days(authOf(req), req.query),
    );
    app.get(
      '/reports/shipping',
      { ...staff, schema: { tags, querystring: ReportQuery, response: { 200: ShippingReport } } },
      async (req) => reports.shipping(authOf(req), req.query),
    );

    // The same figures as files (CSV or XLSX), one route per report.
    for (const kind of ['packers', 'days', 'shipping'] as const satisfies ExportKind[]) {
      app.get(
        `/reports/${kind}/export`,
        { ...staff, schema: { tags, querystring: ExportQuery } },
        async (req, reply) => {
          const file = await reports.export(authOf(req), kind, req.query);
          return (reply as FastifyReply)
            .type(file.contentType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .send(file.body);
        },
      );
    }
  };
}
