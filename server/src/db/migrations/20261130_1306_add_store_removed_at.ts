import { type AnyDb } from './helpers.js';

/**
 * A store removed by its owner who kept its orders: no longer polled, its credential wiped,
 * its orders still readable. (Removing with its orders deletes the row instead.)
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('stores').addColumn('removed_at', 'bigint').execute();
}
