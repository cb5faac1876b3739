import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertXlsxCell, csvOf, readCsv, readXlsx } from '../../../../test/support/report-files.js';
import type { DaysReport, PackerRow, PackersReport, ShippingReport } from '../reports.schema.js';
import { exportReport } from './export.js';
import { DAY_COLUMNS, PACKER_COLUMNS, SHIPPING_COLUMNS, valueAt } from './tables.js';

const head = {
  timezone: 'Europe/Bucharest',
  currency: 'RON',
  from: '2026-10-24',
  to: '2026-10-25',
  store_id: null,
  courier: null,
};
const dur = (a: number | null, b: number | null, c: number | null, d: number | null) => ({
  median_work: a,
  p90_work: b,
  median_wall: c,
  p90_wall: d,
});
const packer = (over: Partial<PackerRow>): PackerRow => ({
  packer_id: 1,
  packer_name: 'x',
  assigned: 0,
  confirmed: 0,
  packed: 0,
  items_packed: 0,
  to_confirm: dur(null, null, null, null),
  to_pack: dur(null, null, null, null),
  orders_with_mismatch: 0,
  scan_mismatch_rate: null,
  penalties_proposed: 0,
  penalties_applied: 0,
  penalties_waived: 0,
  penalties_sum: 0,
  moved_away: 0,
  ...over,
});
const PACKERS: PackersReport = {
  ...head,
  packers: [
    packer({
      packer_id: 7,
      packer_name: 'Ștefan "Fănel" Țurcanu',
      assigned: 12,
      confirmed: 11,
      packed: 9,
      items_packed: 31,
      to_confirm: dur(4, 17, 6, 40),
      to_pack: dur(12, 25, 13, 90),
      orders_with_mismatch: 3,
      scan_mismatch_rate: 1 / 3,
      penalties_proposed: 2,
      penalties_applied: 1,
      penalties_waived: 1,
      penalties_sum: 12345,
      moved_away: 1,
    }),
    packer({ packer_id: 8, packer_name: '=HYPERLINK("x")', assigned: 1 }),
  ],
  time_to_pack: [],
};
const day = (d: string, n: number) => ({
  day: d,
  orders_in: n,
  distributed: n - 1,
  packed: n - 2,
  shipped: n - 3,
  delivered: 2,
  returned: 1,
  cod_to_collect: 19999,
  cod_collected: 5,
  cod_outstanding: 20094,
  backlog: 4,
});
const DAYS: DaysReport = {
  ...head,
  // 2026-10-25 has 25 hours in Bucharest: nothing about a file changes with it.
  days: [day('2026-10-24', 10), day('2026-10-25', 6)],
  totals: {
    orders_in: 16,
    distributed: 14,
    packed: 12,
    shipped: 10,
    delivered: 4,
    returned: 2,
    cod_to_collect: 39998,
    cod_collected: 10,
  },
};
const SHIPPING: ShippingReport = {
  ...head,
  stores: [
    {
      key: '3',
      name: 'Magazin Ș',
      orders: 20,
      shipments: 18,
      to_awb_median: 95,
      to_awb_p90: 1440,
      delivered: 15,
      returned: 2,
      delivery_rate: 15 / 17,
      return_rate: 2 / 17,
    },
  ],
  couriers: [
    {
      key: 'sameday',
      name: 'Sameday',
      orders: 12,
      shipments: 12,
      to_awb_median: null,
      to_awb_p90: null,
      delivered: 0,
      returned: 0,
      delivery_rate: null,
      return_rate: null,
    },
  ],
};

