import { type Kysely, PostgresAdapter, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays, localDayOf, localMidnight } from '../../../shared/local-days.js';
import { ALL_COURIERS, ALL_STORES, type DayWindow, SLOT_MS } from './metric.js';
import { COUNT_METRICS, DURATION_METRICS } from './metrics/index.js';

/**
 * Pieces: the rollup rows of each 15-minute slot of the recent days (migration 1670). A recent
 * day's rows are the sums of its pieces, so a change re-counts its own slot only and moves the
 * day's and the month's rows by the difference (old piece out, new piece in): on a busy day the
 * first read after a minute of work re-counts a few slots instead of the whole day. Older days
 * keep no pieces (a change there recounts the day): they change rarely, and pieces cost room.
 */

/** Days back from today (included) whose pieces are kept: returns, late deliveries, COD. */
export const PIECE_DAYS = 35;

/** The first local day that keeps its pieces at `now`. */
export function piecesFrom(now: number, timeZone: string): string {
  return addDays(localDayOf(now, timeZone), -(PIECE_DAYS - 1));
}

/** [first, last] slot of a window. */
export function slotRange(w: { start: number; end: number }): [number, number] {
  return [Math.floor(w.start / SLOT_MS), Math.ceil(w.end / SLOT_MS) - 1];
}

const inRanges = (ranges: Array<[number, number]>) =>
  sql.join(
    ranges.map(([a, b]) => sql`slot BETWEEN ${a} AND ${b}`),
    sql` OR `,
  );

/** Of `days`, those whose pieces are whole. */
export async function piecedDays(
  trx: Transaction<DB>,
  accountId: number,
  days: string[],
): Promise<Set<string>> {
  if (days.length === 0) return new Set();
  const rows = await trx
    .selectFrom('report_piece_days')
    .select('day')
    .where('account_id', '=', accountId)
    .where('day', 'in', days)
    .execute();
  return new Set(rows.map((r) => r.day));
}

export async function deletePieces(
  trx: Transaction<DB>,
  accountId: number,
  ranges: Array<[number, number]>,
): Promise<void> {
  for (const t of ['report_piece_counts', 'report_piece_durations'] as const)
    await sql`DELETE FROM ${sql.table(t)}
      WHERE account_id = ${accountId} AND (${inRanges(ranges)})`.execute(trx);
}

/** Every metric's rows of window `w`, per slot, into the pieces. */
export async function insertPieces(trx: Transaction<DB>, w: DayWindow): Promise<void> {
  for (const m of COUNT_METRICS)
    await trx
      .insertInto('report_piece_counts')
      .columns(['account_id', 'slot', 'metric', 'packer_id', 'store_id', 'courier', 'n', 'amount'])
      .expression(
        trx
          .selectFrom(m.rows(trx, w).as('m'))
          .select([
            sql<number>`cast(${w.accountId} as bigint)`.as('account_id'),
            'm.slot',
            sql<string>`cast(${m.name} as text)`.as('metric'),
            'm.packer_id',
            'm.store_id',
            'm.courier',
            'm.n',
            'm.amount',
          ])
          .where('m.n', '>', 0),
      )
      .execute();
  for (const m of DURATION_METRICS)
    await trx
      .insertInto('report_piece_durations')
      .columns(['account_id', 'slot', 'metric', 'packer_id', 'store_id', 'courier', 'minutes', 'n'])
      .expression(
        trx
          .selectFrom(m.rows(trx, w).as('m'))
          .select([
            sql<number>`cast(${w.accountId} as bigint)`.as('account_id'),
            'm.slot',
            sql<string>`cast(${m.name} as text)`.as('metric'),
            'm.packer_id',
            'm.store_id',
            'm.courier',
            'm.minutes',
            'm.n',
          ])
          .where('m.n', '>', 0),
      )
      .execute();
}

/** A day's own rows as the sums of its pieces; the day is then listed as pieced. */
export async function sumPiecesIntoDay(
  trx: Transaction<DB>,
  accountId: number,
  w: DayWindow,
): Promise<void> {
  const [a, b] = slotRange(w);
  await sql`INSERT INTO report_counts (account_id, day, metric, packer_id, store_id, courier, n, amount)
    SELECT account_id, cast(${w.day} as text), metric, packer_id, store_id, courier,
      cast(sum(n) as bigint), cast(sum(amount) as bigint)
    FROM report_piece_counts WHERE account_id = ${accountId} AND slot BETWEEN ${a} AND ${b}
    GROUP BY account_id, metric, packer_id, store_id, courier`.execute(trx);
  await sql`INSERT INTO report_durations
      (account_id, grain, period, metric, packer_id, store_id, courier, minutes, n)
    SELECT account_id, cast('day' as text), cast(${w.day} as text), metric, packer_id, store_id,
      courier, minutes, cast(sum(n) as bigint)
    FROM report_piece_durations WHERE account_id = ${accountId} AND slot BETWEEN ${a} AND ${b}
    GROUP BY account_id, metric, packer_id, store_id, courier, minutes`.execute(trx);
  await trx
    .insertInto('report_piece_days')
    .values({ account_id: accountId, day: w.day })
    .onConflict((oc) => oc.columns(['account_id', 'day']).doNothing())
    .execute();
}

