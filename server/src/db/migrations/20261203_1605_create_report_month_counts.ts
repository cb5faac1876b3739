import { type AnyDb, notNull } from './helpers.js';

/**
 * The month sums of `report_counts` (the same slices), so a year of counts is read as twelve
 * months and the days at its edges; kept by the rebuild of the month's days.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('report_month_counts')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('month', 'text', notNull)
    .addColumn('metric', 'text', notNull)
    .addColumn('packer_id', 'bigint', notNull)
    .addColumn('store_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('n', 'bigint', notNull)
    .addColumn('amount', 'bigint', notNull)
    .addPrimaryKeyConstraint('report_month_counts_pk', [
      'account_id',
      'month',
      'metric',
      'packer_id',
      'store_id',
      'courier',
    ])
    .execute();
}
