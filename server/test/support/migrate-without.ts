import assert from 'node:assert/strict';
import { type Kysely, Migrator } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { migrations } from '../../src/db/migrations/index.js';

/**
 * Runs every migration but those `skip` names: a database as a server before them left it,
 * for tests of what a later migration does to data already stored.
 */
export async function migrateWithout(db: Kysely<DB>, skip: (name: string) => boolean) {
  const older = Object.fromEntries(Object.entries(migrations).filter(([name]) => !skip(name)));
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(older) },
    allowUnorderedMigrations: true,
  }).migrateToLatest();
  assert.equal(error, undefined);
}
