import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { reportSeed } from '../../../../test/support/report-seed.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-db.js';
import { openDatabase, type Database } from '../../../db/database.js';
import { migrateToLatest } from '../../../db/migrate.js';
import type { DB } from '../../../db/schema.js';
import { createHistoryPackers, seedHistory } from '../../../demo/seed-history.js';
import { AccountsService } from '../../accounts/accounts.service.js';
import { PIECE_DAYS } from './pieces.js';
import { markAllDirty, type RefreshTally, refreshRollups } from './rebuild.js';

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

const TZ = 'Europe/Bucharest';
// Monday 2 November 2026, 11:00 Bucharest: the 25-hour day of 25 October is a recent day.
const NOW = Date.UTC(2026, 10, 2, 9, 0);

/** Every rollup row of the account, in a stable order (the pieces left out). */
async function snapshot(accountId: number) {
  const sorted = <T extends Record<string, unknown>>(rows: T[]) =>
    rows.map((r) => JSON.stringify(r)).sort();
  return {
    days: sorted(
      await db
        .selectFrom('report_counts')
        .selectAll()
        .where('account_id', '=', accountId)
        .execute(),
    ),
    months: sorted(
      await db
        .selectFrom('report_month_counts')
        .selectAll()
        .where('account_id', '=', accountId)
        .execute(),
    ),
    durations: sorted(
      await db
        .selectFrom('report_durations')
        .selectAll()
        .where('account_id', '=', accountId)
        .execute(),
    ),
  };
}

test('re-counting only the dirty slots of recent days gives the rows of a recount from scratch', async () => {
  const accounts = new AccountsService(db, {
    sessionDays: 1,
    loginRateLimit: { max: 100, windowMs: 60_000 },
  });
  const { accountId, userId } = await accounts.createAccountWithOwner({
    accountName: 'Felii',
    name: 'Proprietar',
    email: 'felii@example.ro',
    password: 'parola-lunga-1',
    onlyIfFirst: false,
  });
  const owner = { userId, label: 'Proprietar' };
  const packers = await createHistoryPackers(db, accountId, owner, 3, 'f_');
  const seed = reportSeed(db);
  const stores = [await seed.store(accountId, 'Alfa'), await seed.store(accountId, 'Beta')];
  // The second history takes the stores the other way round: the stores' order numbers differ.
  const history = (seed: number, prefix: string, storeIds: number[]) =>
    seedHistory(database, {
      accountId,
      orders: 600,
      days: 50,
      now: NOW,
      seed,
      storeIds,
      packers,
      owner,
      numberPrefix: prefix,
      batch: 300,
    });
  await history(7, 'A-', stores);
  const first: RefreshTally = { wholeDays: 0, slots: 0 };
  await refreshRollups(db, accountId, TZ, NOW, first);
  assert.equal(first.slots, 0);
  const pieced = await db
    .selectFrom('report_piece_days')
    .select('day')
    .where('account_id', '=', accountId)
    .execute();
  // (The account itself was made at the real now: its day is pieced too.)
  const upToNow = pieced.filter((p) => p.day <= '2026-11-02').map((p) => p.day);
  assert.equal(upToNow.length, PIECE_DAYS);
  assert.equal(upToNow.sort()[0], '2026-09-29');

  // More of everything in the same days and slots, then changes to earlier rows: AWBs
  // cancelled (their days, their orders' days), parcels delivered later, an order moved.
  await history(8, 'B-', [...stores].reverse());
  await sql`UPDATE shipments SET status = 'cancelled', updated_at = ${NOW - 3_600_000}
    WHERE account_id = ${accountId} AND id % 7 = 0 AND phase = 'made'`.execute(db);
  // A courier's word on a parcel (no tracking event): only the shipment's own slots are marked.
  await sql`UPDATE shipments SET status = 'delivered', updated_at = ${NOW - 1_800_000}
    WHERE account_id = ${accountId} AND id % 3 = 0 AND phase = 'made'
      AND status IN ('in_transit', 'created')`.execute(db);
  await sql`UPDATE assignments SET packed_at = packed_at + 600000
    WHERE account_id = ${accountId} AND id % 11 = 0 AND packed_at IS NOT NULL`.execute(db);
  await sql`UPDATE assignments SET packed_at = NULL, pack_work_ms = NULL
    WHERE account_id = ${accountId} AND id % 13 = 0 AND packed_at IS NOT NULL`.execute(db);
  await sql`UPDATE orders SET status = 'cancelled', updated_at = ${NOW - 60_000}
    WHERE account_id = ${accountId} AND id % 5 = 0 AND status IN ('new', 'assigned')`.execute(db);
  const second: RefreshTally = { wholeDays: 0, slots: 0 };
  await refreshRollups(db, accountId, TZ, NOW, second);
  // The recent days went slot by slot; the older ones were recounted whole.
  assert.ok(second.slots > 100, `slots re-counted: ${second.slots}`);
  assert.ok(second.wholeDays > 0 && second.wholeDays <= 50 - PIECE_DAYS + 1, `${second.wholeDays}`);
  const incremental = await snapshot(accountId);
  assert.ok(incremental.days.length > 500 && incremental.durations.length > 500);

  await db.transaction().execute((trx) => markAllDirty(trx, accountId));
  const scratch: RefreshTally = { wholeDays: 0, slots: 0 };
  await refreshRollups(db, accountId, TZ, NOW, scratch);
  assert.ok(scratch.wholeDays >= 50, `${scratch.wholeDays}`);
  const recounted = await snapshot(accountId);
  assert.deepEqual(incremental.days, recounted.days);
  assert.deepEqual(incremental.months, recounted.months);
  assert.deepEqual(incremental.durations, recounted.durations);

  // Pieces of days no longer recent are dropped when time moves on.
  await refreshRollups(db, accountId, TZ, NOW + 10 * 86_400_000);
  const left = await db
    .selectFrom('report_piece_days')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('day', '<=', '2026-11-02')
    .executeTakeFirstOrThrow();
  assert.equal(Number(left.n), PIECE_DAYS - 10);
});
