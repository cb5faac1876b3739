import { z } from 'zod';
import { DAY_PATTERN } from '../../shared/local-days.js';

/**
 * The reports' wire shapes: the dashboard, the exports and the daily summary all read these.
 * Money is integer minor units of `currency`; durations are whole minutes (see percentile.ts);
 * rates are fractions 0..1 (null when there is nothing to divide).
 */
const Day = z.string().regex(DAY_PATTERN, 'a day like 2026-11-05');
const Count = z.number().int();
const Minor = z.number().int();
const Minutes = z.number().int().nullable();
const Rate = z.number().min(0).max(1).nullable();

export const ReportQuery = z.strictObject({
  /** Local days of the account, inclusive; default: the last 30 days up to today. */
  from: Day.optional(),
  to: Day.optional(),
  store_id: z.coerce.number().int().positive().optional(),
  courier: z.string().trim().min(1).max(40).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const ExportQuery = ReportQuery.extend({
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['ro', 'en']).optional(),
});

/** What every report answers with besides its rows: the period it really covers. */
const ReportHead = {
  timezone: z.string(),
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  store_id: z.number().int().nullable(),
  courier: z.string().nullable(),
};

export const Durations = z.object({
  median_work: Minutes,
  p90_work: Minutes,
  median_wall: Minutes,
  p90_wall: Minutes,
});

export const PackerRow = z.object({
  packer_id: z.number().int(),
  packer_name: z.string(),
  assigned: Count,
  confirmed: Count,
  packed: Count,
  items_packed: Count,
  /** Assignment → confirmation. */
  to_confirm: Durations,
  /** Confirmation → packed. */
  to_pack: Durations,
  /** Packed orders that had at least one wrong or surplus scan. */
  orders_with_mismatch: Count,
  scan_mismatch_rate: Rate,
  penalties_proposed: Count,
  penalties_applied: Count,
  penalties_waived: Count,
  /** Sum of the penalties in force (applied, contested, upheld) created in the period. */
  penalties_sum: Minor,
  /** Orders taken from this packer by an owner's override. */
  moved_away: Count,
});
export type PackerRow = z.infer<typeof PackerRow>;

/** One bar of the time-to-pack chart: how many packs took [from_minutes, to_minutes). */
export const HistogramBin = z.object({
  from_minutes: z.number().int(),
  to_minutes: z.number().int().nullable(),
  count: Count,
});

export const PackersReport = z.object({
  ...ReportHead,
  packers: z.array(PackerRow),
  /** Confirmation → packed, wall time, all packers of the selection. */
  time_to_pack: z.array(HistogramBin),
});
export type PackersReport = z.infer<typeof PackersReport>;

export const DayRow = z.object({
  day: z.string(),
  orders_in: Count,
  distributed: Count,
  packed: Count,
  shipped: Count,
  delivered: Count,
  returned: Count,
  /** COD of the AWBs made that day. */
  cod_to_collect: Minor,
  /** COD the couriers reported collected that day. */
  cod_collected: Minor,
  /**
   * Everything to collect up to the end of the day, minus everything collected, minus the COD
   * of parcels returned (it will never be collected).
   */
  cod_outstanding: Minor,
  /** Orders in, not cancelled and not yet packed at the end of the day. */
  backlog: Count,
});
export type DayRow = z.infer<typeof DayRow>;

export const DaysReport = z.object({
  ...ReportHead,
  days: z.array(DayRow),
  totals: DayRow.omit({ day: true, cod_outstanding: true, backlog: true }),
});
export type DaysReport = z.infer<typeof DaysReport>;

export const ShippingRow = z.object({
  /** Store id or courier key. */
  key: z.string(),
  name: z.string(),
  orders: Count,
  shipments: Count,
  /** Order created → AWB made, wall time. */
  to_awb_median: Minutes,
  to_awb_p90: Minutes,
  delivered: Count,
  returned: Count,
  delivery_rate: Rate,
  return_rate: Rate,
});
export type ShippingRow = z.infer<typeof ShippingRow>;

export const ShippingReport = z.object({
  ...ReportHead,
  stores: z.array(ShippingRow),
  couriers: z.array(ShippingRow),
});
export type ShippingReport = z.infer<typeof ShippingReport>;

export const DailySummary = z.object({
  timezone: z.string(),
  currency: z.string(),
  /** Yesterday in the account's zone. */
  day: z.string(),
  figures: DayRow,
  /** The same figures the day before, for the arrows. */
  previous: DayRow,
  top_packers: z.array(PackerRow.pick({ packer_id: true, packer_name: true, packed: true })),
  penalties_proposed: Count,
});
export type DailySummary = z.infer<typeof DailySummary>;
