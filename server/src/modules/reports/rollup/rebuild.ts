import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays, localDayOf, localMidnight } from '../../../shared/local-days.js';
import { ALL_COURIERS, ALL_STORES, type DayWindow, SLOT_MS } from './metric.js';

export { SLOT_MS };
import { COUNT_METRICS, DURATION_METRICS } from './metrics/index.js';
import {
  deletePieces,
  insertPieces,
  piecedDays,
  piecesFrom,
  prunePieces,
  refreshSlots,
  slotRange,
  sumPiecesIntoDay,
} from './pieces.js';

/** The columns every insert into the rollups fills, in the order its SELECT gives them. */
const COUNT_COLUMNS = [
  'account_id',
  'day',
  'metric',
  'packer_id',
  'store_id',
  'courier',
  'n',
  'amount',
] as const;
const DURATION_COLUMNS = [
  'account_id',
  'grain',
  'period',
  'metric',
  'packer_id',
  'store_id',
  'courier',
  'minutes',
  'n',
] as const;
/** Slots taken per transaction (~31 days): a long rebuild never holds the writer lock for long. */
const SLOTS_PER_BATCH = 3000;

/**
 * Brings an account's rollups up to date from the raw rows (every metric of the registry): a
 * recent day whose pieces are whole re-counts only its dirty slots (pieces.ts); any other day
 * holding dirty slots is recounted whole; the months follow. The marks are taken
 * with DELETE … RETURNING before the raw rows are read, in the same transaction: a change that
 * commits later marks its slot again, so nothing is missed (also with PostgreSQL's concurrent
 * writers, whose marks never wait on a lock). Returns how many days were touched; `tally` says how.
 */
export async function refreshRollups(
  db: Kysely<DB>,
  accountId: number,
  timeZone: string,
  now: number = Date.now(),
  tally: RefreshTally = { wholeDays: 0, slots: 0 },
): Promise<number> {
  await resetIfZoneChanged(db, accountId, timeZone, now);
  const keepFrom = piecesFrom(now, timeZone);
  let rebuilt = 0;
  for (;;) {
    const days = await db.transaction().execute(async (trx) => {
      await lockAccount(trx, accountId);
      const taken = await trx
        .deleteFrom('report_dirty')
        .where('account_id', '=', accountId)
        .where((eb) =>
          eb(
            'slot',
            'in',
            eb
              .selectFrom('report_dirty')
              .select('slot')
              .where('account_id', '=', accountId)
              .orderBy('slot')
              .limit(SLOTS_PER_BATCH),
          ),
        )
        .returning('slot')
        .execute();
      const slotsOf = new Map<string, number[]>();
      for (const t of taken) {
        const day = localDayOf(Number(t.slot) * SLOT_MS, timeZone);
        slotsOf.set(day, [...(slotsOf.get(day) ?? []), Number(t.slot)]);
      }
      // A day whose pieces are whole re-counts only its dirty slots; any other day is recounted.
      const whole = await piecedDays(trx, accountId, [...slotsOf.keys()]);
      const full = [...slotsOf.keys()].filter((d) => !(whole.has(d) && d >= keepFrom)).sort();
      await rebuildDays(trx, accountId, timeZone, full, keepFrom);
      tally.wholeDays += full.length;
      for (const [day, slots] of slotsOf)
        if (!full.includes(day)) {
          await refreshSlots(trx, accountId, timeZone, day, slots);
          tally.slots += slots.length;
        }
      return slotsOf.size;
    });
    if (days === 0) break;
    rebuilt += days;
  }
  await prunePieces(db, accountId, keepFrom, timeZone);
  return rebuilt;
}

/** What a refresh re-counted: whole days, and slots of pieced days. */
export interface RefreshTally {
  wholeDays: number;
  slots: number;
}

