import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * Substring search over orders.search_text (number, customer, phone, e-mail, SKUs).
 * SQLite: an FTS5 trigram index kept in step by triggers. PostgreSQL: pg_trgm's GIN index,
 * which serves LIKE '%term%' (the database user must be allowed to create the extension,
 * or an administrator creates it once beforehand).
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
    await sql`CREATE INDEX orders_search_trgm ON orders USING gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  await sql`CREATE VIRTUAL TABLE orders_fts USING fts5(search_text, content='orders', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  await sql`CREATE TRIGGER orders_fts_insert AFTER INSERT ON orders BEGIN
    INSERT INTO orders_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
  await sql`CREATE TRIGGER orders_fts_delete AFTER DELETE ON orders BEGIN
    INSERT INTO orders_fts(orders_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER orders_fts_update AFTER UPDATE OF search_text ON orders BEGIN
    INSERT INTO orders_fts(orders_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO orders_fts(rowid, search_text) VALUES (new.id, new.search_text); END`.execute(db);
}
