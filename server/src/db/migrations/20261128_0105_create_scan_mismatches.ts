import { type AnyDb, notNull, withId } from './helpers.js';

/** Every wrong or surplus scan at the station; penalty rules read this table. */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('scan_mismatches'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('packer_id', 'bigint', (c) => c.references('packers.id'))
    .addColumn('order_item_id', 'bigint')
    .addColumn('code', 'text', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('scan_mismatches_packer')
    .on('scan_mismatches')
    .columns(['account_id', 'packer_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('scan_mismatches_order')
    .on('scan_mismatches')
    .column('order_id')
    .execute();
}
