import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-db.js';
import { openDatabase, type Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import type { DB } from '../../../db/schema.js';
import { refreshRollups, SLOT_MS } from './rebuild.js';

let tdb: TestDatabase;
let database: Database;
let db: Kysely<DB>;
before(async () => {
  tdb = await createTestDatabase();
  database = openDatabase(tdb.database);
  db = database.db;
  await migrateToLatest(db);
});
after(async () => {
  await database.destroy();
  await tdb.drop();
});

test('a change marks its slot in its own transaction, and a refresh takes the marks', async () => {
  const now = Date.UTC(2026, 2, 29, 0, 30); // 02:30 Bucharest, the night the clocks go forward
  const account = await db
    .insertInto('accounts')
    .values({
      name: 'A',
      timezone: 'Europe/Bucharest',
      currency: 'RON',
      language: 'ro',
      created_at: now,
      updated_at: now,
      station_code: 'rollup-test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('audit_events')
    .values({
      account_id: account.id,
      entity: 'order',
      entity_id: 1,
      action: 'confirmed',
      actor_label: 'test',
      created_at: now,
    })
    .execute();
  const marks = await db.selectFrom('report_dirty').selectAll().execute();
  assert.deepEqual(
    marks.map((m) => [Number(m.account_id), Number(m.slot)]),
    [[account.id, Math.floor(now / SLOT_MS)]],
  );
  assert.equal(await refreshRollups(db, account.id, 'Europe/Bucharest', now), 1);
  assert.equal((await db.selectFrom('report_dirty').selectAll().execute()).length, 0);
  assert.equal(await refreshRollups(db, account.id, 'Europe/Bucharest', now), 0);
});
