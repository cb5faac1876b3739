import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * A shipment's status history: the unified status with the courier's own code and text.
 * `(shipment_id, courier_code, occurred_at)` is unique, so polling the same history twice
 * adds nothing.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('shipment_events'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('shipment_id', 'bigint', (c) =>
      c.notNull().references('shipments.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', notNull)
    .addColumn('courier_code', 'text', notNull)
    .addColumn('courier_text', 'text', notNull)
    .addColumn('actor_label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('occurred_at', 'bigint', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('shipment_events_unique')
    .on('shipment_events')
    .columns(['shipment_id', 'courier_code', 'occurred_at'])
    .unique()
    .execute();
}
