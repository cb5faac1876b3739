import type { Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';

export type Db = Kysely<DB> | Transaction<DB>;

/** The dirty marks' unit (see migration 1602) and the pieces': 15 minutes. */
export const SLOT_MS = 900_000;

/**
 * Instants [start, end) inside one local day of an account (the whole day: 23 or 25 hours on DST
 * days, or some of its 15-minute slots).
 */
export interface DayWindow {
  accountId: number;
  /** YYYY-MM-DD in the account's time zone. */
  day: string;
  start: number;
  end: number;
  timeZone: string;
}

/**
 * A slice's count for one 15-minute slot of the window; 0 / '' where the metric has no packer,
 * store or courier. `slot` is floor(instant / SLOT_MS) of the event the metric counts it on.
 */
export interface CountRow {
  slot: number;
  packer_id: number;
  store_id: number;
  courier: string;
  n: number;
  /** Minor units; 0 for metrics that count only. */
  amount: number;
}

/** How many durations of a slice took `minutes` whole minutes (floor), in one slot. */
export interface DurationRow {
  slot: number;
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
 * A count per slot: `rows` selects, for the events inside `w` (time in [w.start, w.end)), one row
 * per slot and slice with its count. Counts must add up: the rows of two adjacent windows are
 * those of the window that joins them. The rebuild sums the slots into days; a read sums days.
 */
export interface CountMetric {
  readonly name: string;
  rows(db: Db, w: DayWindow): AnySelect<CountRow>;
}

/** A duration, attributed to the slot (so the day) its end event falls in (a pack to the pack's). */
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
