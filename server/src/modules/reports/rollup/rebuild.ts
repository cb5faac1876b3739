import { PostgresAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays, localDayOf, localMidnight } from '../../../shared/local-days.js';
import type { DayWindow } from './metric.js';
import { COUNT_METRICS, DURATION_METRICS } from './metrics/index.js';

/** The dirty marks' unit (see migration 1602): 15 minutes. */
export const SLOT_MS = 900_000;
/** Slots taken per transaction (~31 days): a long rebuild never holds the writer lock for long. */
const SLOTS_PER_BATCH = 3000;

/**
 * Brings an account's rollups up to date: the local days holding dirty slots are recomputed from
 * the raw rows (every metric of the registry), then the months holding them. The marks are taken
 * with DELETE … RETURNING before the raw rows are read, in the same transaction: a change that
 * commits later marks its slot again, so nothing is missed (also with PostgreSQL's concurrent
 * writers, whose marks never wait on a lock). Returns how many days were rebuilt.
 */
export async function refreshRollups(
  db: Kysely<DB>,
  accountId: number,
  timeZone: string,
  now: number = Date.now(),
): Promise<number> {
  await resetIfZoneChanged(db, accountId, timeZone, now);
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
      const days = [...new Set(taken.map((t) => localDayOf(Number(t.slot) * SLOT_MS, timeZone)))];
      days.sort();
      await rebuildDays(trx, accountId, timeZone, days);
      return days.length;
    });
    if (days === 0) return rebuilt;
    rebuilt += days;
  }
}

/** Recomputes the given local days and the months that hold them, inside `trx`. */
export async function rebuildDays(
  trx: Transaction<DB>,
  accountId: number,
  timeZone: string,
  days: string[],
): Promise<void> {
  for (const day of days) {
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
    for (const m of COUNT_METRICS)
      await trx
        .insertInto('report_counts')
        .columns(['account_id', 'day', 'metric', 'packer_id', 'store_id', 'courier', 'n', 'amount'])
        .expression(
          trx
            .selectFrom(m.rows(trx, w).as('m'))
            .select([
              sql<number>`cast(${accountId} as bigint)`.as('account_id'),
              sql<string>`cast(${day} as text)`.as('day'),
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
        .insertInto('report_durations')
        .columns([
          'account_id',
          'grain',
          'period',
          'metric',
          'packer_id',
          'store_id',
          'courier',
          'minutes',
          'n',
        ])
        .expression(
          trx
            .selectFrom(m.rows(trx, w).as('m'))
            .select([
              sql<number>`cast(${accountId} as bigint)`.as('account_id'),
              sql<string>`cast('day' as text)`.as('grain'),
              sql<string>`cast(${day} as text)`.as('period'),
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
  for (const month of new Set(days.map((d) => d.slice(0, 7))))
    await rebuildMonth(trx, accountId, month);
}

/** A month's histograms are the sum of its days' (so a year reads 12 rows per minute value). */
async function rebuildMonth(trx: Transaction<DB>, accountId: number, month: string): Promise<void> {
  await trx
    .deleteFrom('report_durations')
    .where('account_id', '=', accountId)
    .where('grain', '=', 'month')
    .where('period', '=', month)
    .execute();
  await trx
    .insertInto('report_durations')
    .columns([
      'account_id',
      'grain',
      'period',
      'metric',
      'packer_id',
      'store_id',
      'courier',
      'minutes',
      'n',
    ])
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
