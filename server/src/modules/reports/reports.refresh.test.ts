import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';
import { refreshDirtyAccounts } from './reports.service.js';

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

async function accountWithChange(name: string, timezone: string, at: number): Promise<number> {
  const { id } = await db
    .insertInto('accounts')
    .values({
      name,
      timezone,
      currency: 'RON',
      language: 'ro',
      created_at: at,
      updated_at: at,
      station_code: `refresh-${name}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('audit_events')
    .values({
      account_id: id,
      entity: 'order',
      entity_id: 1,
      action: 'confirmed',
      actor_label: 'test',
      created_at: at,
    })
    .execute();
  return id;
}

const marksOf = async (accountId: number) =>
  (await db.selectFrom('report_dirty').select('slot').where('account_id', '=', accountId).execute())
    .length;

test('the periodic refresh takes every dirty account; one failing account stops no other', async () => {
  const at = Date.UTC(2026, 10, 20, 10, 0);
  const good = await accountWithChange('good', 'Europe/Bucharest', at);
  // A zone no clock knows: its refresh throws (RangeError from Intl).
  const broken = await accountWithChange('broken', 'Mars/Olympus_Mons', at);
  const quiet = await accountWithChange('quiet', 'Europe/Bucharest', at);
  await db.deleteFrom('report_dirty').where('account_id', '=', quiet).execute();
  assert.equal(await marksOf(good), 1);
  assert.equal(await marksOf(broken), 1);

  const failed: number[] = [];
  assert.equal(await refreshDirtyAccounts(db, (_err, id) => failed.push(id)), 1);
  assert.deepEqual(failed, [broken]);
  assert.equal(await marksOf(good), 0, 'the good account is refreshed');
  assert.equal(await marksOf(broken), 1, 'the broken one keeps its marks for the next tick');

  // Nothing dirty: nothing to do.
  await db.deleteFrom('report_dirty').where('account_id', '=', broken).execute();
  assert.equal(await refreshDirtyAccounts(db, () => assert.fail('no account to fail')), 0);
});
