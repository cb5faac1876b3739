import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { ReportRows } from '../../../test/support/report-rows.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';
import { EMPTY_SCHEDULE } from '../packers/packers.schema.js';
import { workingMs } from '../penalties/working-time.js';
import type { ReportContext } from './queries/context.js';
import { packersReport } from './queries/packers.js';
import type { PackerRow } from './reports.schema.js';
import { markAllDirty, refreshRollups } from './rollup/rebuild.js';

const TZ = 'Europe/Bucharest';
const MIN = 60_000;
/** Bucharest wall time in November 2026 (UTC+2). */
const nov = (day: number, hh: number, mm: number) => Date.UTC(2026, 10, day, hh - 2, mm);
/** Ana works Monday to Friday, 09:00–17:00. */
const WEEKDAY_9_TO_5 = {
  ...EMPTY_SCHEDULE,
  ...Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [
      d,
      [{ start: '09:00', end: '17:00' }],
    ]),
  ),
};

let tdb: TestDatabase;
let database: Database;
let db: Kysely<DB>;
let rows: ReportRows;
const id = { ana: 0, bogdan: 0, cristi: 0, dan: 0, elena: 0, s1: 0, s2: 0, o7: 0, o9: 0 };

const ctx = (from: string, to: string, slice: Partial<ReportContext> = {}): ReportContext => ({
  accountId: rows.accountId,
  timeZone: TZ,
  currency: 'RON',
  from,
  to,
  storeId: null,
  courier: null,
  ...slice,
});
const report = async (c: ReportContext) => {
  await refreshRollups(db, c.accountId, TZ, nov(30, 12, 0));
  return packersReport(db, c);
};
const zero = { median_work: null, p90_work: null, median_wall: null, p90_wall: null };
const times = (work: [number, number], wall: [number, number]) => ({
  median_work: work[0],
  p90_work: work[1],
  median_wall: wall[0],
  p90_wall: wall[1],
});
const empty = (packer_id: number, packer_name: string): PackerRow => ({
  packer_id,
  packer_name,
  assigned: 0,
  confirmed: 0,
  packed: 0,
  items_packed: 0,
  to_confirm: zero,
  to_pack: zero,
  orders_with_mismatch: 0,
  scan_mismatch_rate: null,
  penalties_proposed: 0,
  penalties_applied: 0,
  penalties_waived: 0,
  penalties_sum: 0,
  moved_away: 0,
});
const bins = (counts: number[]) =>
  [0, 5, 10, 15, 30, 60, 120, 240].map((from, i, all) => ({
    from_minutes: from,
    to_minutes: all[i + 1] ?? null,
    count: counts[i] ?? 0,
  }));

/**
 * The history, every instant by hand (2026-11-02 is a Monday; 2026-10-25 is the 25-hour day
 * the clocks go back, 04:00 EEST → 03:00 EET, the day running 21:00Z → 22:00Z next day).
 */
