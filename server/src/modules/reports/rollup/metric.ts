import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';

export type Db = Kysely<DB> | Transaction<DB>;

/** One local day of an account: its name and its instants [start, end) (23 or 25 hours on DST days). */
export interface DayWindow {
  accountId: number;
  /** YYYY-MM-DD in the account's time zone. */
  day: string;
  start: number;
  end: number;
  timeZone: string;
}

/** A slice's count for one day; 0 / '' where the metric has no packer, store or courier. */
export interface CountRow {
  packer_id: number;
  store_id: number;
  courier: string;
  n: number;
  /** Minor units; 0 for metrics that count only. */
  amount: number;
}

/** How many durations of a slice took `minutes` whole minutes (floor), for one day. */
export interface DurationRow {
  packer_id: number;
  store_id: number;
  courier: string;
  minutes: number;
  n: number;
}

// A metric's select joins whatever tables it needs: only its output columns are fixed.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelect<O> = SelectQueryBuilder<any, any, O>;

/**
 * A count per day: `rows` selects, for the events inside `w` (time in [w.start, w.end)), one row
 * per slice with its count. The rebuild stores them as they come; a read sums them.
 */
export interface CountMetric {
  readonly name: string;
  rows(db: Db, w: DayWindow): AnySelect<CountRow>;
}

/** A duration per day, attributed to the day its end event falls on (a pack to the pack's day). */
export interface DurationMetric {
  readonly name: string;
  rows(db: Db, w: DayWindow): AnySelect<DurationRow>;
  /**
   * Set for a metric without a packer dimension: the rebuild also keeps its histogram summed per
   * store (over every courier) and per courier (over every store), as it does for counts. Small,
   * and a report by store or courier then reads a row per value instead of every store × courier.
   */
  readonly everySlice?: true;
}

/**
 * Slices that stand for "all": after a day's rows are written, the rebuild adds the counts summed
 * over every store (store_id ALL_STORES), every courier (courier ALL_COURIERS) and both, and the
 * histograms summed over both (over each too for `everySlice` metrics), so a report without a store or courier filter reads one row per
 * packer and day instead of one per store × courier.
 */
export const ALL_STORES = -1;
export const ALL_COURIERS = '*';
