import { type AnyDb, notNull, withId } from './helpers.js';

/** Failed logins of a known user, shown to the owner (Settings → Security). */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('login_failures'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('user_id', 'bigint', notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('ip', 'text', notNull)
    .addColumn('at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('login_failures_account_at')
    .on('login_failures')
    .columns(['account_id', 'at'])
    .execute();
}