/** Recomputes the given local days and the months that hold them, inside `trx`. */
export async function rebuildDays(
  trx: Transaction<DB>,
  accountId: number,
  timeZone: string,
  days: string[],
  keepPiecesFrom: string,
): Promise<void> {
  // A month touched by a few days is kept by difference (minus the day's old rows, plus its new
  // ones): a busy today costs one day, not the month's thousands of rows. Many days of one month
  // (a rebuild from scratch) are cheaper summed again once.
  const perMonth = new Map<string, number>();
  for (const d of days) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
  const byDifference = (day: string) => (perMonth.get(day.slice(0, 7)) ?? 0) <= FEW_DAYS;
  for (const day of days) {
    if (byDifference(day)) await shiftMonth(trx, accountId, day, -1);
    const w: DayWindow = {
      accountId,
      day,
      timeZone,
      start: localMidnight(day, timeZone),
      end: localMidnight(addDays(day, 1), timeZone),
    };
    await trx
      .deleteFrom('report_counts')
      .where('account_id', '=', accountId)
      .where('day', '=', day)
      .execute();
    await trx
      .deleteFrom('report_durations')
      .where('account_id', '=', accountId)
      .where('grain', '=', 'day')
      .where('period', '=', day)
      .execute();
    await deletePieces(trx, accountId, [slotRange(w)]);
    if (day >= keepPiecesFrom) {
      // A recent day keeps its slots' rows, and its own are their sums.
      await insertPieces(trx, w);
      await sumPiecesIntoDay(trx, accountId, w);
    } else await insertDayRows(trx, w);
    await addAllSlices(trx, accountId, day);
    if (byDifference(day)) await shiftMonth(trx, accountId, day, 1);
  }
  for (const [month, count] of perMonth) {
    if (count > FEW_DAYS) await rebuildMonth(trx, accountId, month);
    else await dropEmptyMonthRows(trx, accountId, month);
  }
}

/** A day's rows straight from the metrics (a day too old to keep its slots' rows). */
async function insertDayRows(trx: Transaction<DB>, w: DayWindow): Promise<void> {
  for (const m of COUNT_METRICS)
    await trx
      .insertInto('report_counts')
      .columns(COUNT_COLUMNS)
      .expression(
        trx
          .selectFrom(m.rows(trx, w).as('m'))
          .select([
            sql<number>`cast(${w.accountId} as bigint)`.as('account_id'),
            sql<string>`cast(${w.day} as text)`.as('day'),
            sql<string>`cast(${m.name} as text)`.as('metric'),
            'm.packer_id',
            'm.store_id',
            'm.courier',
            sql<number>`cast(sum(m.n) as bigint)`.as('n'),
            sql<number>`cast(sum(m.amount) as bigint)`.as('amount'),
          ])
          .where('m.n', '>', 0)
          .groupBy(['m.packer_id', 'm.store_id', 'm.courier']),
      )
      .execute();
  for (const m of DURATION_METRICS)
    await trx
      .insertInto('report_durations')
      .columns(DURATION_COLUMNS)
      .expression(
        trx
          .selectFrom(m.rows(trx, w).as('m'))
          .select([
            sql<number>`cast(${w.accountId} as bigint)`.as('account_id'),
            sql<string>`cast('day' as text)`.as('grain'),
            sql<string>`cast(${w.day} as text)`.as('period'),
            sql<string>`cast(${m.name} as text)`.as('metric'),
            'm.packer_id',
            'm.store_id',
            'm.courier',
            'm.minutes',
            sql<number>`cast(sum(m.n) as bigint)`.as('n'),
          ])
          .where('m.n', '>', 0)
          .groupBy(['m.packer_id', 'm.store_id', 'm.courier', 'm.minutes']),
      )
      .execute();
}

/** Up to this many days of one month in a batch, the month is kept by difference. */
const FEW_DAYS = 3;

/** Adds a day's rows (sign 1) or takes them away (sign -1) from its month's rows. */
async function shiftMonth(
  trx: Transaction<DB>,
  accountId: number,
  day: string,
  sign: 1 | -1,
): Promise<void> {
  const month = day.slice(0, 7);
  await sql`INSERT INTO report_month_counts
      (account_id, month, metric, packer_id, store_id, courier, n, amount)
    SELECT account_id, cast(${month} as text), metric, packer_id, store_id, courier,
      cast(${sign} as bigint) * n, cast(${sign} as bigint) * amount
    FROM report_counts WHERE account_id = ${accountId} AND day = ${day}
    ON CONFLICT (account_id, month, metric, packer_id, store_id, courier) DO UPDATE
      SET n = report_month_counts.n + excluded.n,
        amount = report_month_counts.amount + excluded.amount`.execute(trx);
  await sql`INSERT INTO report_durations
      (account_id, grain, period, metric, packer_id, store_id, courier, minutes, n)
    SELECT account_id, cast('month' as text), cast(${month} as text), metric, packer_id,
      store_id, courier, minutes, cast(${sign} as bigint) * n
    FROM report_durations
    WHERE account_id = ${accountId} AND grain = 'day' AND period = ${day}
    ON CONFLICT (account_id, grain, period, metric, packer_id, store_id, courier, minutes)
      DO UPDATE SET n = report_durations.n + excluded.n`.execute(trx);
}

