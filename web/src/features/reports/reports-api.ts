import { api, buildQuery } from '../../api/client';
import type { ApiJson, ApiQuery } from '../../api/contract';

/** The reports' answers, generated from the server's schema (`reports.schema.ts`). */
export type PackersReport = ApiJson<'/api/reports/packers', 'get'>;
export type PackerRow = PackersReport['packers'][number];
export type DaysReport = ApiJson<'/api/reports/days', 'get'>;
export type DayRow = DaysReport['days'][number];
export type ShippingReport = ApiJson<'/api/reports/shipping', 'get'>;
export type ShippingRow = ShippingReport['stores'][number];
type ReportQuery = ApiQuery<'/api/reports/packers', 'get'>;
type ExportQuery = ApiQuery<'/api/reports/packers/export', 'get'>;

export const REPORT_KINDS = ['packers', 'days', 'shipping'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What every report is asked with: the period (local days, inclusive) and the two filters. */
export type ReportFilter = Required<Pick<ReportQuery, 'from' | 'to'>> &
  Pick<ReportQuery, 'store_id' | 'courier'>;

export const REPORTS_KEY = ['reports'] as const;
export const reportKey = (kind: ReportKind, f: ReportFilter) =>
  [...REPORTS_KEY, kind, f.from, f.to, f.store_id ?? null, f.courier ?? null] as const;

const query = (f: ReportFilter): ReportQuery => ({
  from: f.from,
  to: f.to,
  store_id: f.store_id,
  courier: f.courier,
});

export const reportsApi = {
  packers: (f: ReportFilter) => api.get<PackersReport>('/reports/packers', query(f)),
  days: (f: ReportFilter) => api.get<DaysReport>('/reports/days', query(f)),
  shipping: (f: ReportFilter) => api.get<ShippingReport>('/reports/shipping', query(f)),
  /** A plain link: the browser downloads the attachment itself (name from the server). */
  exportUrl: (kind: ReportKind, f: ReportFilter, format: 'csv' | 'xlsx', lang: string) =>
    `/api/reports/${kind}/export${buildQuery({
      format,
      lang: lang === 'en' ? 'en' : 'ro',
      ...query(f),
    } satisfies ExportQuery)}`,
};
