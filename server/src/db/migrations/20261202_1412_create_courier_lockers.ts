import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * The couriers' lockers and pick-up points, cached per account and courier (the list is the
 * courier's, read with the account's login): refreshed daily and on demand, searched by the
 * locker picker, and read for a locker's size and weight limits before an AWB.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('courier_lockers'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    .addColumn('locker_id', 'text', notNull)
    .addColumn('name', 'text', notNull)
    .addColumn('address', 'text', notNull)
    .addColumn('city', 'text', notNull)
    .addColumn('county', 'text', notNull)
    .addColumn('postcode', 'text')
    .addColumn('max_length_cm', 'integer')
    .addColumn('max_width_cm', 'integer')
    .addColumn('max_height_cm', 'integer')
    .addColumn('max_weight_grams', 'integer')
    .addColumn('refreshed_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('courier_lockers_key')
    .on('courier_lockers')
    .columns(['account_id', 'courier', 'locker_id'])
    .unique()
    .execute();
}
