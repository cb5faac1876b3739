import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * Store orders that could not be stored (a value out of range, a row the database refused),
 * with the reason: the rest of their page syncs, and the store shows them. A row goes when
 * the order is stored at a later sync.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('quarantined_orders'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('store_id', 'bigint', (c) => c.notNull().references('stores.id').onDelete('cascade'))
    .addColumn('external_id', 'text', notNull)
    .addColumn('number', 'text', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('detail', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('quarantined_orders_store_external')
    .on('quarantined_orders')
    .columns(['store_id', 'external_id'])
    .unique()
    .execute();
}
