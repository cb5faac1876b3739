import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { type Database, openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import { migrateWithout } from '../../test/support/migrate-without.js';
import { reasonOf } from '../shared/reasons.js';

/** Reasons stored as English sentences before 0903 stay readable, word for word, as legacy_text. */
describe('migration 0903: reasons as codes', () => {
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

  it('keeps the sentences already stored as legacy_text, an empty one as no reason', async () => {
    const name = '20261201_0903_reasons_as_codes';
    await migrateWithout(database.db, (n) => n === name);
    const sentence = 'no eligible packer: 5 off shift, "quoted" \\ ăîșț';
    for (const [id, why] of [
      [1, sentence],
      [2, ''],
    ] as const) {
      await sql`INSERT INTO audit_events (account_id, entity, entity_id, action, actor_label, reason, created_at)
        VALUES (7, 'order', ${id}, 'unassigned', 'distribution', ${why}, 1)`.execute(database.db);
    }
    assert.deepEqual(await migrateToLatest(database.db), [name]);
    const rows = await database.db
      .selectFrom('audit_events')
      .select(['entity_id', 'reason_code', 'reason_params'])
      .where('account_id', '=', 7)
      .orderBy('entity_id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.entity_id, reasonOf(r)]),
      [
        [1, { code: 'legacy_text', params: { text: sentence } }],
        [2, null],
      ],
    );
  });
});
