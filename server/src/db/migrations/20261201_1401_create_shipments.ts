import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * One row per attempt at an AWB for an order. The row is written ("reserved") before the
 * courier is called and gets its AWB after, so a crash in between leaves a `pending` row that
 * the next attempt finishes by asking the courier for the reference (never by creating again).
 * `(order_id, attempt)` is unique: two clicks at once cannot both reserve an attempt.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('shipments'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('order_id', 'bigint', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('store_id', 'bigint')
    .addColumn('courier', 'text', notNull)
    .addColumn('service', 'text', notNull)
    .addColumn('attempt', 'integer', notNull)
    .addColumn('idempotency_key', 'text', notNull)
    // pending (reserved, courier not answered yet) → made | failed; made → cancelled
    .addColumn('phase', 'text', notNull)
    .addColumn('claim_until', 'bigint')
    .addColumn('courier_calls', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('awb', 'text')
    .addColumn('status', 'text')
    .addColumn('tracking_token', 'text', notNull)
    .addColumn('tracking_url', 'text')
    .addColumn('currency', 'text', notNull)
    .addColumn('cod_minor', 'bigint')
    .addColumn('declared_value_minor', 'bigint', notNull)
    .addColumn('parcels', 'integer', notNull)
    .addColumn('weight_grams', 'integer', notNull)
    .addColumn('observations', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sender', 'text', notNull)
    .addColumn('recipient', 'text', notNull)
    .addColumn('reason_code', 'text', notNull)
    .addColumn('reason_params', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('messages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('order_status_before', 'text', notNull)
    .addColumn('next_track_at', 'bigint')
    .addColumn('track_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('shipments_order_attempt')
    .on('shipments')
    .columns(['order_id', 'attempt'])
    .unique()
    .execute();
  await db.schema
    .createIndex('shipments_tracking_token')
    .on('shipments')
    .column('tracking_token')
    .unique()
    .execute();
  await db.schema
    .createIndex('shipments_idempotency_key')
    .on('shipments')
    .columns(['account_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('shipments_account_order')
    .on('shipments')
    .columns(['account_id', 'order_id'])
    .execute();
  await db.schema
    .createIndex('shipments_tracking_due')
    .on('shipments')
    .columns(['next_track_at'])
    .execute();
}
