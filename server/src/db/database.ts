import path from 'node:path';
import SQLite from 'better-sqlite3';
import { ensureDirExists, ensurePrivateFile } from '../shared/private-files.js';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Config } from '../config.js';
import type { DB } from './schema.js';
import { withStatementCache } from './statement-cache.js';

/** Prepared statements kept by the SQLite connection: every shape a busy server runs, with room. */
const STATEMENTS_KEPT = 500;

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The raw SQLite handle, for the few places that need SQLite-only features (FTS5). */
  sqlite: SQLite.Database | null;
  destroy(): Promise<void>;
}

// int8 columns (ids, epoch-ms instants, minor units) fit in a double; without this
// node-postgres returns them as strings and the two dialects would disagree.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

export function openDatabase(database: Config['database']): Database {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    // An idle pooled connection that the server closes (a PostgreSQL restart, a dropped test
    // database) emits 'error' on the pool; unhandled, that would crash the process. The pool
    // drops such a connection by itself and the next query opens a new one.
    pool.on('error', () => undefined);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, destroy: () => db.destroy() };
  }
  ensureDirExists(path.dirname(database.file));
  ensurePrivateFile(database.file);
  const sqlite = new SQLite(database.file);
  // WAL lets readers (other processes, backups) run while the server writes;
  // NORMAL sync is durable across process crashes, the usual pairing with WAL.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, STATEMENTS_KEPT) }),
  });
  return { db, dialect: 'sqlite', sqlite, destroy: () => db.destroy() };
}
