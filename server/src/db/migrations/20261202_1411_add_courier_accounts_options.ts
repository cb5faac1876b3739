import type { AnyDb } from './helpers.js';

/**
 * The non-secret choices made for a courier login (pickup point, default service, client id):
 * JSON, kept apart from the sealed credentials so the dashboard can show and edit them.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('courier_accounts')
    .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
