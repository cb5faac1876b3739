import { type AnyDb } from './helpers.js';

/**
 * Reads ask for one slice (usually the "all stores, all couriers" one) of a metric over a run of
 * days or months. The primary keys put the packer before the store and courier, so such a read
 * walked every slice of every packer and kept a tenth; these indexes put the slice first and
 * carry the figures, so a read is one contiguous range per metric.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('report_counts_slice')
    .on('report_counts')
    .columns(['account_id', 'metric', 'store_id', 'courier', 'day', 'packer_id', 'n', 'amount'])
    .execute();
  await db.schema
    .createIndex('report_month_counts_slice')
    .on('report_month_counts')
    .columns(['account_id', 'metric', 'store_id', 'courier', 'month', 'packer_id', 'n', 'amount'])
    .execute();
  await db.schema
    .createIndex('report_durations_slice')
    .on('report_durations')
    .columns([
      'account_id',
      'metric',
      'store_id',
      'courier',
      'grain',
      'period',
      'packer_id',
      'minutes',
      'n',
    ])
    .execute();
}
