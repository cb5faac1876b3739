import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { ReportRows } from '../../test/support/report-rows.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import { EMPTY_SCHEDULE } from '../modules/packers/packers.schema.js';
import { workingMs } from '../modules/penalties/working-time.js';
import { seedOrders } from './seed-orders.js';

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

test('demo assignments carry the packing facts the station would have written', async () => {
  const rows = await ReportRows.account(db);
  const shifts = { ...EMPTY_SCHEDULE, mon: [{ start: '08:00', end: '16:00' }] };
  const packer = await rows.packer('Ana', { shifts });
  await seedOrders(db, { accountId: rows.accountId, count: 120, days: 10, packerIds: [packer] });
  const list = await db
    .selectFrom('assignments as a')
    .innerJoin('orders as o', 'o.id', 'a.order_id')
    .select([
      'o.status',
      'a.assigned_at',
      'a.confirmed_at',
      'a.packed_at',
      'a.confirm_work_ms',
      'a.pack_work_ms',
    ]) // prettier-ignore
    .where('a.account_id', '=', rows.accountId)
    .execute();
  const later = ['packed', 'shipped', 'delivered', 'returned'];
  assert.ok(list.filter((a) => later.includes(a.status)).length > 10);
  for (const a of list) {
    const n = (v: number | string | null) => (v === null ? null : Number(v));
    const [assigned, confirmed, packed] = [n(a.assigned_at), n(a.confirmed_at), n(a.packed_at)];
    if (confirmed === null || assigned === null) {
      assert.equal(n(a.confirm_work_ms), null);
      continue;
    }
    assert.equal(n(a.confirm_work_ms), workingMs(shifts, 'Europe/Bucharest', assigned, confirmed));
    if (!later.includes(a.status)) {
      assert.equal(packed, null, a.status);
      continue;
    }
    assert.ok(packed !== null && packed > confirmed);
    assert.equal(n(a.pack_work_ms), workingMs(shifts, 'Europe/Bucharest', confirmed, packed));
  }
});
