import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-db.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import type { WeeklySchedule } from '../modules/packers/packers.schema.js';
import { workingMs } from '../modules/penalties/working-time.js';
import { refreshRollups } from '../modules/reports/rollup/rebuild.js';
import { createHistoryPackers, type HistoryCounts, seedHistory } from './seed-history.js';

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
// Wednesday 18 November 2026, 14:00 Bucharest: a working afternoon.
const NOW = Date.UTC(2026, 10, 18, 12, 0);

async function shop(n: number): Promise<{ accountId: number; counts: HistoryCounts }> {
  const accounts = new AccountsService(db, {
    sessionDays: 1,
    loginRateLimit: { max: 100, windowMs: 60_000 },
  });
  const { accountId, userId } = await accounts.createAccountWithOwner({
    accountName: `Istoric ${n}`,
    name: 'Proprietar',
    email: `istoric${n}@example.ro`,
    password: 'parola-lunga-1',
    onlyIfFirst: false,
  });
  const owner = { userId, label: 'Proprietar' };
  const packers = await createHistoryPackers(db, accountId, owner, 4, `p${n}_`);
  const counts = await seedHistory(database, {
    accountId,
    orders: 800,
    days: 90,
    now: NOW,
    seed: 5,
    storeIds: [],
    packers,
    owner,
    numberPrefix: `H${n}-`,
    batch: 300,
  });
  return { accountId, counts };
}

test('a history is what the write paths leave: times, working times, trail, money', async () => {
  const { accountId, counts } = await shop(1);
  assert.equal(counts.orders, 800);
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('account_id', '=', accountId)
    .execute();
  assert.equal(orders.length, 800);
  const first = NOW - 90 * 86_400_000;
  assert.ok(orders.every((o) => o.created_at >= first && o.created_at <= NOW));

  // Working times are the packer's shifts between the events, as workingMs counts them.
  const packers = await db
    .selectFrom('packers')
    .select(['id', 'shifts'])
    .where('account_id', '=', accountId)
    .execute();
  const shiftsOf = new Map(packers.map((p) => [p.id, JSON.parse(p.shifts) as WeeklySchedule]));
  const asg = await db
    .selectFrom('assignments')
    .selectAll()
    .where('account_id', '=', accountId)
    .execute();
  let checked = 0;
  for (const a of asg) {
    const shifts = shiftsOf.get(a.packer_id);
    assert.ok(shifts);
    for (const t of [a.assigned_at, a.confirmed_at, a.packed_at, a.ended_at])
      assert.ok(t === null || t <= NOW);
    if (a.packed_at !== null && a.confirmed_at !== null) {
      assert.equal(Number(a.pack_work_ms), workingMs(shifts, TZ, a.confirmed_at, a.packed_at));
      assert.ok(Number(a.pack_work_ms) >= 60_000 && Number(a.pack_work_ms) < 3_600_000);
      checked++;
    }
    if (a.confirmed_at !== null && !a.override)
      assert.equal(Number(a.confirm_work_ms), workingMs(shifts, TZ, a.assigned_at, a.confirmed_at));
  }
  assert.ok(checked > 600, `packed assignments: ${checked}`);

  // Every transition has its audit row: one per packed assignment, one per delivered order…
  const audit = await db
    .selectFrom('audit_events')
    .select(['action', 'to_value'])
    .where('account_id', '=', accountId)
    .where('entity', '=', 'order')
    .execute();
  const count = (f: (x: { action: string; to_value: string | null }) => boolean) =>
    audit.filter(f).length;
  const byStatus = (s: string) => orders.filter((o) => o.status === s).length;
  assert.equal(
    count((a) => a.action === 'created'),
    800,
  );
  assert.equal(
    count((a) => a.action === 'packed'),
    checked,
  );
  assert.equal(
    count((a) => a.action === 'shipment_status' && a.to_value === 'delivered'),
    byStatus('delivered'),
  );
  assert.equal(
    count((a) => a.action === 'shipment_status' && a.to_value === 'returned'),
    byStatus('returned'),
  );
  assert.equal(
    count((a) => a.action === 'status_changed' && a.to_value === 'cancelled'),
    byStatus('cancelled'),
  );
  assert.equal(
    count((a) => a.action === 'override'),
    asg.filter((a) => a.override).length,
  );
  // …and an order's packer is its open assignment's.
  const open = new Map(
    asg.filter((a) => a.ended_at === null).map((a) => [a.order_id, a.packer_id]),
  );
  for (const o of orders) assert.equal(o.packer_id, open.get(o.id) ?? null);

  // COD: only delivered parcels are paid out, each for its COD amount, after delivery.
  const lines = await db
    .selectFrom('cod_settlement_lines as l')
    .innerJoin('shipments as s', 's.id', 'l.shipment_id')
    .innerJoin('orders as o', 'o.id', 's.order_id')
    .select(['l.amount_minor', 's.cod_minor', 'o.status', 'o.is_cod', 'l.paid_at', 'l.created_at'])
    .where('l.account_id', '=', accountId)
    .execute();
  assert.ok(lines.length > 100);
  for (const l of lines) {
    assert.equal(l.status, 'delivered');
    assert.equal(l.is_cod, 1);
    assert.equal(l.amount_minor, l.cod_minor);
    assert.ok((l.paid_at ?? Infinity) <= l.created_at && l.created_at <= NOW);
  }

  // Penalties: one proposed per mismatched order, decided ones by the owner.
  const entries = await db
    .selectFrom('penalty_entries')
    .select(['penalty_id', 'seq', 'state'])
    .where('account_id', '=', accountId)
    .execute();
  assert.equal(counts.penalties, counts.scan_mismatches);
  assert.equal(
    entries.filter((e) => e.seq === 1 && e.state === 'proposed').length,
    counts.penalties,
  );

  // The triggers marked the history; a refresh takes every mark.
  assert.ok((await db.selectFrom('report_dirty').select('slot').execute()).length > 0);
  await refreshRollups(db, accountId, TZ, NOW);
  assert.equal(
    (
      await db
        .selectFrom('report_dirty')
        .select('slot')
        .where('account_id', '=', accountId)
        .execute()
    ).length,
    0,
  );
});

test('the same seed and now give the same history', async () => {
  const a = await shop(2);
  const b = await shop(3);
  assert.deepEqual(a.counts, b.counts);
  const shape = async (accountId: number) =>
    (
      await db
        .selectFrom('orders')
        .select(['status', 'created_at', 'total_minor', 'confirmed_at'])
        .where('account_id', '=', accountId)
        .orderBy('id')
        .execute()
    ).map((o) => [
      o.status,
      Number(o.created_at),
      Number(o.total_minor),
      o.confirmed_at === null ? null : Number(o.confirmed_at),
    ]);
  assert.deepEqual(await shape(a.accountId), await shape(b.accountId));
});
