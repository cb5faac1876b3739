import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { reportSeed } from '../../../test/support/report-seed.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';
import { CodService } from '../shipping/cod/cod.service.js';
import { CourierRegistry } from '../shipping/couriers/registry.js';
import type { ReportContext } from './queries/context.js';
import { daysReport } from './queries/days.js';
import type { DayRow } from './reports.schema.js';
import { refreshRollups } from './rollup/rebuild.js';

const TZ = 'Europe/Bucharest';
/** UTC instants written by hand: Bucharest is UTC+2 in winter, UTC+3 from 29 Mar 03:00 local
 * (01:00Z) to 25 Oct 04:00 local (01:00Z). */
const Z = (month: number, d: number, h: number, m = 0) => Date.UTC(2026, month - 1, d, h, m);

let tdb: TestDatabase;
let database: Database;
let db: Kysely<DB>;
let acc: number;
let storeS: number;

const ctx = (from: string, to: string, slice: Partial<ReportContext> = {}): ReportContext => ({
  accountId: acc,
  timeZone: TZ,
  currency: 'RON',
  from,
  to,
  storeId: null,
  courier: null,
  ...slice,
});

/** The columns of a day row, in this order, for compact tables written by hand. */
const COLS = [
  'orders_in',
  'distributed',
  'packed',
  'shipped',
  'delivered',
  'returned',
  'cod_to_collect',
  'cod_collected',
  'cod_outstanding',
  'backlog',
] as const;
const table = (days: DayRow[]) => days.map((d) => [d.day, ...COLS.map((c) => d[c])]);

before(async () => {
  tdb = await createTestDatabase();
  database = openDatabase(tdb.database);
  db = database.db;
  await migrateToLatest(db);
  const seed = reportSeed(db);
  acc = await seed.account();
  storeS = await seed.store(acc, 'Sud');
  const storeT = await seed.store(acc, 'Tei');
  const p = await seed.packer(acc, 'Dana');

  // Before the period (27 Mar, UTC+2): O5 shipped without packing (AWB with 50.00 COD, returned
  // on 31 Mar 10:00 local = 07:00Z); O6 still waiting. Backlog at 27 Mar's end: 1; COD
  // outstanding: 5000.
  const o5 = await seed.order(acc, {
    storeId: storeS,
    createdAt: Z(3, 27, 10),
    status: 'returned',
  });
  await seed.shipment(acc, {
    orderId: o5,
    courier: 'sameday',
    createdAt: Z(3, 27, 11),
    cod: 5000,
    status: 'returned',
    events: [['returned', Z(3, 31, 7)]],
  });
  await seed.audit(acc, {
    orderId: o5,
    action: 'shipped',
    from: 'new',
    to: 'shipped',
    at: Z(3, 27, 11),
  });
  await seed.order(acc, { storeId: storeS, createdAt: Z(3, 27, 13) });

  // O1: created 28 Mar 10:00 local, first assigned 11:00 local (28), assigned again 29 Mar 09:00
  // local (06:00Z, summer time) and packed 10:00 local; AWB 29 Mar 23:30 local (20:30Z, 100.00
  // COD), delivered 30 Mar 00:30 local (21:30Z on the 29th): a day of 23 hours.
  const o1 = await seed.order(acc, {
    storeId: storeS,
    createdAt: Z(3, 28, 8),
    status: 'delivered',
  });
  await seed.assignment(acc, { orderId: o1, packerId: p, assignedAt: Z(3, 28, 9) });
  await seed.assignment(acc, {
    orderId: o1,
    packerId: p,
    assignedAt: Z(3, 29, 6),
    packedAt: Z(3, 29, 7),
  });
  await seed.shipment(acc, {
    orderId: o1,
    courier: 'fan',
    createdAt: Z(3, 29, 20, 30),
    cod: 10000,
    status: 'delivered',
    events: [['delivered', Z(3, 29, 21, 30)]],
  });
  await seed.audit(acc, {
    orderId: o1,
    action: 'shipped',
    from: 'packed',
    to: 'shipped',
    at: Z(3, 29, 20, 30),
  });

  // O2: created 29 Mar 00:30 local (still winter: 22:30Z on the 28th), assigned 01:00 local,
  // cancelled in the store 30 Mar 12:00 local (09:00Z).
  const o2 = await seed.order(acc, {
    storeId: storeS,
    createdAt: Z(3, 28, 22, 30),
    status: 'cancelled',
  });
  await seed.assignment(acc, { orderId: o2, packerId: p, assignedAt: Z(3, 28, 23) });
  await seed.audit(acc, {
    orderId: o2,
    action: 'status_changed',
    from: 'assigned',
    to: 'cancelled',
    at: Z(3, 30, 9),
  });

  // O3: 28 Mar 23:30 local, first seen already cancelled: an order in, never in the backlog.
  await seed.order(acc, { storeId: storeS, createdAt: Z(3, 28, 21, 30), status: 'cancelled' });

  // O7: 28 Mar, its AWB (70.00 COD) cancelled: no AWB shipped, nothing to collect.
  const o7 = await seed.order(acc, { storeId: storeS, createdAt: Z(3, 28, 12) });
  await seed.shipment(acc, {
    orderId: o7,
    courier: 'fan',
    createdAt: Z(3, 28, 13),
    cod: 7000,
    phase: 'cancelled',
    status: 'cancelled',
  });

  // O4: a phone order (no store) 30 Mar 09:00 local; O8: store Tei, 31 Mar 10:00 local.
  await seed.order(acc, { storeId: null, createdAt: Z(3, 30, 6) });
  await seed.order(acc, { storeId: storeT, createdAt: Z(3, 31, 7) });

  // October, 25 Oct has 25 hours (UTC+3 until 04:00 local, then UTC+2).
  await seed.order(acc, { storeId: storeS, createdAt: Z(10, 24, 20, 30) }); // 24 Oct 23:30 local
  await seed.order(acc, { storeId: storeS, createdAt: Z(10, 24, 21, 30) }); // 25 Oct 00:30 local
  await seed.order(acc, { storeId: storeS, createdAt: Z(10, 25, 21, 30) }); // 25 Oct 23:30 local
  await seed.order(acc, { storeId: storeS, createdAt: Z(10, 25, 22, 30) }); // 26 Oct 00:30 local

  await refreshRollups(db, acc, TZ, Z(11, 1, 0));
});
after(async () => {
  await database.destroy();
  await tdb.drop();
});

