import { sql } from 'kysely';
import { type AnyDb, notNull } from './helpers.js';

/**
 * Reports read rollups, never the raw rows of a long period:
 * - `report_counts`: one row per account, local day, metric and slice (packer, store, courier;
 *   0 / '' where a metric has no such slice) with a count `n` and an `amount` (minor units).
 * - `report_durations`: how many durations of a metric took exactly `minutes` whole minutes, per
 *   local day (`grain` 'day', `period` YYYY-MM-DD) and per local month (`grain` 'month', `period`
 *   YYYY-MM), so a year is read from twelve months of histograms.
 * - `report_dirty`: the 15-minute slots in which something a report counts changed, written by
 *   triggers in the transaction of the change; the days holding them are rebuilt before a read.
 * - `report_state`: the time zone the rollups were built in (another one means rebuild them all).
 * Assignments gain the packing facts the reports need: when it was packed and how much of each
 * wait fell inside the packer's shifts (computed at the event, from the shifts of that day).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('report_counts')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('day', 'text', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('packer_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('store_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('courier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('n', 'bigint', notNull)
    .addColumn('amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('report_counts_pk', [
      'account_id',
      'day',
      'metric',
      'packer_id',
      'store_id',
      'courier',
    ])
    .execute();
  await db.schema
    .createTable('report_durations')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('grain', 'text', notNull)
    .addColumn('period', 'text', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('packer_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('store_id', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('courier', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes', 'bigint', notNull)
    .addColumn('n', 'bigint', notNull)
    .addPrimaryKeyConstraint('report_durations_pk', [
      'account_id',
      'grain',
      'period',
      'metric',
      'packer_id',
      'store_id',
      'courier',
      'minutes',
    ])
    .execute();
  await db.schema
    .createTable('report_dirty')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('slot', 'bigint', notNull)
    .addColumn('n', 'bigint', notNull)
    .addPrimaryKeyConstraint('report_dirty_pk', ['account_id', 'slot'])
    .execute();
  await db.schema
    .createTable('report_state')
    .addColumn('account_id', 'bigint', (c) => c.primaryKey())
    .addColumn('timezone', 'text', notNull)
    .addColumn('built_at', 'bigint', notNull)
    .execute();

  await db.schema.alterTable('assignments').addColumn('packed_at', 'bigint').execute();
  await db.schema.alterTable('assignments').addColumn('confirm_work_ms', 'bigint').execute();
  await db.schema.alterTable('assignments').addColumn('pack_work_ms', 'bigint').execute();
  // The rebuild of one day reads each event by its time.
  for (const col of ['assigned_at', 'confirmed_at', 'packed_at', 'ended_at'])
    await db.schema
      .createIndex(`assignments_account_${col}`)
      .on('assignments')
      .columns(['account_id', col])
      .execute();
  await db.schema
    .createIndex('audit_events_account_action_at')
    .on('audit_events')
    .columns(['account_id', 'entity', 'action', 'created_at'])
    .execute();
  // Existing history: every slot that holds an order's creation or an order's event is dirty, so
  // the first read (or the rebuild job) builds the rollups of the days before this migration.
  await sql`INSERT INTO report_dirty (account_id, slot, n)
    SELECT account_id, created_at / 900000, 1 FROM orders
    UNION SELECT account_id, created_at / 900000, 1 FROM audit_events WHERE entity = 'order'
    UNION SELECT account_id, assigned_at / 900000, 1 FROM assignments`.execute(db);
}
