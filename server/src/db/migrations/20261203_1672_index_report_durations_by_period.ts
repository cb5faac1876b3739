import type { AnyDb } from './helpers.js';

/**
 * A histogram read by store or by courier asks for a range of stores or couriers: with the slice
 * before the period (migration 1606), SQLite walked every day row of every courier to keep a
 * year's twelve month rows. The period before the slice makes each month (or run of days) one
 * seek, then one contiguous range of the slice; the reader asks for months and days separately.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('report_durations_slice').execute();
  await db.schema
    .createIndex('report_durations_period')
    .on('report_durations')
    .columns([
      'account_id',
      'metric',
      'grain',
      'period',
      'store_id',
      'courier',
      'packer_id',
      'minutes',
      'n',
    ])
    .execute();
}