async function seed(): Promise<void> {
  const r = rows;
  id.ana = await r.packer('Ana', { shifts: WEEKDAY_9_TO_5 });
  id.bogdan = await r.packer('Bogdan');
  id.cristi = await r.packer('Cristi');
  id.dan = await r.packer('Dan', { active: false });
  id.elena = await r.packer('Elena', { active: false });
  id.s1 = await r.store('Unu');
  id.s2 = await r.store('Doi');
  const order = (storeId: number, items: number, at: number) =>
    r.order({ storeId, items, createdAt: at - 5 * MIN });
  const made = (orderId: number, storeId: number, courier: string, at: number) =>
    r.shipment({ orderId, storeId, courier, phase: 'made', at });
  const { ana, bogdan, elena, s1, s2 } = id;

  // Ana, Monday 2 November.
  const o1 = await order(s1, 2, nov(2, 9, 0));
  await r.assignment({ orderId: o1, packerId: ana, assigned: nov(2, 9, 0), confirmed: nov(2, 9, 4), packed: nov(2, 9, 10), confirmWorkMs: 4 * MIN, packWorkMs: 6 * MIN }); // prettier-ignore
  await made(o1, s1, 'sameday', nov(2, 9, 20));
  // Assigned before her shift: 20 minutes of wall time, 10 of work.
  const o2 = await order(s1, 1, nov(2, 8, 50));
  await r.assignment({ orderId: o2, packerId: ana, assigned: nov(2, 8, 50), confirmed: nov(2, 9, 10), packed: nov(2, 9, 30), confirmWorkMs: 10 * MIN, packWorkMs: 20 * MIN }); // prettier-ignore
  await made(o2, s1, 'sameday', nov(2, 9, 40));
  const o3 = await order(s2, 3, nov(2, 10, 0));
  await r.assignment({ orderId: o3, packerId: ana, assigned: nov(2, 10, 0), confirmed: nov(2, 10, 1), packed: nov(2, 10, 13), confirmWorkMs: 1 * MIN, packWorkMs: 12 * MIN }); // prettier-ignore
  await r.mismatch(o3, ana, nov(2, 10, 5));
  await made(o3, s2, 'fan', nov(2, 10, 30));
  // Confirmed at 16:50, packed the next morning at 09:10: 980 minutes of wall time, 20 of work.
  const o4 = await order(s2, 1, nov(2, 16, 0));
  await r.assignment({ orderId: o4, packerId: ana, assigned: nov(2, 16, 0), confirmed: nov(2, 16, 50), packed: nov(3, 9, 10), confirmWorkMs: 50 * MIN, packWorkMs: 20 * MIN }); // prettier-ignore
  await r.shipment({
    orderId: o4,
    storeId: s2,
    courier: 'fan',
    phase: 'failed',
    at: nov(3, 9, 15),
  });
  // Confirmed by Ana (who scanned a wrong item), taken to Bogdan by the owner's override.
  const o5 = await order(s1, 2, nov(2, 12, 0));
  await r.assignment({ orderId: o5, packerId: ana, assigned: nov(2, 12, 0), confirmed: nov(2, 12, 30), ended: nov(2, 13, 0), confirmWorkMs: 30 * MIN }); // prettier-ignore
  await r.mismatch(o5, ana, nov(2, 12, 20));
  await r.assignment({ orderId: o5, packerId: bogdan, assigned: nov(2, 13, 0), confirmed: nov(2, 13, 0), packed: nov(2, 13, 45), override: true, confirmWorkMs: 0, packWorkMs: 45 * MIN }); // prettier-ignore
  await made(o5, s1, 'sameday', nov(2, 14, 0));

  // Bogdan (no schedule: always at work, work = wall).
  const o6 = await order(s2, 4, nov(2, 10, 0));
  await r.assignment({ orderId: o6, packerId: bogdan, assigned: nov(2, 10, 0), confirmed: nov(2, 10, 7), packed: nov(2, 10, 40), confirmWorkMs: 7 * MIN, packWorkMs: 33 * MIN }); // prettier-ignore
  await r.shipment({ orderId: o6, storeId: s2, courier: 'sameday', phase: 'cancelled', at: nov(2, 10, 45) }); // prettier-ignore
  await made(o6, s2, 'fan', nov(2, 10, 50));
  id.o7 = await order(s1, 1, nov(2, 20, 0));
  await r.assignment({ orderId: id.o7, packerId: bogdan, assigned: nov(2, 20, 0), confirmed: nov(2, 20, 2), confirmWorkMs: 2 * MIN }); // prettier-ignore
  // 25 October: assigned 00:10 EEST, confirmed 03:10 EET (4 hours later), packed 23:30 EET.
  const o8 = await order(s1, 2, Date.UTC(2026, 9, 24, 21, 10));
  await r.assignment({ orderId: o8, packerId: bogdan, assigned: Date.UTC(2026, 9, 24, 21, 10), confirmed: Date.UTC(2026, 9, 25, 1, 10), packed: Date.UTC(2026, 9, 25, 21, 30), confirmWorkMs: 240 * MIN, packWorkMs: 1220 * MIN }); // prettier-ignore
  await made(o8, s1, 'fan', Date.UTC(2026, 9, 25, 21, 40));
  // Assigned in the 25th hour (23:45 EET), confirmed 00:30 on the 26th.
  id.o9 = await order(s2, 1, Date.UTC(2026, 9, 25, 21, 45));
  await r.assignment({ orderId: id.o9, packerId: bogdan, assigned: Date.UTC(2026, 9, 25, 21, 45), confirmed: Date.UTC(2026, 9, 25, 22, 30), confirmWorkMs: 45 * MIN }); // prettier-ignore

  // Penalties: applied; applied then reversed; waived; contested (in force); only proposed.
  await r.penalty({ packerId: ana, orderId: o3, amount: 5000, at: nov(2, 10, 15), states: ['proposed', 'applied'] }); // prettier-ignore
  await r.penalty({ packerId: ana, orderId: o1, amount: 3000, at: nov(2, 11, 0), states: ['proposed', 'applied', 'reversed'] }); // prettier-ignore
  await r.penalty({ packerId: ana, orderId: o4, amount: 2000, at: nov(3, 9, 20), states: ['proposed', 'waived'] }); // prettier-ignore
  await r.penalty({ packerId: bogdan, orderId: o6, amount: 1500, at: nov(2, 11, 0), states: ['proposed', 'applied', 'contested'] }); // prettier-ignore
  await r.penalty({ packerId: elena, orderId: null, amount: 1000, at: nov(3, 12, 0), states: ['proposed'] }); // prettier-ignore
  // Outside 25 Oct – 4 Nov: 24 Oct 23:50 EEST and 5 Nov 00:10.
  await r.penalty({ packerId: ana, orderId: o1, amount: 9999, at: Date.UTC(2026, 9, 24, 20, 50), states: ['proposed', 'applied'] }); // prettier-ignore
  await r.penalty({ packerId: ana, orderId: o1, amount: 7777, at: nov(5, 0, 10), states: ['proposed', 'applied'] }); // prettier-ignore
}

