import { type AnyDb } from './helpers.js';

/** The store's last refusal of a write-back (e.g. ecomdir_packer_locked), shown on the order. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('orders').addColumn('store_push_error', 'text').execute();
  await db.schema.alterTable('orders').addColumn('store_push_error_at', 'bigint').execute();
}
