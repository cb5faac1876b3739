import { type AnyDb, notNull, withId } from './helpers.js';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('assignments'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('packer_id', 'bigint', (c) => c.notNull().references('packers.id'))
    .addColumn('assigned_at', 'bigint', notNull)
    .addColumn('confirmed_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addColumn('assigned_by', 'bigint')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('override', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('assignments_order')
    .on('assignments')
    .columns(['order_id', 'assigned_at'])
    .execute();
}
