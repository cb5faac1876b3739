import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { type Database, openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrateWithout } from '../../test/support/migrate-without.js';

/**
 * A database that ran every migration but a new one of a lower range (0205 after 0301, as on
 * a server upgraded from before it) gets it at the next start instead of refusing to boot.
 */
describe('migrations', () => {
  let tdb: TestDatabase;
  let database: Database;
  before(async () => {
    tdb = await createTestDatabase();
    database = openDatabase(tdb.database);
  });
  after(async () => {
    try {
      await database.destroy();
    } finally {
      await tdb.drop();
    }
  });

  it('runs a missing migration that sorts before one already run', async () => {
    const late = '20261128_0205_add_store_sync_settings';
    await migrateWithout(database.db, (name) => name === late);
    assert.deepEqual(await migrateToLatest(database.db), [late]);
    const columns = (await database.db.introspection.getTables())
      .find((t) => t.name === 'stores')
      ?.columns.map((c) => c.name);
    assert.ok(columns?.includes('poll_seconds') && columns.includes('first_sync_days'));
  });
});
