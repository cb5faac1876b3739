import type { Database } from './database.js';

/**
 * A value that differs whenever a row of the database may have changed since it was last
 * read; null where no such cheap value exists (PostgreSQL), and then nothing is cached.
 *
 * SQLite: the connection's own count of changed rows, `total_changes()` (it counts rows
 * written by triggers and by transactions not yet committed, and never goes down), joined
 * with `data_version`, which moves when another connection commits (`npm run worker`, a
 * backup tool). A result computed after reading a stamp is exact for as long as the stamp
 * reads the same. Read through the raw handle: a few microseconds, no query builder.
 */
export function changeStampOf(database: Database): () => string | null {
  const sqlite = database.sqlite;
  if (!sqlite) return () => null;
  const stamp = sqlite
    .prepare<[], string>(`SELECT total_changes() || ':' || data_version FROM pragma_data_version`)
    .pluck();
  return () => stamp.get() ?? null;
}
