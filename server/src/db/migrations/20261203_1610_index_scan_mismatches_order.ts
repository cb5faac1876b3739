import type { AnyDb } from './helpers.js';

/** The per-packer report asks, per packed order, whether its packer had a mismatch on it. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('scan_mismatches_account_order')
    .on('scan_mismatches')
    .columns(['account_id', 'order_id', 'packer_id'])
    .execute();
}
