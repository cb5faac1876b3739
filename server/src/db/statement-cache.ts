import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite handle as Kysely sees it, with its prepared statements kept by SQL text (least
 * recently used dropped first). Kysely prepares every query it runs; preparing costs as much
 * as running a short query, and the same few shapes run again and again (a sync page runs
 * about a dozen). SQLite re-prepares a kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, size: number): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      const st = kept.get(text);
      // A statement still being iterated (a streamed query) cannot run twice at once.
      if (st && !st.busy) {
        kept.delete(text);
        kept.set(text, st);
        return st;
      }
      const fresh = sqlite.prepare(text);
      if (st) return fresh;
      kept.set(text, fresh);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return fresh;
    },
  };
}
