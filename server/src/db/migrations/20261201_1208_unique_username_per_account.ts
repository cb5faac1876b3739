import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * Packer usernames are unique per account, no longer across all accounts: a taken username
 * must not tell one shop that another shop has a packer "ioana". Existing usernames were
 * globally unique, so they stay valid as they are.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_username_key`.execute(db);
  } else {
    await dropSqliteUsernameUnique(db);
  }
  await db.schema
    .createIndex('users_account_username')
    .on('users')
    .columns(['account_id', 'username'])
    .unique()
    .execute();
}

/**
 * SQLite cannot drop a column's UNIQUE: the table is rebuilt (SQLite's documented 12 steps)
 * from its own stored definition minus that one word, so every later column is kept. Foreign
 * keys are off meanwhile, or dropping the old table would cascade into sessions and packers.
 * Kysely runs SQLite migrations outside a transaction, so the pragma takes effect; the
 * rebuild itself is one transaction.
 */
async function dropSqliteUsernameUnique(db: AnyDb): Promise<void> {
  const table = await sql<{ sql: string }>`
    SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'`.execute(db);
  const createSql = table.rows[0]?.sql ?? '';
  const withoutUnique = createSql.replace(/("username"\s+text)\s+unique/i, '$1');
  if (withoutUnique === createSql) throw new Error('users.username: UNIQUE not found');
  const indexes = await sql<{ sql: string }>`
    SELECT sql FROM sqlite_master
    WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL`.execute(db);
  const rebuilt = withoutUnique.replace(/^create table\s+"?users"?/i, 'CREATE TABLE "users_new"');
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(rebuilt).execute(trx);
      await sql`INSERT INTO users_new SELECT * FROM users`.execute(trx);
      await sql`DROP TABLE users`.execute(trx);
      await sql`ALTER TABLE users_new RENAME TO users`.execute(trx);
      for (const i of indexes.rows) await sql.raw(i.sql).execute(trx);
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('users rebuild broke a foreign key');
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