describe('per-packer report: a history written by hand, figures computed by hand', () => {
  before(async () => {
    tdb = await createTestDatabase();
    database = openDatabase(tdb.database);
    db = database.db;
    await migrateToLatest(db);
    rows = await ReportRows.account(db);
    await seed();
  });
  after(async () => {
    await database.destroy();
    await tdb.drop();
  });

  it('the hand values of working time are what workingMs gives', () => {
    assert.equal(workingMs(WEEKDAY_9_TO_5, TZ, nov(2, 8, 50), nov(2, 9, 10)), 10 * MIN);
    assert.equal(workingMs(WEEKDAY_9_TO_5, TZ, nov(2, 16, 50), nov(3, 9, 10)), 20 * MIN);
  });

  it('every packer with a figure or active, sorted by name, over 25 Oct – 4 Nov', async () => {
    const r = await report(ctx('2026-10-25', '2026-11-04'));
    assert.deepEqual(
      { ...r, packers: undefined, time_to_pack: undefined },
      {
        timezone: TZ,
        currency: 'RON',
        from: '2026-10-25',
        to: '2026-11-04',
        store_id: null,
        courier: null,
        packers: undefined,
        time_to_pack: undefined,
      },
    );
    assert.deepEqual(r.packers, [
      {
        packer_id: id.ana,
        packer_name: 'Ana',
        assigned: 5,
        confirmed: 5,
        packed: 4,
        items_packed: 7,
        // Wall [1, 4, 20, 30, 50], work [1, 4, 10, 30, 50]: rank 3 and rank 5 of 5.
        to_confirm: times([10, 50], [20, 50]),
        // Wall [6, 12, 20, 980], work [6, 12, 20, 20]: rank 2 and rank 4 of 4.
        to_pack: times([12, 20], [12, 980]),
        orders_with_mismatch: 1,
        scan_mismatch_rate: 0.25,
        penalties_proposed: 3,
        penalties_applied: 1,
        penalties_waived: 1,
        penalties_sum: 5000,
        moved_away: 1,
      },
      {
        packer_id: id.bogdan,
        packer_name: 'Bogdan',
        assigned: 5,
        // The override's confirmation counts; its zero wait is kept out of the times.
        confirmed: 5,
        packed: 3,
        items_packed: 8,
        // [2, 7, 45, 240]: rank 2 and rank 4 of 4.
        to_confirm: times([7, 240], [7, 240]),
        // [33, 45, 1220]: rank 2 and rank 3 of 3.
        to_pack: times([45, 1220], [45, 1220]),
        // Ana's wrong scan on the order he took over is not his.
        orders_with_mismatch: 0,
        scan_mismatch_rate: 0,
        penalties_proposed: 1,
        penalties_applied: 1,
        penalties_waived: 0,
        penalties_sum: 1500,
        moved_away: 0,
      },
      empty(id.cristi, 'Cristi'),
      { ...empty(id.elena, 'Elena'), penalties_proposed: 1 },
    ]);
    // Wall minutes 6, 12, 20, 980 (Ana), 45, 33, 1220 (Bogdan).
    assert.deepEqual(r.time_to_pack, bins([0, 1, 1, 1, 2, 0, 0, 2]));
  });

  it('puts the 25-hour day’s first and last hour on 25 October', async () => {
    const r = await report(ctx('2026-10-25', '2026-10-25'));
    assert.deepEqual(r.packers, [
      empty(id.ana, 'Ana'),
      {
        ...empty(id.bogdan, 'Bogdan'),
        assigned: 2,
        confirmed: 1,
        packed: 1,
        items_packed: 2,
        to_confirm: times([240, 240], [240, 240]),
        to_pack: times([1220, 1220], [1220, 1220]),
        scan_mismatch_rate: 0,
      },
      empty(id.cristi, 'Cristi'),
    ]);
    const next = await report(ctx('2026-10-26', '2026-10-26'));
    assert.deepEqual(next.packers[1], {
      ...empty(id.bogdan, 'Bogdan'),
      confirmed: 1,
      to_confirm: times([45, 45], [45, 45]),
    });
  });

  it('reads a whole month from the month rows', async () => {
    const r = await report(ctx('2026-11-01', '2026-11-30'));
    const [ana, bogdan] = r.packers;
    assert.deepEqual(
      { ...ana, penalties_proposed: 0, penalties_applied: 0, penalties_sum: 0 },
      {
        ...empty(id.ana, 'Ana'),
        assigned: 5,
        confirmed: 5,
        packed: 4,
        items_packed: 7,
        to_confirm: times([10, 50], [20, 50]),
        to_pack: times([12, 20], [12, 980]),
        orders_with_mismatch: 1,
        scan_mismatch_rate: 0.25,
        penalties_waived: 1,
        moved_away: 1,
      },
    );
    // 5 November's 7777 is in November.
    assert.deepEqual(
      [ana?.penalties_proposed, ana?.penalties_applied, ana?.penalties_sum],
      [4, 2, 12_777],
    );
    assert.deepEqual(bogdan, {
      ...empty(id.bogdan, 'Bogdan'),
      assigned: 3,
      confirmed: 3,
      packed: 2,
      items_packed: 6,
      to_confirm: times([2, 7], [2, 7]),
      to_pack: times([33, 45], [33, 45]),
      scan_mismatch_rate: 0,
      penalties_proposed: 1,
      penalties_applied: 1,
      penalties_sum: 1500,
    });
  });

  it('narrows to a store: its orders, and penalties on its orders', async () => {
    const r = await report(ctx('2026-10-25', '2026-11-04', { storeId: id.s1 }));
    assert.equal(r.store_id, id.s1);
    assert.deepEqual(r.packers, [
      {
        ...empty(id.ana, 'Ana'),
        assigned: 3,
        confirmed: 3,
        packed: 2,
        items_packed: 3,
        to_confirm: times([10, 30], [20, 30]),
        to_pack: times([6, 20], [6, 20]),
        scan_mismatch_rate: 0,
        // The reversed one, on o1: proposed in the period, not in force.
        penalties_proposed: 1,
        moved_away: 1,
      },
      {
        ...empty(id.bogdan, 'Bogdan'),
        assigned: 3,
        confirmed: 3,
        packed: 2,
        items_packed: 4,
        to_confirm: times([2, 240], [2, 240]),
        to_pack: times([45, 1220], [45, 1220]),
        scan_mismatch_rate: 0,
      },
      // Elena's penalty has no order: no store, so she is not in a store's report.
      empty(id.cristi, 'Cristi'),
    ]);
    assert.deepEqual(r.time_to_pack, bins([0, 1, 0, 1, 1, 0, 0, 1]));
  });

  it('narrows to a courier: the made AWB’s (not a cancelled or failed one)', async () => {
    const r = await report(ctx('2026-10-25', '2026-11-04', { courier: 'fan' }));
    assert.deepEqual(r.packers, [
      {
        ...empty(id.ana, 'Ana'),
        assigned: 1,
        confirmed: 1,
        packed: 1,
        items_packed: 3,
        to_confirm: times([1, 1], [1, 1]),
        to_pack: times([12, 12], [12, 12]),
        orders_with_mismatch: 1,
        scan_mismatch_rate: 1,
        // Penalties have no courier: a courier does not narrow them.
        penalties_proposed: 3,
        penalties_applied: 1,
        penalties_waived: 1,
        penalties_sum: 5000,
      },
      {
        ...empty(id.bogdan, 'Bogdan'),
        assigned: 2,
        confirmed: 2,
        packed: 2,
        items_packed: 6,
        to_confirm: times([7, 240], [7, 240]),
        to_pack: times([33, 1220], [33, 1220]),
        scan_mismatch_rate: 0,
        penalties_proposed: 1,
        penalties_applied: 1,
        penalties_sum: 1500,
      },
      empty(id.cristi, 'Cristi'),
      { ...empty(id.elena, 'Elena'), penalties_proposed: 1 },
    ]);
  });

  it('a refresh after more events equals a rebuild from scratch', async () => {
    await report(ctx('2026-10-25', '2026-11-04'));
    // Bogdan packs o7 on Tuesday 10:00 (838 minutes after 20:02) and its AWB goes by FAN:
    // the AWB re-marks o7's Monday, whose facts move to the courier's slice.
    await db
      .updateTable('assignments')
      .set({ packed_at: nov(3, 10, 0), pack_work_ms: 838 * MIN })
      .where('order_id', '=', id.o7)
      .execute();
    await rows.shipment({ orderId: id.o7, storeId: id.s1, courier: 'fan', phase: 'made', at: nov(3, 10, 5) }); // prettier-ignore
    // o9 goes to Ana by an override on Wednesday.
    await db
      .updateTable('assignments')
      .set({ ended_at: nov(4, 11, 0) })
      .where('order_id', '=', id.o9)
      .execute();
    await rows.assignment({ orderId: id.o9, packerId: id.ana, assigned: nov(4, 11, 0), confirmed: nov(4, 11, 0), override: true, confirmWorkMs: 0 }); // prettier-ignore
    const fan = await report(ctx('2026-10-25', '2026-11-04', { courier: 'fan' }));
    const bogdan = fan.packers.find((p) => p.packer_id === id.bogdan);
    assert.deepEqual(
      [bogdan?.assigned, bogdan?.confirmed, bogdan?.packed, bogdan?.moved_away],
      [3, 3, 3, 0],
    );
    const all = await report(ctx('2026-10-25', '2026-11-04'));
    const b = all.packers.find((p) => p.packer_id === id.bogdan);
    const a = all.packers.find((p) => p.packer_id === id.ana);
    assert.deepEqual([b?.packed, b?.moved_away, b?.to_pack.p90_wall], [4, 1, 1220]);
    assert.deepEqual([a?.assigned, a?.confirmed], [6, 6]);

    const incremental = await snapshot();
    await db.deleteFrom('report_counts').execute();
    await db.deleteFrom('report_durations').execute();
    await db.deleteFrom('report_month_counts').execute();
    await db.transaction().execute((trx) => markAllDirty(trx, rows.accountId));
    await refreshRollups(db, rows.accountId, TZ, nov(30, 12, 0));
    assert.deepEqual(await snapshot(), incremental);
    assert.ok(incremental.counts.length > 20);
  });
});

