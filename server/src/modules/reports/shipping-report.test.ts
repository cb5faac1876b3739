import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { reportSeed } from '../../../test/support/report-seed.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.js';
import { openDatabase, type Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { DB } from '../../db/schema.js';
import type { ReportContext } from './queries/context.js';
import { shippingReport } from './queries/shipping.js';
import type { ShippingRow } from './reports.schema.js';
import { refreshRollups } from './rollup/rebuild.js';
import { up } from '../../db/migrations/20261203_1660_report_to_awb_slices.js';

const TZ = 'Europe/Bucharest';
/** UTC instants; November in Bucharest is UTC+2, so 08:00Z is 10:00 local, same day. */
const Z = (month: number, d: number, h: number, m = 0, s = 0) =>
  Date.UTC(2026, month - 1, d, h, m, s);

let tdb: TestDatabase;
let database: Database;
let db: Kysely<DB>;
let acc: number;
const ids: Record<string, number> = {};

const ctx = (slice: Partial<ReportContext> = {}): ReportContext => ({
  accountId: acc,
  timeZone: TZ,
  currency: 'RON',
  from: '2026-11-02',
  to: '2026-11-08',
  storeId: null,
  courier: null,
  ...slice,
});

/** A row as [key, name, orders, shipments, median, p90, delivered, returned, rates]. */
const flat = (r: ShippingRow) => [
  r.key,
  r.name,
  r.orders,
  r.shipments,
  r.to_awb_median,
  r.to_awb_p90,
  r.delivered,
  r.returned,
  r.delivery_rate,
  r.return_rate,
];

before(async () => {
  tdb = await createTestDatabase();
  database = openDatabase(tdb.database);
  db = database.db;
  await migrateToLatest(db);
  const seed = reportSeed(db);
  acc = await seed.account();
  const alfa = (ids.alfa = await seed.store(acc, 'Alfa'));
  const beta = (ids.beta = await seed.store(acc, 'Beta'));
  ids.delta = await seed.store(acc, 'Delta');
  const gamma = await seed.store(acc, 'Gamma');
  await db
    .updateTable('stores')
    .set({ removed_at: Z(10, 1, 0) })
    .where('id', '=', gamma)
    .execute();

  /** An order and its AWB: order created at `order`, AWB made at `awb`. */
  const parcel = async (
    storeId: number | null,
    courier: string,
    order: number,
    awb: number,
    status = 'created',
    events: Array<[string, number]> = [],
  ) => {
    const o = await seed.order(acc, { storeId, createdAt: order, status: 'shipped' });
    await seed.shipment(acc, { orderId: o, courier, createdAt: awb, cod: null, status, events });
  };
  // Alfa × FAN: order→AWB 10, 20 (20 min 59 s: floor), 30, 40, 50 minutes, and 2880 for an order
  // of 31 Oct whose AWB is made on 2 Nov (counted as a shipment, not as an order of the period).
  await parcel(alfa, 'fan', Z(10, 31, 10), Z(11, 2, 10));
  await parcel(alfa, 'fan', Z(11, 3, 8), Z(11, 3, 8, 10), 'delivered', [
    ['delivered', Z(11, 4, 10)],
    ['delivered', Z(11, 9, 10)], // a second report of the same delivery: counted once
  ]);
  await parcel(alfa, 'fan', Z(11, 3, 8), Z(11, 3, 8, 20, 59), 'delivered', [
    ['delivered', Z(11, 4, 10)],
  ]);
  await parcel(alfa, 'fan', Z(11, 3, 9), Z(11, 3, 9, 30), 'delivered', [
    ['delivered', Z(11, 4, 10)],
  ]);
  await parcel(alfa, 'fan', Z(11, 4, 10), Z(11, 4, 10, 40), 'returned', [
    ['refused', Z(11, 5, 10)],
    ['returned', Z(11, 6, 10)],
  ]);
  // Delivered on 9 Nov: after the period.
  await parcel(alfa, 'fan', Z(11, 4, 10), Z(11, 4, 10, 50), 'delivered', [
    ['delivered', Z(11, 9, 10)],
  ]);
  // Beta × Sameday: 5 and 61 minutes; a delivery in the period of an AWB made before it.
  await parcel(beta, 'sameday', Z(11, 5, 8), Z(11, 5, 8, 5));
  await parcel(beta, 'sameday', Z(11, 5, 8), Z(11, 5, 9, 1));
  await parcel(beta, 'sameday', Z(10, 20, 8), Z(10, 21, 8), 'delivered', [
    ['delivered', Z(11, 3, 10)],
  ]);
  // Beta: an order still without an AWB (courier '').
  await seed.order(acc, { storeId: beta, createdAt: Z(11, 6, 8) });
  // A phone order (no store) × FAN: 120 minutes, delivered.
  await parcel(null, 'fan', Z(11, 6, 8), Z(11, 6, 10), 'delivered', [['delivered', Z(11, 7, 10)]]);

  await refreshRollups(db, acc, TZ, Z(11, 30, 0));
});
after(async () => {
  await database.destroy();
  await tdb.drop();
});

describe('per-store and per-courier report', () => {
  it('counts volumes, order→AWB nearest-rank median and p90, delivery and return rates', async () => {
    const r = await shippingReport(db, ctx());
    assert.deepEqual(r.stores.map(flat), [
      // Minutes 10 20 30 40 50 2880: median rank 3 → 30, p90 rank ceil(5.4) = 6 → 2880.
      [String(ids.alfa), 'Alfa', 5, 6, 30, 2880, 3, 1, 0.75, 0.25],
      // Minutes 5 61: median rank 1 → 5, p90 rank ceil(1.8) = 2 → 61.
      [String(ids.beta), 'Beta', 3, 2, 5, 61, 1, 0, 1, 0],
      [String(ids.delta), 'Delta', 0, 0, null, null, 0, 0, null, null],
      // Phone orders: store 0, named by the dashboard; Gamma (removed, no figures) is absent.
      ['0', '', 1, 1, 120, 120, 1, 0, 1, 0],
    ]);
    assert.deepEqual(r.couriers.map(flat), [
      // Minutes 10 20 30 40 50 120 2880: median rank 4 → 40, p90 rank ceil(6.3) = 7 → 2880.
      ['fan', 'fan', 6, 7, 40, 2880, 4, 1, 0.8, 0.2],
      ['sameday', 'sameday', 2, 2, 5, 61, 1, 0, 1, 0],
      // Orders without an AWB.
      ['', '', 1, 0, null, null, 0, 0, null, null],
    ]);
  });

  it('narrows to one store', async () => {
    const r = await shippingReport(db, ctx({ storeId: ids.alfa! }));
    assert.deepEqual(r.stores.map(flat), [
      [String(ids.alfa), 'Alfa', 5, 6, 30, 2880, 3, 1, 0.75, 0.25],
    ]);
    assert.deepEqual(r.couriers.map(flat), [['fan', 'fan', 5, 6, 30, 2880, 3, 1, 0.75, 0.25]]);
    assert.equal(r.store_id, ids.alfa);
  });

  it('narrows to one courier', async () => {
    const r = await shippingReport(db, ctx({ courier: 'sameday' }));
    assert.deepEqual(r.couriers.map(flat), [['sameday', 'sameday', 2, 2, 5, 61, 1, 0, 1, 0]]);
    assert.deepEqual(r.stores.map(flat), [
      [String(ids.alfa), 'Alfa', 0, 0, null, null, 0, 0, null, null],
      [String(ids.beta), 'Beta', 2, 2, 5, 61, 1, 0, 1, 0],
      [String(ids.delta), 'Delta', 0, 0, null, null, 0, 0, null, null],
    ]);
  });

  it('reads a period of whole months from the month histograms like from the days', async () => {
    const r = await shippingReport(db, ctx({ from: '2026-10-01', to: '2026-11-30' }));
    const fan = r.couriers.find((c) => c.key === 'fan');
    // Now the 9 Nov deliveries are inside: a1's first delivery stays 4 Nov; a5 delivered.
    assert.deepEqual(fan && flat(fan), ['fan', 'fan', 7, 7, 40, 2880, 5, 1, 5 / 6, 1 / 6]);
  });

  it('keeps order → AWB per store and per courier, as migration 1660 gives rows built before it', async () => {
    const copies = () =>
      db
        .selectFrom('report_durations')
        .selectAll()
        .where('metric', '=', 'ship.to_awb')
        .where((eb) => eb.or([eb('store_id', '=', -1), eb('courier', '=', '*')]))
        .orderBy(['grain', 'period', 'store_id', 'courier', 'minutes'])
        .execute();
    const built = await copies();
    // Per store (Alfa, Beta and phone orders), per courier, and both; by day and by month.
    const kinds = new Set(built.map((r) => `${r.grain}:${r.store_id === -1}:${r.courier === '*'}`));
    assert.equal(kinds.size, 6);
    await db
      .deleteFrom('report_durations')
      .where('metric', '=', 'ship.to_awb')
      .where((eb) => eb.and([eb('store_id', '<>', -1), eb('courier', '=', '*')]))
      .execute();
    await db
      .deleteFrom('report_durations')
      .where('metric', '=', 'ship.to_awb')
      .where((eb) => eb.and([eb('store_id', '=', -1), eb('courier', '<>', '*')]))
      .execute();
    await up(db);
    assert.deepEqual(await copies(), built);
  });
});
