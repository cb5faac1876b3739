import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrateWithout } from '../../../test/support/migrate-without.js';
import { createTestDatabase } from '../../../test/support/test-db.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';

describe('penalty types: the migration seeds the defaults for accounts that exist', () => {
  it('gives every existing account the six default types, each once', async () => {
    const tdb = await createTestDatabase();
    const database = openDatabase(tdb.database);
    const db = database.db;
    try {
      await migrateWithout(db, (name) => name.startsWith('20261202_15'));
      const now = Date.now();
      const ids: number[] = [];
      for (const name of ['Vechi', 'Alt magazin']) {
        const row = await db
          .insertInto('accounts')
          .values({
            name,
            timezone: 'Europe/Bucharest',
            currency: 'RON',
            language: 'ro',
            station_code: `code-${name.length}`,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(row.id));
      }
      await migrateToLatest(db);
      for (const id of ids) {
        const types = await db
          .selectFrom('penalty_types')
          .select(['code', 'name', 'default_amount_minor', 'active'])
          .where('account_id', '=', id)
          .orderBy('id')
          .execute();
        assert.deepEqual(
          types.map((t) => [t.code, t.name, Number(t.default_amount_minor), t.active]),
          [
            ['wrong_item', null, 5000, 1],
            ['missing_item', null, 5000, 1],
            ['wrong_quantity', null, 3000, 1],
            ['damaged_packing', null, 3000, 1],
            ['late_packing', null, 2000, 1],
            ['wrong_label', null, 2000, 1],
          ],
        );
      }
    } finally {
      await database.destroy();
      await tdb.drop();
    }
  });
});
