import { type AnyDb, notNull, withId } from './helpers.js';

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('audit_events'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'bigint', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('actor_user_id', 'bigint')
    .addColumn('actor_label', 'text', notNull)
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('audit_events_entity')
    .on('audit_events')
    .columns(['account_id', 'entity', 'entity_id', 'id'])
    .execute();
}
