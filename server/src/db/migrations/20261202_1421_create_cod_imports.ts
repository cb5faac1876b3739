import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

/**
 * One import of cash-on-delivery settlements: a file the owner uploaded or a courier's API
 * report read by a job. The row is written first (`queued`) so the dashboard can follow a job's
 * progress, and keeps the counts of its result (new / already known / unmatched lines).
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('cod_imports'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('courier', 'text', notNull)
    // 'api' | 'file'
    .addColumn('source', 'text', notNull)
    .addColumn('file_name', 'text', emptyText)
    // queued → running → done | failed
    .addColumn('state', 'text', notNull)
    .addColumn('range_from', 'text')
    .addColumn('range_to', 'text')
    .addColumn('lines_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_known', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lines_unmatched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unmatched_awbs', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('messages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', emptyText)
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('finished_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('cod_imports_account')
    .on('cod_imports')
    .columns(['account_id', 'created_at'])
    .execute();
}
