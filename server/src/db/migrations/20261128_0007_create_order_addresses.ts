import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

export async function up(db: AnyDb): Promise<void> {
  let t = withId(db, db.schema.createTable('order_addresses'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull);
  for (const col of [
    'first_name',
    'last_name',
    'company',
    'email',
    'phone',
    'address_1',
    'address_2',
    'city',
    'state',
    'postcode',
    'country',
  ]) {
    t = t.addColumn(col, 'text', emptyText);
  }
  await t.addUniqueConstraint('order_addresses_order_kind', ['order_id', 'kind']).execute();
}
