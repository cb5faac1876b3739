import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('order_items'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('product_id', 'text')
    .addColumn('variation_id', 'text')
    .addColumn('sku', 'text', emptyText)
    .addColumn('name', 'text', notNull)
    .addColumn('quantity', 'integer', notNull)
    .addColumn('unit_price_minor', 'bigint', notNull)
    .addColumn('total_minor', 'bigint', notNull)
    .addColumn('weight_grams', 'integer')
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('order_items_order').on('order_items').column('order_id').execute();
}
