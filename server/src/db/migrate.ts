import { Migrator, type Kysely } from 'kysely';
import { migrations } from './migrations/index.js';
import type { DB } from './schema.js';

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Each area numbers its migrations in its own range (01xx distribution, 02xx stores and
    // sync, 03xx orders), so a new 0205 sorts before an 0301 that a database already ran.
    // Kysely refuses that by default; the ranges touch different tables, so run what is missing.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(
      `Database migration failed${name}: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).map((r) => r.migrationName);
}