async function snapshot() {
  const counts = await db
    .selectFrom('report_counts')
    .select(['day', 'metric', 'packer_id', 'store_id', 'courier', 'n', 'amount'])
    .where('account_id', '=', rows.accountId)
    .orderBy('day')
    .orderBy('metric')
    .orderBy('packer_id')
    .orderBy('store_id')
    .orderBy('courier')
    .execute();
  const durations = await db
    .selectFrom('report_durations')
    .select(['grain', 'period', 'metric', 'packer_id', 'store_id', 'courier', 'minutes', 'n'])
    .where('account_id', '=', rows.accountId)
    .orderBy('grain')
    .orderBy('period')
    .orderBy('metric')
    .orderBy('packer_id')
    .orderBy('store_id')
    .orderBy('courier')
    .orderBy('minutes')
    .execute();
  // Month sums kept by difference (a few days refreshed) must equal the ones summed again.
  const months = await db
    .selectFrom('report_month_counts')
    .select(['month', 'metric', 'packer_id', 'store_id', 'courier', 'n', 'amount'])
    .where('account_id', '=', rows.accountId)
    .orderBy('month')
    .orderBy('metric')
    .orderBy('packer_id')
    .orderBy('store_id')
    .orderBy('courier')
    .execute();
  return { counts, durations, months };
}
