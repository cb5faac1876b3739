import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * Bulk AWB generation: a batch (its progress) and one item per order with its result — the
 * AWB, or the courier's message (code + text) or ecomdir's error code. Each item is one
 * durable `shipment.generate` job; the dashboard follows the progress on the live stream.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('shipment_batches'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('total', 'integer', notNull)
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('made', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('finished_at', 'bigint')
    .execute();
  await withId(db, db.schema.createTable('shipment_batch_items'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('batch_id', 'bigint', (c) =>
      c.notNull().references('shipment_batches.id').onDelete('cascade'),
    )
    .addColumn('order_id', 'bigint', notNull)
    .addColumn('shipment_id', 'bigint')
    // queued → made | failed
    .addColumn('result', 'text', notNull)
    .addColumn('message_code', 'text')
    .addColumn('message_text', 'text')
    .addColumn('done_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('shipment_batch_items_batch_order')
    .on('shipment_batch_items')
    .columns(['batch_id', 'order_id'])
    .unique()
    .execute();
}