describe('per-day report (rollups, Europe/Bucharest)', () => {
  it('counts each event on its local day across the 23-hour day, with running COD and backlog', async () => {
    const r = await daysReport(db, ctx('2026-03-28', '2026-03-31'));
    // prettier-ignore
    assert.deepEqual(table(r.days), [
      //            in dist pack ship dlv ret  to_collect collected outstanding backlog
      ['2026-03-28', 3, 1, 0, 0, 0, 0,     0,     0,  5000, 3], // O1 O3 O7 in; O6 O1 O7 waiting
      ['2026-03-29', 1, 1, 1, 1, 0, 0, 10000,     0, 15000, 3], // O2 in, O1 packed and shipped
      ['2026-03-30', 1, 0, 0, 0, 1, 0,     0, 10000,  5000, 3], // O4 in, O2 cancelled, O1 delivered
      ['2026-03-31', 1, 0, 0, 0, 0, 1,     0,     0,     0, 4], // O8 in, O5 came back
    ]);
    assert.deepEqual(r.totals, {
      orders_in: 6,
      distributed: 2,
      packed: 1,
      shipped: 1,
      delivered: 1,
      returned: 1,
      cod_to_collect: 10000,
      cod_collected: 10000,
    });
    assert.equal(r.timezone, TZ);
    assert.equal(r.from, '2026-03-28');
  });

  it('keeps an event at 23:30 local on the 25-hour day of October on that day', async () => {
    const r = await daysReport(db, ctx('2026-10-24', '2026-10-26'));
    assert.deepEqual(
      r.days.map((d) => [d.day, d.orders_in, d.backlog]),
      [
        ['2026-10-24', 1, 5],
        ['2026-10-25', 2, 7],
        ['2026-10-26', 1, 8],
      ],
    );
  });

  it('agrees with the COD page on COD to collect and collected', async () => {
    const cod = new CodService(db, new CourierRegistry([]), () =>
      Promise.reject(new Error('not used')),
    );
    const page = await cod.summary(acc, { from: '2026-03-27', to: '2026-03-31' });
    const r = await daysReport(db, ctx('2026-03-27', '2026-03-31'));
    assert.deepEqual(
      r.days.map((d) => [d.day, d.cod_to_collect, d.cod_collected]),
      page.days.map((d) => [d.day, d.expected, d.collected]),
    );
    assert.deepEqual(
      page.days.map((d) => d.expected),
      [5000, 0, 10000, 0, 0],
    );
  });

  it('narrows to a store (phone orders are store 0) and to a courier', async () => {
    const s = await daysReport(db, ctx('2026-03-28', '2026-03-31', { storeId: storeS }));
    assert.deepEqual(
      s.days.map((d) => [d.day, d.orders_in, d.backlog]),
      [
        ['2026-03-28', 3, 3],
        ['2026-03-29', 1, 3],
        ['2026-03-30', 0, 2],
        ['2026-03-31', 0, 2],
      ],
    );
    const f = await daysReport(db, ctx('2026-03-28', '2026-03-31', { courier: 'fan' }));
    // Only O1 has a made, not cancelled FAN AWB: the figures of the orders that went with FAN.
    assert.deepEqual(
      f.days.map((d) => [
        d.day,
        d.orders_in,
        d.packed,
        d.shipped,
        d.delivered,
        d.cod_outstanding,
        d.backlog,
      ]),
      [
        ['2026-03-28', 1, 0, 0, 0, 0, 1],
        ['2026-03-29', 0, 1, 1, 0, 10000, 0],
        ['2026-03-30', 0, 0, 0, 1, 0, 0],
        ['2026-03-31', 0, 0, 0, 0, 0, 0],
      ],
    );
  });

  it('follows an AWB cancelled days later (the day it was made is rebuilt)', async () => {
    await db
      .updateTable('shipments')
      .set({ phase: 'cancelled', status: 'cancelled', updated_at: Z(4, 5, 9) })
      .where('account_id', '=', acc)
      .where('courier', '=', 'fan')
      .where('phase', '=', 'made')
      .execute();
    await refreshRollups(db, acc, TZ, Z(11, 1, 0));
    const r = await daysReport(db, ctx('2026-03-29', '2026-03-30'));
    assert.deepEqual(
      r.days.map((d) => [
        d.day,
        d.shipped,
        d.delivered,
        d.cod_to_collect,
        d.cod_collected,
        d.cod_outstanding,
      ]),
      [
        ['2026-03-29', 0, 0, 0, 0, 5000],
        ['2026-03-30', 0, 0, 0, 0, 5000],
      ],
    );
  });
});
