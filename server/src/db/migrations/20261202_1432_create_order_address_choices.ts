import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * The locality a person chose for an order's recipient at one courier (when matching was
 * not confident): it wins over matching for that order and courier.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('order_address_choices'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('order_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('locality', 'text', notNull)
    .addColumn('chosen_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('order_address_choices_order')
    .on('order_address_choices')
    .columns(['account_id', 'order_id', 'courier'])
    .unique()
    .execute();
}
