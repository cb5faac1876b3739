import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

export async function up(db: AnyDb): Promise<void> {
  const money = (c: Parameters<typeof notNull>[0]) => c.notNull().defaultTo(0);
  await withId(db, db.schema.createTable('orders'))
    .addColumn('account_id', 'bigint', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('store_id', 'bigint', (c) => c.references('stores.id'))
    .addColumn('external_id', 'text')
    .addColumn('number', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('store_status', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('modified_at', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('total_minor', 'bigint', money)
    .addColumn('subtotal_minor', 'bigint', money)
    .addColumn('shipping_total_minor', 'bigint', money)
    .addColumn('discount_total_minor', 'bigint', money)
    .addColumn('tax_total_minor', 'bigint', money)
    .addColumn('payment_method', 'text', emptyText)
    .addColumn('payment_method_title', 'text', emptyText)
    .addColumn('is_cod', 'integer', money)
    .addColumn('paid', 'integer', money)
    .addColumn('customer_note', 'text', emptyText)
    .addColumn('customer_name', 'text', emptyText)
    .addColumn('customer_email', 'text', emptyText)
    .addColumn('customer_phone', 'text', emptyText)
    .addColumn('shipping_city', 'text', emptyText)
    .addColumn('items_count', 'integer', money)
    .addColumn('shipping_lines', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('packer_id', 'bigint', (c) => c.references('packers.id'))
    .addColumn('assigned_at', 'bigint')
    .addColumn('confirmed_at', 'bigint')
    .addColumn('search_text', 'text', emptyText)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  // One index per list filter, each ending in the default sort (created_at, id) so the
  // first page and every keyset page are an index range scan.
  const idx = (name: string, cols: string[]) =>
    db.schema.createIndex(name).on('orders').columns(cols).execute();
  await idx('orders_account_created', ['account_id', 'created_at', 'id']);
  await idx('orders_account_status_created', ['account_id', 'status', 'created_at', 'id']);
  await idx('orders_account_packer_created', ['account_id', 'packer_id', 'created_at', 'id']);
  await idx('orders_account_store_created', ['account_id', 'store_id', 'created_at', 'id']);
  await idx('orders_account_cod_created', ['account_id', 'is_cod', 'created_at', 'id']);
  await idx('orders_account_total', ['account_id', 'total_minor', 'id']);
  await db.schema
    .createIndex('orders_store_external')
    .on('orders')
    .columns(['store_id', 'external_id'])
    .unique()
    .execute();
}
