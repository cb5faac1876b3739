import { type AnyDb, notNull } from './helpers.js';

/** Orders that no packer could take, with the reason shown in the Unassigned queue. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('unassigned_orders')
    .addColumn('order_id', 'bigint', (c) =>
      c.primaryKey().references('orders.id').onDelete('cascade'),
    )
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('reason', 'text', notNull)
    .addColumn('since_at', 'bigint', notNull)
    .addColumn('checked_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('unassigned_orders_account')
    .on('unassigned_orders')
    .columns(['account_id', 'since_at'])
    .execute();
}
