import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createPacker } from '../../../test/support/factories.js';
import { insertStore } from '../../../test/support/distribution.js';
import { ReportRows } from '../../../test/support/report-rows.js';
import { assertXlsxCell, csvOf, readCsv, readXlsx } from '../../../test/support/report-files.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { addDays, localDayOf } from '../../shared/local-days.js';
import { DAY_COLUMNS, PACKER_COLUMNS, SHIPPING_COLUMNS, valueAt } from './exports/tables.js';
import type { DaysReport, PackersReport, ShippingReport } from './reports.schema.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const code = (r: LightMyRequestResponse) =>
  `${r.statusCode} ${r.statusCode < 300 ? 'ok' : r.json<{ error: { code: string } }>().error.code}`;

async function login(app: App, body: Record<string, string>, path: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.post(path, body);
  if (res.statusCode !== 200) throw new Error(`login: ${res.body}`);
  return c;
}

const REPORTS = ['packers', 'days', 'shipping'] as const;
const URLS = REPORTS.flatMap((k) => [`/api/reports/${k}`, `/api/reports/${k}/export?format=csv`]);

describe('reports over HTTP: who may ask, which period, whose data', () => {
  let app: App;
  let owner: Client & { accountId: number };
  let manager: Client;
  let packer: Client;
  let otherStore: number;

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app, 'Magazin Rapoarte');
    await owner.post('/api/users', {
      name: 'Mara Manager',
      email: 'mara-reports@example.ro',
      password: 'manager123',
    });
    manager = await login(
      app,
      { email: 'mara-reports@example.ro', password: 'manager123' },
      '/api/auth/login',
    );
    const p = await createPacker(owner, { name: 'Ana', pin: '123412' });
    packer = await login(
      app,
      { station_code: p.station_code, username: p.username, pin: '123412' },
      '/api/auth/packer-login',
    );
    const other = await ownerClient(app, 'Alt magazin');
    otherStore = await insertStore(app, other.accountId, 'Magazinul altcuiva');
  });
  after(() => app.cleanup());

  it('refuses a packer (403) and anyone not logged in (401)', async () => {
    for (const url of URLS) {
      assert.equal(code(await packer.get(url)), '403 role_forbidden', url);
      assert.equal(code(await new Client(app).get(url)), '401 not_logged_in', url);
    }
  });

  it('refuses a period that ends before it starts, is over 400 days or names no real day', async () => {
    for (const who of [owner, manager])
      for (const url of URLS) {
        const q = url.includes('?') ? '&' : '?';
        for (const period of [
          'from=2026-11-10&to=2026-11-09',
          'from=2025-09-30&to=2026-11-04',
          'from=2026-02-30&to=2026-03-05',
          `from=${addDays(localDayOf(Date.now(), 'Europe/Bucharest'), 1)}`,
        ])
          assert.equal(code(await who.get(`${url}${q}${period}`)), '400 report_period_invalid');
        assert.equal(code(await who.get(`${url}${q}from=2026-1-5`)), '400 invalid_request', url);
      }
  });

  it('answers 404 for another account’s store', async () => {
    for (const url of URLS) {
      const q = url.includes('?') ? '&' : '?';
      assert.equal(
        code(await owner.get(`${url}${q}store_id=${otherStore}`)),
        '404 store_not_found',
      );
    }
  });

  it('asks an export for its format and a known language; the account’s by default', async () => {
    const ro = await owner.get('/api/reports/packers/export?format=csv');
    assert.equal(
      readCsv(ro.rawPayload)[0]?.[0],
      'ID împachetator',
      'a new account speaks Romanian',
    );
    const en = await owner.get('/api/reports/packers/export?format=csv&lang=en');
    assert.equal(readCsv(en.rawPayload)[0]?.[0], 'Packer ID');
    for (const k of REPORTS) {
      assert.equal(code(await owner.get(`/api/reports/${k}/export`)), '400 invalid_request');
      assert.equal(
        code(await owner.get(`/api/reports/${k}/export?format=pdf`)),
        '400 invalid_request',
      );
      assert.equal(
        code(await owner.get(`/api/reports/${k}/export?format=csv&lang=de`)),
        '400 invalid_request',
      );
    }
  });

  /** Bucharest wall time in November 2026 (UTC+2). */
  const nov = (day: number, hh: number, mm: number) => Date.UTC(2026, 10, day, hh - 2, mm);
  const PERIOD = 'from=2026-11-01&to=2026-11-30';

  it('answers the default period: the last 30 days up to today in the account’s zone', async () => {
    const today = localDayOf(Date.now(), 'Europe/Bucharest');
    const res = await manager.get('/api/reports/packers');
    assert.equal(code(res), '200 ok');
    const r = res.json<PackersReport>();
    assert.deepEqual(
      [r.timezone, r.currency, r.from, r.to, r.store_id, r.courier],
      ['Europe/Bucharest', 'RON', addDays(today, -29), today, null, null],
    );
    // 400 days are allowed (a year's report with its margin).
    const year = await owner.get('/api/reports/packers?from=2025-10-01&to=2026-11-04');
    assert.equal(code(year), '200 ok');
  });

  it('exports what the API answers, cell by cell, in CSV and XLSX, RO and EN', async () => {
    const rows = new ReportRows(app.database.db, owner.accountId);
    const store = await rows.store('Magazin Ș');
    const ana = await rows.packer('Ana Țăran');
    const bogdan = await rows.packer('Bogdan');
    // Ana: two orders packed on the 3rd (10 and 20 minutes to confirm, 30 and 50 to pack).
    for (const [i, [c, p]] of [
      [10, 30],
      [20, 50],
    ].entries()) {
      const o = await rows.order({ storeId: store, items: 2 + i, createdAt: nov(3, 8, 0) });
      await rows.assignment({
        orderId: o,
        packerId: ana,
        assigned: nov(3, 9, 0),
        confirmed: nov(3, 9, c ?? 0),
        packed: nov(3, 9, (c ?? 0) + (p ?? 0)),
        confirmWorkMs: (c ?? 0) * 60_000,
        packWorkMs: (p ?? 0) * 60_000,
      });
      await rows.shipment({
        orderId: o,
        storeId: store,
        courier: 'sameday',
        phase: 'made',
        at: nov(3, 11, 0),
      });
      if (i === 0) await rows.mismatch(o, ana, nov(3, 9, 15));
    }
    // Bogdan: one order assigned, not confirmed, and a penalty of 25.50 lei applied.
    const o3 = await rows.order({ storeId: store, items: 1, createdAt: nov(4, 8, 0) });
    await rows.assignment({ orderId: o3, packerId: bogdan, assigned: nov(4, 9, 0) });
    await rows.penalty({
      packerId: bogdan,
      orderId: o3,
      amount: 2550,
      at: nov(4, 10, 0),
      states: ['proposed', 'applied'],
    });

    const packers = (await owner.get(`/api/reports/packers?${PERIOD}`)).json<PackersReport>();
    const anaRow = packers.packers.find((p) => p.packer_id === ana);
    assert.deepEqual(
      [anaRow?.packed, anaRow?.items_packed, anaRow?.orders_with_mismatch],
      [2, 5, 1],
      'the history is really in the report',
    );
    assert.equal(packers.packers.find((p) => p.packer_id === bogdan)?.penalties_sum, 2550);
    await expectExportsMatch('packers', PACKER_COLUMNS, packers.packers);

    const days = await owner.get(`/api/reports/days?${PERIOD}`);
    if (days.statusCode === 200) {
      const d = days.json<DaysReport>();
      await expectExportsMatch('days', DAY_COLUMNS, [...d.days, { ...d.totals, day: 'Total' }]);
    }
    const ship = await owner.get(`/api/reports/shipping?${PERIOD}`);
    if (ship.statusCode === 200) {
      const s = ship.json<ShippingReport>();
      const kinds = { ro: ['Magazin', 'Curier'], en: ['Store', 'Courier'] };
      for (const lang of ['ro', 'en'] as const)
        await expectExportsMatch(
          'shipping',
          SHIPPING_COLUMNS,
          [
            ...s.stores.map((x) => ({ ...x, kind: kinds[lang][0] })),
            ...s.couriers.map((x) => ({ ...x, kind: kinds[lang][1] })),
          ],
          [lang],
        );
    }
  });

  /** Both files of a report in each language, read back and compared with the API's rows. */
  async function expectExportsMatch(
    kind: string,
    columns: typeof PACKER_COLUMNS,
    apiRows: object[],
    langs: ('ro' | 'en')[] = ['ro', 'en'],
  ): Promise<void> {
    for (const lang of langs) {
      const url = `/api/reports/${kind}/export?${PERIOD}&lang=${lang}`;
      const csvRes = await manager.get(`${url}&format=csv`);
      assert.equal(csvRes.statusCode, 200, csvRes.body);
      assert.equal(csvRes.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(
        csvRes.headers['content-disposition'],
        `attachment; filename="ecomdir-${kind}-2026-11-01_2026-11-30.csv"`,
      );
      const xlsxRes = await manager.get(`${url}&format=xlsx`);
      assert.equal(
        xlsxRes.headers['content-type'],
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      assert.equal(
        xlsxRes.headers['content-disposition'],
        `attachment; filename="ecomdir-${kind}-2026-11-01_2026-11-30.xlsx"`,
      );
      const csv = readCsv(csvRes.rawPayload);
      const xlsx = await readXlsx(xlsxRes.rawPayload);
      assert.deepEqual(
        csv[0],
        columns.map((c) => (c.type === 'money' ? `${c.header[lang]} (RON)` : c.header[lang])),
      );
      assert.deepEqual(xlsx.rows[0], csv[0]);
      assert.equal(csv.length, apiRows.length + 1, `${kind} ${lang}: one line per row`);
      assert.equal(xlsx.rows.length, apiRows.length + 1);
      apiRows.forEach((row, r) =>
        columns.forEach((col, i) => {
          const label = `${kind} ${lang} row ${r} ${col.key}`;
          const v = valueAt(row, col.key) ?? null;
          assert.equal(csv[r + 1]?.[i], csvOf(col.type, v), label);
          assertXlsxCell(col.type, xlsx.rows[r + 1]?.[i], v, label);
        }),
      );
    }
  }
});
