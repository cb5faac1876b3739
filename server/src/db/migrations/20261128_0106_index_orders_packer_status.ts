import type { AnyDb } from './helpers.js';

/** Open-order counts per packer (distribution, max open orders, station queue) read this. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('orders_account_packer_status')
    .on('orders')
    .columns(['account_id', 'packer_id', 'status'])
    .execute();
  // "Longest idle" (least-loaded) reads each packer's latest assignment.
  await db.schema
    .createIndex('assignments_packer')
    .on('assignments')
    .columns(['account_id', 'packer_id', 'assigned_at'])
    .execute();
}