describe('report exports: CSV and XLSX say what the API says, cell by cell', () => {
  it('writes the packers in RO: headers, money with its currency, text quoted and defused', async () => {
    const csv = await exportReport({ kind: 'packers', report: PACKERS }, 'csv', 'ro');
    assert.equal(csv.filename, 'ecomdir-packers-2026-10-24_2026-10-25.csv');
    assert.equal(csv.contentType, 'text/csv; charset=utf-8');
    const rows = readCsv(csv.body);
    assert.equal(rows.length, 3);
    // The dashboard's words (its table says "Împachetate", not "Ambalate").
    assert.equal(rows[0]?.[0], 'ID împachetator');
    assert.equal(rows[0]?.[1], 'Împachetator');
    assert.equal(rows[0]?.[4], 'Împachetate');
    assert.equal(rows[0]?.[6], 'Primire → confirmare: Mediană (lucru), min');
    assert.equal(rows[0]?.[19], 'Penalizări: Suma (RON)');
    // By hand: 7, the name as is, 123.45 lei, a third with a `.` decimal point, empty nulls.
    assert.deepEqual(rows[1], [
      '7',
      'Ștefan "Fănel" Țurcanu',
      '12',
      '11',
      '9',
      '31',
      '4',
      '17',
      '6',
      '40',
      '12',
      '25',
      '13',
      '90',
      '3',
      '0.3333333333333333',
      '2',
      '1',
      '1',
      '123.45',
      '1',
    ]);
    assert.equal(rows[2]?.[1], `'=HYPERLINK("x")`, 'a formula is defused');
    assert.equal(rows[2]?.[6], '', 'no measure: an empty field');
    assert.equal(rows[2]?.[15], '');
    assert.equal(rows[2]?.[19], '0.00');
  });

  it('reads every report back from CSV and XLSX equal to its JSON (EN)', async () => {
    const cases = [
      {
        kind: 'packers' as const,
        report: PACKERS,
        columns: PACKER_COLUMNS,
        rows: PACKERS.packers as object[],
      },
      {
        kind: 'days' as const,
        report: DAYS,
        columns: DAY_COLUMNS,
        rows: [...DAYS.days, { ...DAYS.totals, day: 'Total' }] as object[],
      },
      {
        kind: 'shipping' as const,
        report: SHIPPING,
        columns: SHIPPING_COLUMNS,
        rows: [
          ...SHIPPING.stores.map((s) => ({ ...s, kind: 'Store' })),
          ...SHIPPING.couriers.map((s) => ({ ...s, kind: 'Courier' })),
        ] as object[],
      },
    ];
    for (const c of cases) {
      const args = { kind: c.kind, report: c.report } as Parameters<typeof exportReport>[0];
      const csv = readCsv((await exportReport(args, 'csv', 'en')).body);
      const xlsx = await readXlsx((await exportReport(args, 'xlsx', 'en')).body);
      assert.equal(csv.length, c.rows.length + 1, c.kind);
      assert.equal(xlsx.rows.length, c.rows.length + 1, c.kind);
      assert.deepEqual(xlsx.rows[0], csv[0], `${c.kind}: the same headers`);
      c.rows.forEach((row, r) =>
        c.columns.forEach((col, i) => {
          const label = `${c.kind} row ${r} ${col.key}`;
          const v = valueAt(row, col.key) ?? null;
          const text = typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
          assert.equal(csv[r + 1]?.[i], csvOf(col.type, text), label);
          assertXlsxCell(col.type, xlsx.rows[r + 1]?.[i], v, label);
        }),
      );
    }
  });

  it('types the XLSX cells: bold frozen header, 2-decimal money, percent rates, real dates', async () => {
    const days = await readXlsx(
      (await exportReport({ kind: 'days', report: DAYS }, 'xlsx', 'en')).body,
    );
    assert.deepEqual(days.rows[0]?.slice(7, 11), [
      'COD to collect (RON)',
      'COD collected (RON)',
      'COD outstanding (RON)',
      'Backlog at day end',
    ]);
    assert.equal(days.ws.getRow(1).getCell(1).font?.bold, true);
    assert.equal(days.ws.views[0]?.state, 'frozen');
    assert.equal((days.ws.views[0] as { ySplit?: number }).ySplit, 1);
    assert.equal(days.ws.getCell('A2').numFmt, 'yyyy-mm-dd');
    assert.deepEqual(days.ws.getCell('A2').value, new Date('2026-10-24T00:00:00Z'));
    assert.equal(days.ws.getCell('H2').value, 199.99);
    assert.equal(days.ws.getCell('H2').numFmt, '0.00');
    assert.equal(days.ws.getCell('A4').value, 'Total');
    assert.equal(days.ws.getCell('J4').value, null, 'no outstanding in the totals');
    const ship = await readXlsx(
      (await exportReport({ kind: 'shipping', report: SHIPPING }, 'xlsx', 'ro')).body,
    );
    assert.deepEqual(ship.rows[0]?.slice(0, 3), ['Tip', 'Cheie', 'Nume']);
    assert.deepEqual(ship.rows[1]?.slice(0, 3), ['Magazin', '3', 'Magazin Ș']);
    assert.deepEqual(ship.rows[2]?.slice(0, 3), ['Curier', 'sameday', 'Sameday']);
    assert.equal(ship.ws.getCell('J2').value, 15 / 17);
    assert.equal(ship.ws.getCell('J2').numFmt, '0.0%');
    assert.equal(ship.ws.getCell('D2').numFmt, '0');
  });
});
