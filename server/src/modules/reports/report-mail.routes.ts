import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import { DailySummary } from './reports.schema.js';
import {
  ReportMailSettingsIn,
  ReportMailSettingsOut,
  ReportMailTestOut,
} from './report-mail.schema.js';
import type { ReportMail } from './report-mail.service.js';

/** Yesterday's summary (owner, manager) and the e-mail settings (owner only: it holds a secret). */
export function reportMailRoutes(mail: ReportMail): FastifyPluginAsyncZod {
  return async (app) => {
    const staff = { preHandler: requireRole(...STAFF) };
    const owner = { preHandler: requireRole('owner') };
    app.get(
      '/reports/summary',
      { ...staff, schema: { tags: ['reports'], response: { 200: DailySummary } } },
      async (req) => mail.summary(authOf(req).accountId),
    );
    const tags = ['settings'];
    app.get(
      '/settings/report-mail',
      { ...owner, schema: { tags, response: { 200: ReportMailSettingsOut } } },
      async (req) => mail.settings(authOf(req).accountId),
    );
    app.put(
      '/settings/report-mail',
      {
        ...owner,
        schema: { tags, body: ReportMailSettingsIn, response: { 200: ReportMailSettingsOut } },
      },
      async (req) => mail.save(authOf(req).accountId, req.body),
    );
    app.post(
      '/settings/report-mail/test',
      {
        ...owner,
        schema: { tags, body: ReportMailSettingsIn, response: { 200: ReportMailTestOut } },
      },
      async (req) => mail.sendTest(authOf(req).accountId, req.body),
    );
  };
}