/** Month rows a difference brought to zero are removed (a rebuild from scratch has none). */
async function dropEmptyMonthRows(
  trx: Transaction<DB>,
  accountId: number,
  month: string,
): Promise<void> {
  await trx
    .deleteFrom('report_month_counts')
    .where('account_id', '=', accountId)
    .where('month', '=', month)
    .where('n', '=', 0)
    .where('amount', '=', 0)
    .execute();
  await trx
    .deleteFrom('report_durations')
    .where('account_id', '=', accountId)
    .where('grain', '=', 'month')
    .where('period', '=', month)
    .where('n', '=', 0)
    .execute();
}

/**
 * A day's rows summed over every store, every courier, and both (see ALL_STORES): INSERT …
 * SELECT over the rows the metrics just wrote. Histograms are large (a row per minute value):
 * they get only the "both" copy, but for the `everySlice` metrics (no packer, small) all three.
 */
async function addAllSlices(trx: Transaction<DB>, accountId: number, day: string): Promise<void> {
  const rolls = [
    { store: sql`store_id`, courier: sql`${ALL_COURIERS}`, by: sql`store_id` },
    { store: sql`${ALL_STORES}`, courier: sql`courier`, by: sql`courier` },
    { store: sql`${ALL_STORES}`, courier: sql`${ALL_COURIERS}`, by: null },
  ];
  const everySlice = DURATION_METRICS.filter((m) => m.everySlice).map((m) => m.name);
  for (const r of rolls) {
    const by = r.by ? sql`, ${r.by}` : sql``;
    await sql`INSERT INTO report_counts
        (account_id, day, metric, packer_id, store_id, courier, n, amount)
      SELECT account_id, day, metric, packer_id, cast(${r.store} as bigint),
        cast(${r.courier} as text), cast(sum(n) as bigint), cast(sum(amount) as bigint)
      FROM report_counts
      WHERE account_id = ${accountId} AND day = ${day}
        AND store_id <> ${ALL_STORES} AND courier <> ${ALL_COURIERS}
      GROUP BY account_id, day, metric, packer_id${by}`.execute(trx);
    if (r.by !== null && everySlice.length === 0) continue;
    const only = r.by === null ? sql`` : sql`AND metric IN (${sql.join(everySlice)})`;
    await sql`INSERT INTO report_durations
        (account_id, grain, period, metric, packer_id, store_id, courier, minutes, n)
      SELECT account_id, grain, period, metric, packer_id, cast(${r.store} as bigint),
        cast(${r.courier} as text), minutes, cast(sum(n) as bigint)
      FROM report_durations
      WHERE account_id = ${accountId} AND grain = 'day' AND period = ${day}
        AND store_id <> ${ALL_STORES} AND courier <> ${ALL_COURIERS} ${only}
      GROUP BY account_id, grain, period, metric, packer_id, minutes${by}`.execute(trx);
  }
}

/**
 * A month's histograms and counts are the sums of its days' (a year reads twelve months).
 */
async function rebuildMonth(trx: Transaction<DB>, accountId: number, month: string): Promise<void> {
  await trx
    .deleteFrom('report_month_counts')
    .where('account_id', '=', accountId)
    .where('month', '=', month)
    .execute();
  await trx
    .insertInto('report_month_counts')
    .columns(['account_id', 'month', 'metric', 'packer_id', 'store_id', 'courier', 'n', 'amount'])
    .expression(
      trx
        .selectFrom('report_counts')
        .select([
          'account_id',
          sql<string>`cast(${month} as text)`.as('month'),
          'metric',
          'packer_id',
          'store_id',
          'courier',
          sql<number>`cast(sum(n) as bigint)`.as('n'),
          sql<number>`cast(sum(amount) as bigint)`.as('amount'),
        ])
        .where('account_id', '=', accountId)
        .where('day', '>=', `${month}-01`)
        .where('day', '<=', `${month}-31`)
        .groupBy(['account_id', 'metric', 'packer_id', 'store_id', 'courier']),
    )
    .execute();
  await trx
    .deleteFrom('report_durations')
    .where('account_id', '=', accountId)
    .where('grain', '=', 'month')
    .where('period', '=', month)
    .execute();
  await trx
    .insertInto('report_durations')
    .columns(DURATION_COLUMNS)
    .expression(
      trx
        .selectFrom('report_durations')
        .select([
          'account_id',
          sql<string>`cast('month' as text)`.as('grain'),
          sql<string>`cast(${month} as text)`.as('period'),
          'metric',
          'packer_id',
          'store_id',
          'courier',
          'minutes',
          sql<number>`cast(sum(n) as bigint)`.as('n'),
        ])
        .where('account_id', '=', accountId)
        .where('grain', '=', 'day')
        .where('period', '>=', `${month}-01`)
        .where('period', '<=', `${month}-31`)
        .groupBy(['account_id', 'metric', 'packer_id', 'store_id', 'courier', 'minutes']),
    )
    .execute();
}