/**
 * Re-counts the dirty `slots` of a pieced `day`: the slots' old pieces are kept aside with a minus
 * sign, the slots are counted again, and the difference per slice (most of a re-counted slot does
 * not change) moves the day's and the month's rows, every slice copy included; rows it brings to
 * zero go.
 */
export async function refreshSlots(
  trx: Transaction<DB>,
  accountId: number,
  timeZone: string,
  day: string,
  slots: number[],
): Promise<void> {
  const ranges = runsOf(slots);
  await startDelta(trx);
  await addToDelta(trx, accountId, ranges, -1);
  await deletePieces(trx, accountId, ranges);
  for (const [a, b] of ranges)
    await insertPieces(trx, {
      accountId,
      day,
      timeZone,
      start: a * SLOT_MS,
      end: (b + 1) * SLOT_MS,
    });
  await addToDelta(trx, accountId, ranges, 1);
  await applyDelta(trx, accountId, day);
}

/** Sorted slots as runs of consecutive ones, [first, last]. */
function runsOf(slots: number[]): Array<[number, number]> {
  const sorted = [...new Set(slots)].sort((x, y) => x - y);
  const runs: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === s - 1) last[1] = s;
    else runs.push([s, s]);
  }
  return runs;
}

/**
 * The difference of a re-count, per slice, in temporary tables of the connection (PostgreSQL
 * empties them at commit; SQLite's are emptied here).
 */
async function startDelta(trx: Transaction<DB>): Promise<void> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const onCommit = pg ? sql`ON COMMIT DELETE ROWS` : sql``;
  await sql`CREATE TEMP TABLE IF NOT EXISTS report_delta_counts (metric text, packer_id bigint,
    store_id bigint, courier text, n bigint, amount bigint) ${onCommit}`.execute(trx);
  await sql`CREATE TEMP TABLE IF NOT EXISTS report_delta_durations (metric text, packer_id bigint,
    store_id bigint, courier text, minutes bigint, n bigint) ${onCommit}`.execute(trx);
  await sql`DELETE FROM report_delta_counts`.execute(trx);
  await sql`DELETE FROM report_delta_durations`.execute(trx);
}

/** The pieces of `ranges` into the difference, with `sign`. */
async function addToDelta(
  trx: Transaction<DB>,
  accountId: number,
  ranges: Array<[number, number]>,
  sign: 1 | -1,
): Promise<void> {
  const where = sql`account_id = ${accountId} AND (${inRanges(ranges)})`;
  const s = sql`cast(${sign} as bigint)`;
  await sql`INSERT INTO report_delta_counts (metric, packer_id, store_id, courier, n, amount)
    SELECT metric, packer_id, store_id, courier, ${s} * n, ${s} * amount
    FROM report_piece_counts WHERE ${where}`.execute(trx);
  await sql`INSERT INTO report_delta_durations (metric, packer_id, store_id, courier, minutes, n)
    SELECT metric, packer_id, store_id, courier, minutes, ${s} * n
    FROM report_piece_durations WHERE ${where}`.execute(trx);
}

interface Roll {
  store: RawBuilder<unknown>;
  courier: RawBuilder<unknown>;
  by: RawBuilder<unknown>;
}
/** The rows as they are, and their copies over every store, every courier, and both. */
const FULL: Roll = { store: sql`store_id`, courier: sql`courier`, by: sql`, store_id, courier` };
const BY_STORE: Roll = { store: sql`store_id`, courier: sql`${ALL_COURIERS}`, by: sql`, store_id` };
const BY_COURIER: Roll = { store: sql`${ALL_STORES}`, courier: sql`courier`, by: sql`, courier` };
const BOTH: Roll = { store: sql`${ALL_STORES}`, courier: sql`${ALL_COURIERS}`, by: sql`` };

/** The difference summed into every slice copy the rollups keep, without its zeros. */
function rolledCounts() {
  return sql.join(
    [FULL, BY_STORE, BY_COURIER, BOTH].map(
      (r) => sql`SELECT metric, packer_id, cast(${r.store} as bigint) AS store_id,
        cast(${r.courier} as text) AS courier, cast(sum(n) as bigint) AS n,
        cast(sum(amount) as bigint) AS amount
      FROM report_delta_counts GROUP BY metric, packer_id${r.by}
      HAVING sum(n) <> 0 OR sum(amount) <> 0`,
    ),
    sql` UNION ALL `,
  );
}

