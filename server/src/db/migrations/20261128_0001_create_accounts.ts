import { type AnyDb, notNull, withId } from './helpers.js';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('accounts'))
    .addColumn('name', 'text', notNull)
    .addColumn('timezone', 'text', (c) => c.notNull().defaultTo('Europe/Bucharest'))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('RON'))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('ro'))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
}
