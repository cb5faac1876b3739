import { type AnyDb, notNull, withId } from './helpers.js';

/** An account's login at a courier: the credentials sealed by the vault, never returned. */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('courier_accounts'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('credentials', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('courier_accounts_account')
    .on('courier_accounts')
    .columns(['account_id', 'courier'])
    .execute();
}