function rolledDurations() {
  const everySlice = DURATION_METRICS.filter((m) => m.everySlice).map((m) => m.name);
  const rolls = [
    { roll: FULL, only: sql`` },
    { roll: BOTH, only: sql`` },
    ...(everySlice.length
      ? [BY_STORE, BY_COURIER].map((roll) => ({
          roll,
          only: sql`WHERE metric IN (${sql.join(everySlice)})`,
        }))
      : []),
  ];
  return sql.join(
    rolls.map(
      ({ roll: r, only }) => sql`SELECT metric, packer_id, cast(${r.store} as bigint) AS store_id,
        cast(${r.courier} as text) AS courier, minutes, cast(sum(n) as bigint) AS n
      FROM report_delta_durations ${only}
      GROUP BY metric, packer_id, minutes${r.by} HAVING sum(n) <> 0`,
    ),
    sql` UNION ALL `,
  );
}

/**
 * Moves the day's and the month's rows by the difference; the rows it brought to zero (the
 * upserts return them) are dropped by their keys.
 */
async function applyDelta(trx: Transaction<DB>, accountId: number, day: string): Promise<void> {
  const month = day.slice(0, 7);
  const acc = sql`cast(${accountId} as bigint)`;
  type Key = { metric: string; packer_id: number; store_id: number; courier: string };
  const zero = (r: { n: number | string; amount?: number | string }) =>
    Number(r.n) === 0 && Number(r.amount ?? 0) === 0;
  // "WHERE true": SQLite would read the ON of the upsert as a join's without it.
  const days = await sql<Key & { n: number; amount: number }>`INSERT INTO report_counts
      (account_id, day, metric, packer_id, store_id, courier, n, amount)
    SELECT ${acc}, cast(${day} as text), metric, packer_id, store_id, courier, n, amount
    FROM (${rolledCounts()}) AS d WHERE true
    ON CONFLICT (account_id, day, metric, packer_id, store_id, courier) DO UPDATE
      SET n = report_counts.n + excluded.n, amount = report_counts.amount + excluded.amount
    RETURNING metric, packer_id, store_id, courier, n, amount`.execute(trx);
  for (const k of days.rows.filter(zero))
    await trx
      .deleteFrom('report_counts')
      .where('account_id', '=', accountId)
      .where('day', '=', day)
      .where('metric', '=', k.metric)
      .where('packer_id', '=', k.packer_id)
      .where('store_id', '=', k.store_id)
      .where('courier', '=', k.courier)
      .execute();
  const months = await sql<Key & { n: number; amount: number }>`INSERT INTO report_month_counts
      (account_id, month, metric, packer_id, store_id, courier, n, amount)
    SELECT ${acc}, cast(${month} as text), metric, packer_id, store_id, courier, n, amount
    FROM (${rolledCounts()}) AS d WHERE true
    ON CONFLICT (account_id, month, metric, packer_id, store_id, courier) DO UPDATE
      SET n = report_month_counts.n + excluded.n,
        amount = report_month_counts.amount + excluded.amount
    RETURNING metric, packer_id, store_id, courier, n, amount`.execute(trx);
  for (const k of months.rows.filter(zero))
    await trx
      .deleteFrom('report_month_counts')
      .where('account_id', '=', accountId)
      .where('month', '=', month)
      .where('metric', '=', k.metric)
      .where('packer_id', '=', k.packer_id)
      .where('store_id', '=', k.store_id)
      .where('courier', '=', k.courier)
      .execute();
  for (const [grain, period] of [
    ['day', day],
    ['month', month],
  ] as const) {
    const rows = await sql<Key & { minutes: number; n: number }>`INSERT INTO report_durations
        (account_id, grain, period, metric, packer_id, store_id, courier, minutes, n)
      SELECT ${acc}, cast(${grain} as text), cast(${period} as text), metric, packer_id,
        store_id, courier, minutes, n FROM (${rolledDurations()}) AS d WHERE true
      ON CONFLICT (account_id, grain, period, metric, packer_id, store_id, courier, minutes)
        DO UPDATE SET n = report_durations.n + excluded.n
      RETURNING metric, packer_id, store_id, courier, minutes, n`.execute(trx);
    for (const k of rows.rows.filter(zero))
      await trx
        .deleteFrom('report_durations')
        .where('account_id', '=', accountId)
        .where('grain', '=', grain)
        .where('period', '=', period)
        .where('metric', '=', k.metric)
        .where('packer_id', '=', k.packer_id)
        .where('store_id', '=', k.store_id)
        .where('courier', '=', k.courier)
        .where('minutes', '=', k.minutes)
        .execute();
  }
}

/** Drops the pieces of the days that are no longer recent (those days are recounted whole). */
export async function prunePieces(
  db: Kysely<DB>,
  accountId: number,
  keepFrom: string,
  timeZone: string,
): Promise<void> {
  const firstSlot = Math.floor(localMidnight(keepFrom, timeZone) / SLOT_MS);
  await db.transaction().execute(async (trx) => {
    for (const t of ['report_piece_counts', 'report_piece_durations'] as const)
      await trx
        .deleteFrom(t)
        .where('account_id', '=', accountId)
        .where('slot', '<', firstSlot)
        .execute();
    await trx
      .deleteFrom('report_piece_days')
      .where('account_id', '=', accountId)
      .where('day', '<', keepFrom)
      .execute();
  });
}
