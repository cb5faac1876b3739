import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * A courier's localities of one county as last fetched (JSON), keyed by courier and county
 * only: a nomenclature is the courier's public data, the same for every login, so one fetch
 * serves every account. `fetched_by_account_id` is whose login read it (the periodic refresh
 * reads again with that login); it is not a scope — the list holds nothing of the account.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('courier_localities'))
    .addColumn('courier', 'text', notNull)
    .addColumn('county_key', 'text', notNull)
    .addColumn('localities', 'text', notNull)
    .addColumn('fetched_at', 'bigint', notNull)
    .addColumn('fetched_by_account_id', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('courier_localities_key')
    .on('courier_localities')
    .columns(['courier', 'county_key'])
    .unique()
    .execute();
}
