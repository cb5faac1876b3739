import { buildQuery } from '../../api/client';
import { api } from '../../api/client';

// TEMPORARY: restated from server/src/modules/reports/reports.schema.ts until H4's routes are in
// the generated contract; then these become ApiJson<'/api/reports/…', 'get'>.
type Minutes = number | null;
type Rate = number | null;
interface Durations {
  median_work: Minutes;
  p90_work: Minutes;
  median_wall: Minutes;
  p90_wall: Minutes;
}
interface Head {
  timezone: string;
  currency: string;
  from: string;
  to: string;
  store_id: number | null;
  courier: string | null;
}
export interface PackerRow {
  packer_id: number;
  packer_name: string;
  assigned: number;
  confirmed: number;
  packed: number;
  items_packed: number;
  to_confirm: Durations;
  to_pack: Durations;
  orders_with_mismatch: number;
  scan_mismatch_rate: Rate;
  penalties_proposed: number;
  penalties_applied: number;
  penalties_waived: number;
  penalties_sum: number;
  moved_away: number;
}
export interface PackersReport extends Head {
  packers: PackerRow[];
  time_to_pack: { from_minutes: number; to_minutes: number | null; count: number }[];
}
export interface DayRow {
  day: string;
  orders_in: number;
  distributed: number;
  packed: number;
  shipped: number;
  delivered: number;
  returned: number;
  cod_to_collect: number;
  cod_collected: number;
  cod_outstanding: number;
  backlog: number;
}
export interface DaysReport extends Head {
  days: DayRow[];
  totals: Omit<DayRow, 'day' | 'cod_outstanding' | 'backlog'>;
}
export interface ShippingRow {
  key: string;
  name: string;
  orders: number;
  shipments: number;
  to_awb_median: Minutes;
  to_awb_p90: Minutes;
  delivered: number;
  returned: number;
  delivery_rate: Rate;
  return_rate: Rate;
}
export interface ShippingReport extends Head {
  stores: ShippingRow[];
  couriers: ShippingRow[];
}

export const REPORT_KINDS = ['packers', 'days', 'shipping'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What every report is asked with: the period (local days, inclusive) and the two filters. */
export interface ReportFilter {
  from: string;
  to: string;
  store_id?: number;
  courier?: string;
}

export const REPORTS_KEY = ['reports'] as const;
export const reportKey = (kind: ReportKind, f: ReportFilter) =>
  [...REPORTS_KEY, kind, f.from, f.to, f.store_id ?? null, f.courier ?? null] as const;

const query = (f: ReportFilter) => ({
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
    `/api/reports/${kind}/export${buildQuery({ format, lang: lang === 'en' ? 'en' : 'ro', ...query(f) })}`,
};
