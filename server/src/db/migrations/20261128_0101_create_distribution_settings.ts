import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * How new orders are distributed, per store. `store_key` is the store id, or 0 for the
 * account-level default that applies to manual (phone) orders: a NOT NULL key keeps the
 * unique index meaningful on both dialects (NULLs never collide in a unique index).
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('distribution_settings'))
    .addColumn('account_id', 'bigint', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('store_key', 'bigint', notNull)
    .addColumn('strategy', 'text', notNull)
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('store_statuses', 'text', (c) => c.notNull().defaultTo('["processing"]'))
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('distribution_settings_scope')
    .on('distribution_settings')
    .columns(['account_id', 'store_key'])
    .unique()
    .execute();
}
