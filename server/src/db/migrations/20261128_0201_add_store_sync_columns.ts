import type { ColumnDataType } from 'kysely';
import { type AnyDb } from './helpers.js';

/**
 * What a connected store needs beyond its name: which connector talks to it, its encrypted
 * credential, the sync cursor and the health the dashboard shows. SQLite adds one column per
 * statement, so each is its own ALTER.
 */
export async function up(db: AnyDb): Promise<void> {
  const cols: [string, ColumnDataType, string | number | null][] = [
    ['connector', 'text', 'woocommerce'],
    ['url_key', 'text', ''],
    ['credentials', 'text', null],
    ['store_info', 'text', '{}'],
    ['cursor_modified_at', 'bigint', null],
    ['cursor_id', 'text', null],
    ['sync_from', 'bigint', null],
    ['first_synced_at', 'bigint', null],
    ['sync_started_at', 'bigint', null],
    ['sync_progress', 'integer', 0],
    ['last_sync_at', 'bigint', null],
    ['last_error_code', 'text', null],
    ['last_error', 'text', null],
    ['error_since', 'bigint', null],
  ];
  for (const [name, type, def] of cols) {
    await db.schema
      .alterTable('stores')
      .addColumn(name, type, (c) => (def === null ? c : c.notNull().defaultTo(def)))
      .execute();
  }
  // The connect handshake finds a store by its normalised address across accounts (409 when
  // it belongs to another one).
  await db.schema.createIndex('stores_url_key').on('stores').column('url_key').execute();
}
