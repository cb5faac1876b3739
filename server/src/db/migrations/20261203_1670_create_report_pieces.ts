import { type AnyDb, notNull } from './helpers.js';

/**
 * The rollups of recent days, per 15-minute slot ("pieces"): a day's rows are the sums of its
 * pieces, so a change re-counts only its slot and moves the day's and the month's rows by the
 * difference, instead of recounting the whole day (seconds on a busy shop). Kept for the last
 * weeks only (see rollup/pieces.ts); `report_piece_days` lists the days whose pieces are whole.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('report_piece_counts')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('slot', 'bigint', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('packer_id', 'bigint', notNull)
    .addColumn('store_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('n', 'bigint', notNull)
    .addColumn('amount', 'bigint', notNull)
    .addPrimaryKeyConstraint('report_piece_counts_pk', [
      'account_id',
      'slot',
      'metric',
      'packer_id',
      'store_id',
      'courier',
    ])
    .execute();
  await db.schema
    .createTable('report_piece_durations')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('slot', 'bigint', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('packer_id', 'bigint', notNull)
    .addColumn('store_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('minutes', 'bigint', notNull)
    .addColumn('n', 'bigint', notNull)
    .addPrimaryKeyConstraint('report_piece_durations_pk', [
      'account_id',
      'slot',
      'metric',
      'packer_id',
      'store_id',
      'courier',
      'minutes',
    ])
    .execute();
  await db.schema
    .createTable('report_piece_days')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('day', 'text', notNull)
    .addPrimaryKeyConstraint('report_piece_days_pk', ['account_id', 'day'])
    .execute();
}
