import { type AnyDb, notNull } from './helpers.js';

/**
 * The memory of the stateful strategies (round-robin pointer, smooth-weighted counters),
 * one row per account and store (store_key 0 = manual orders). Persisted so that the same
 * history gives the same decisions after a restart; the row is also what concurrent
 * distribution runs lock on PostgreSQL, so they take turns.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('distribution_state')
    .addColumn('account_id', 'bigint', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('store_key', 'bigint', notNull)
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'bigint', notNull)
    .addPrimaryKeyConstraint('distribution_state_pk', ['account_id', 'store_key'])
    .execute();
}
