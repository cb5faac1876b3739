import { type AnyDb, notNull } from './helpers.js';

/**
 * The own courier's register of AWBs by the caller's reference: asking again with the same
 * reference gives the same AWB (the own courier's `findByReference`, and its idempotency).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('own_courier_awbs')
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('reference', 'text', notNull)
    .addColumn('awb', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('own_courier_awbs_pk', ['account_id', 'reference'])
    .execute();
}