/** One rebuilder per account at a time on PostgreSQL (SQLite has one writer anyway). */
async function lockAccount(trx: Transaction<DB>, accountId: number): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter)
    await sql`SELECT pg_advisory_xact_lock(1601, ${accountId}::int)`.execute(trx);
}

/**
 * Rollups are local days of one time zone: when the account's zone is not the one they were
 * built in, they are dropped and every slot that holds history is marked again.
 */
async function resetIfZoneChanged(
  db: Kysely<DB>,
  accountId: number,
  timeZone: string,
  now: number,
): Promise<void> {
  const state = await db
    .selectFrom('report_state')
    .select('timezone')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (state?.timezone === timeZone) return;
  await db.transaction().execute(async (trx) => {
    await lockAccount(trx, accountId);
    if (state) {
      await trx.deleteFrom('report_counts').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('report_durations').where('account_id', '=', accountId).execute();
      await trx.deleteFrom('report_month_counts').where('account_id', '=', accountId).execute();
      for (const t of [
        'report_piece_counts',
        'report_piece_durations',
        'report_piece_days',
      ] as const)
        await trx.deleteFrom(t).where('account_id', '=', accountId).execute();
      await markAllDirty(trx, accountId);
    }
    await trx
      .insertInto('report_state')
      .values({ account_id: accountId, timezone: timeZone, built_at: now })
      .onConflict((oc) =>
        oc.column('account_id').doUpdateSet({ timezone: timeZone, built_at: now }),
      )
      .execute();
  });
}

/** Marks every slot that holds an account's history (a zone change, `npm run reports:rebuild`). */
export async function markAllDirty(trx: Transaction<DB>, accountId: number): Promise<void> {
  // Every day is then recounted whole (its pieces made again), not slot by slot.
  await trx.deleteFrom('report_piece_days').where('account_id', '=', accountId).execute();
  await sql`INSERT INTO report_dirty (account_id, slot, n)
    SELECT cast(${accountId} as bigint), s, 1 FROM (
      SELECT created_at / 900000 AS s FROM orders WHERE account_id = ${accountId}
      UNION SELECT created_at / 900000 FROM audit_events WHERE account_id = ${accountId}
      UNION SELECT assigned_at / 900000 FROM assignments WHERE account_id = ${accountId}
      UNION SELECT confirmed_at / 900000 FROM assignments
        WHERE account_id = ${accountId} AND confirmed_at IS NOT NULL
      UNION SELECT packed_at / 900000 FROM assignments
        WHERE account_id = ${accountId} AND packed_at IS NOT NULL
      UNION SELECT ended_at / 900000 FROM assignments
        WHERE account_id = ${accountId} AND ended_at IS NOT NULL
      UNION SELECT created_at / 900000 FROM scan_mismatches WHERE account_id = ${accountId}
      UNION SELECT occurred_at / 900000 FROM shipment_events WHERE account_id = ${accountId}
      UNION SELECT created_at / 900000 FROM cod_settlement_lines WHERE account_id = ${accountId}
      UNION SELECT paid_at / 900000 FROM cod_settlement_lines
        WHERE account_id = ${accountId} AND paid_at IS NOT NULL
    ) AS slots
    WHERE true -- SQLite: without a WHERE, the ON of the upsert would parse as a join's
    ON CONFLICT (account_id, slot) DO NOTHING`.execute(trx);
}
