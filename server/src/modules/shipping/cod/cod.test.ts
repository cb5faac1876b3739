import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createOrder } from '../../../../test/support/factories.js';
import {
  type ScriptedCourier,
  scriptedCourier,
} from '../../../../test/support/scripted-courier.js';
import { type Client, ownerClient, startTestApp } from '../../../../test/support/test-app.js';
import type { CodImportOut, CodStateOut, CodSummaryOut } from './cod.schema.js';
import type { z } from 'zod';

const fixture = (name: string) =>
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name));
const at = (d: number, h: number, m = 0) => Date.UTC(2026, 10, d, h, m);

type Summary = z.infer<typeof CodSummaryOut>;
type Import = z.infer<typeof CodImportOut> & { rejected_rows: unknown[] };
type State = z.infer<typeof CodStateOut>;

function form(file: { name: string; bytes: Buffer } | null, fields: Record<string, string> = {}) {
  const f = new FormData();
  if (file) f.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/**
 * A recorded FAN settlement (CSV) and a second export (XLSX) on a seeded set of COD shipments
 * (Bucharest time: UTC+2 in November); every figure below is computed by hand from the seed.
 */
describe('COD reconciliation: settlements imported, matched, counted once, figures per day', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  let courier: ScriptedCourier;
  const awbShipment = new Map<string, number>();
  const orderOf = new Map<string, number>();

  const seed = async (
    client: Client & { accountId: number },
    s: {
      awb: string;
      cod: number | null;
      created: number;
      phase?: 'made' | 'cancelled';
      status: string;
      events?: [string, number][];
    },
  ) => {
    const order = await createOrder(client);
    const row = await app.database.db
      .insertInto('shipments')
      .values({
        account_id: client.accountId,
        order_id: order.id,
        store_id: null,
        courier: 'scripted',
        service: 'std',
        attempt: 1,
        idempotency_key: `${order.id}-1`,
        phase: s.phase ?? 'made',
        awb: s.awb,
        status: s.status,
        tracking_token: randomUUID(),
        currency: 'RON',
        cod_minor: s.cod,
        declared_value_minor: 0,
        parcels: 1,
        weight_grams: 1000,
        sender: '{}',
        recipient: '{}',
        reason_code: 'shipping_default',
        order_status_before: 'new',
        created_at: s.created,
        updated_at: s.created,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [status, when] of s.events ?? [])
      await app.database.db
        .insertInto('shipment_events')
        .values({
          account_id: client.accountId,
          shipment_id: row.id,
          status,
          courier_code: status,
          courier_text: status,
          occurred_at: when,
          created_at: when,
        })
        .execute();
    awbShipment.set(s.awb, row.id);
    orderOf.set(s.awb, order.id);
    return row.id;
  };

  const upload = async (url: string, f: FormData) => owner.request('POST', url, f);
  const importFile = async (name: string) => {
    const bytes = fixture(name);
    const preview = await upload('/api/cod/files/preview', form({ name, bytes }));
    assert.equal(preview.statusCode, 200, preview.body);
    const d = preview.json<{ detected: Record<string, number | null> }>().detected;
    const res = await upload(
      '/api/cod/files/import',
      form(
        { name, bytes },
        {
          courier: 'scripted',
          col_awb: String(d.awb),
          col_amount: String(d.amount),
          col_paid_at: String(d.paid_at),
          col_reference: d.reference === null ? '' : String(d.reference),
        },
      ),
    );
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Import>();
  };
  const summary = (now: number) =>
    app.services.cod.summary(owner.accountId, { from: '2026-11-02', to: '2026-11-10' }, now);
  const day = (s: Summary, d: string) => {
    const row = s.days.find((r) => r.day === d);
    assert.ok(row, d);
    return row;
  };
  const zero = { expected: 0, collected: 0, paid_out: 0, outstanding: 0, overdue: 0, returned: 0 };

  before(async () => {
    courier = scriptedCourier('scripted', true, { settlements: true });
    app = await startTestApp({}, { couriers: [courier] });
    owner = await ownerClient(app);
    // Made on Nov 2 (local), delivered Nov 3 at 14:00 local.
    await seed(owner, {
      awb: '2100000001',
      cod: 11480,
      created: at(2, 7),
      status: 'delivered',
      events: [
        ['in_transit', at(2, 15)],
        ['delivered', at(3, 12)],
      ],
    });
    // Delivered at 00:30 local on Nov 4 (22:30 UTC on Nov 3): a Nov 4 collection.
    await seed(owner, {
      awb: '2100000002',
      cod: 25000,
      created: at(2, 16),
      status: 'delivered',
      events: [['delivered', at(3, 22, 30)]],
    });
    await seed(owner, {
      awb: '2100000003',
      cod: 8990,
      created: at(3, 8),
      status: 'delivered',
      events: [['delivered', at(4, 9)]],
    });
    // Made at 23:30 local on Nov 3, came back: flagged, never collected.
    await seed(owner, {
      awb: '2100000004',
      cod: 15000,
      created: at(3, 21, 30),
      status: 'returned',
      events: [['returned', at(6, 9)]],
    });
    // Paid order (no COD), not in the figures.
    await seed(owner, {
      awb: '2100000005',
      cod: null,
      created: at(3, 10),
      status: 'delivered',
      events: [['delivered', at(4, 10)]],
    });
    await seed(owner, { awb: '2100000006', cod: 5000, created: at(4, 10), status: 'in_transit' });
    // Cancelled AWB: expected nothing.
    await seed(owner, {
      awb: '2100000007',
      cod: 7000,
      created: at(2, 10),
      phase: 'cancelled',
      status: 'cancelled',
    });
    // 00:30 local on Nov 2 is Nov 2; 23:30 local on Nov 1 is not.
    await seed(owner, { awb: '2100000009', cod: 1000, created: at(1, 22, 30), status: 'created' });
    await seed(owner, { awb: '2100000010', cod: 2000, created: at(1, 21, 30), status: 'created' });
    // Another account has a shipment with the AWB that is unmatched for the owner's account.
    const other = await ownerClient(app, 'Alt magazin');
    await seed(other, {
      awb: '2199999999',
      cod: 4000,
      created: at(2, 8),
      status: 'delivered',
      events: [['delivered', at(3, 8)]],
    });
  });
  after(() => app.cleanup());

  it('previews the CSV: the header under the title rows, detected columns, sample rows', async () => {
    const res = await upload(
      '/api/cod/files/preview',
      form({ name: 'fan-borderou-ramburs.csv', bytes: fixture('fan-borderou-ramburs.csv') }),
    );
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json<{
      headers: string[];
      detected: object;
      sample: string[][];
      row_count: number;
    }>();
    assert.deepEqual(p.detected, { awb: 0, amount: 4, paid_at: 5, reference: 6 });
    assert.equal(p.headers[4], 'Valoare ramburs');
    assert.deepEqual(p.sample[1], [
      '2100000002',
      '04.11.2026',
      'Maria Ionescu; ap. 3',
      'Bucuresti Sector 3',
      '250,00',
      '06.11.2026',
      'OP 4411',
    ]);
    assert.equal(p.row_count, 4);
    assert.equal(
      await app.database.db
        .selectFrom('cod_imports')
        .select('id')
        .execute()
        .then((r) => r.length),
      0,
      'a preview stores nothing',
    );
  });

  it('imports the CSV: new lines matched to AWBs, the unmatched AWB reported', async () => {
    const r = await importFile('fan-borderou-ramburs.csv');
    assert.equal(r.state, 'done');
    assert.equal(r.source, 'file');
    assert.deepEqual([r.lines_total, r.lines_new, r.lines_known, r.lines_unmatched], [3, 3, 0, 1]);
    assert.deepEqual(r.unmatched_awbs, ['2199999999']);
    const lines = await app.database.db
      .selectFrom('cod_settlement_lines')
      .select(['awb', 'shipment_id', 'amount_minor'])
      .where('account_id', '=', owner.accountId)
      .orderBy('awb')
      .execute();
    assert.deepEqual(lines, [
      { awb: '2100000001', shipment_id: awbShipment.get('2100000001'), amount_minor: 11480 },
      { awb: '2100000002', shipment_id: awbShipment.get('2100000002'), amount_minor: 25000 },
      { awb: '2199999999', shipment_id: null, amount_minor: 4000 },
    ]);
  });

  it('counts per local day: expected, collected, paid out, outstanding, overdue past 14 days', async () => {
    const s = await summary(at(25, 10));
    assert.equal(s.timezone, 'Europe/Bucharest');
    assert.equal(s.overdue_days, 14);
    assert.equal(s.days.length, 9);
    assert.deepEqual(day(s, '2026-11-02'), {
      day: '2026-11-02',
      ...zero,
      expected: 11480 + 25000 + 1000,
    });
    assert.deepEqual(day(s, '2026-11-03'), {
      day: '2026-11-03',
      ...zero,
      expected: 8990 + 15000,
      collected: 11480,
      returned: 1,
    });
    assert.deepEqual(day(s, '2026-11-04'), {
      day: '2026-11-04',
      ...zero,
      expected: 5000,
      collected: 25000 + 8990,
      outstanding: 8990,
      overdue: 8990,
    });
    assert.deepEqual(day(s, '2026-11-05'), { day: '2026-11-05', ...zero });
    assert.deepEqual(day(s, '2026-11-06'), {
      day: '2026-11-06',
      ...zero,
      paid_out: 11480 + 25000 + 4000,
    });
    assert.deepEqual(s.totals, {
      outstanding: 8990,
      overdue: 8990,
      overdue_count: 1,
      returned: 15000,
      returned_count: 1,
      unmatched: 4000,
      unmatched_count: 1,
    });
    // On Nov 12 the Nov 4 collection is 8 days old: outstanding, not overdue yet…
    const early = await summary(at(12, 10));
    assert.equal(day(early, '2026-11-04').overdue, 0);
    assert.equal(early.totals.overdue, 0);
    assert.equal(early.totals.outstanding, 8990);
    // …unless the owner sets N to 5 days.
    const put = await owner.request('PUT', '/api/cod/settings', { overdue_days: 5 });
    assert.equal(put.statusCode, 200, put.body);
    const strict = await summary(at(12, 10));
    assert.equal(strict.totals.overdue, 8990);
    assert.equal(day(strict, '2026-11-04').overdue, 8990);
    assert.equal(
      (await owner.request('PUT', '/api/cod/settings', { overdue_days: 14 })).statusCode,
      200,
    );
  });

  it('importing the same settlement again adds nothing and changes no figure', async () => {
    const before = await summary(at(25, 10));
    const r = await importFile('fan-borderou-ramburs.csv');
    assert.deepEqual([r.lines_total, r.lines_new, r.lines_known, r.lines_unmatched], [3, 0, 3, 1]);
    assert.deepEqual(await summary(at(25, 10)), before);
  });

  it('the XLSX export pays the rest; its line already paid by the CSV is known', async () => {
    const r = await importFile('rambursuri-virate.xlsx');
    assert.deepEqual([r.lines_total, r.lines_new, r.lines_known, r.lines_unmatched], [2, 1, 1, 0]);
    const s = await summary(at(25, 10));
    assert.deepEqual(day(s, '2026-11-10'), { day: '2026-11-10', ...zero, paid_out: 8990 });
    assert.equal(day(s, '2026-11-04').outstanding, 0);
    assert.equal(s.totals.outstanding, 0);
    assert.equal(s.totals.overdue, 0);
  });

  it('lists outstanding and returned COD parcels, and an order’s COD state', async () => {
    const returned = await owner.get('/api/cod/shipments?filter=returned');
    assert.equal(returned.statusCode, 200, returned.body);
    const items = returned.json<{ items: State[]; total: number }>();
    assert.equal(items.total, 1);
    assert.equal(items.items[0]?.awb, '2100000004');
    assert.equal(items.items[0]?.returned, true);
    assert.equal(items.items[0]?.collected, 0);
    const outstanding = await owner.get('/api/cod/shipments');
    assert.deepEqual(outstanding.json<{ items: State[] }>().items, []);
    const all = await owner.get('/api/cod/shipments?filter=all&limit=3&page=2');
    const page = all.json<{ items: State[]; total: number }>();
    assert.equal(page.total, 7);
    assert.equal(page.items.length, 3);
    const one = await owner.get(`/api/orders/${orderOf.get('2100000001')}/cod`);
    assert.equal(one.statusCode, 200, one.body);
    assert.deepEqual(
      one
        .json<{ items: State[] }>()
        .items.map((i) => [i.expected, i.collected, i.paid_out, i.outstanding, i.overdue]),
      [[11480, 11480, 11480, 0, false]],
    );
  });

  it('imports through the courier’s API as a job; a shipment made later is matched on the next import', async () => {
    const settlements = courier.settlements;
    assert.ok(settlements);
    settlements.lines = [
      {
        awb: '2100000099',
        amountMinor: 3000,
        currency: 'RON',
        paidAt: at(12, 9),
        reference: 'FAN-OP-77',
      },
      {
        awb: '2100000006',
        amountMinor: 5000,
        currency: 'RON',
        paidAt: at(20, 9),
        reference: 'FAN-OP-78',
      },
    ];
    const start = await owner.post('/api/cod/imports/courier', {
      courier: 'scripted',
      from: '2026-11-10',
      to: '2026-11-16',
    });
    assert.equal(start.statusCode, 202, start.body);
    const queued = start.json<Import>();
    assert.equal(queued.state, 'queued');
    await app.worker.runUntilIdle();
    const done = (await owner.get(`/api/cod/imports/${queued.id}`)).json<Import>();
    assert.equal(done.state, 'done');
    assert.deepEqual(settlements.asked.at(-1), { from: '2026-11-10', to: '2026-11-16' });
    assert.deepEqual([done.lines_total, done.lines_new, done.lines_unmatched], [1, 1, 1]);
    await seed(owner, {
      awb: '2100000099',
      cod: 3000,
      created: at(5, 9),
      status: 'delivered',
      events: [['delivered', at(6, 9)]],
    });
    const again = await owner.post('/api/cod/imports/courier', {
      courier: 'scripted',
      from: '2026-11-10',
      to: '2026-11-16',
    });
    await app.worker.runUntilIdle();
    const second = (await owner.get(`/api/cod/imports/${again.json<Import>().id}`)).json<Import>();
    assert.deepEqual(
      [second.lines_total, second.lines_new, second.lines_known, second.lines_unmatched],
      [1, 0, 1, 0],
    );
    const line = await app.database.db
      .selectFrom('cod_settlement_lines')
      .select('shipment_id')
      .where('account_id', '=', owner.accountId)
      .where('awb', '=', '2100000099')
      .executeTakeFirstOrThrow();
    assert.equal(line.shipment_id, awbShipment.get('2100000099'));
  });

  it('a refusal of the courier fails the import with its words; couriers without an API are refused', async () => {
    const settlements = courier.settlements;
    assert.ok(settlements);
    settlements.refuse = {
      messages: [{ code: 'E401', text: 'Utilizator invalid' }],
      retryable: false,
    };
    const start = await owner.post('/api/cod/imports/courier', { courier: 'scripted' });
    await app.worker.runUntilIdle();
    const r = (await owner.get(`/api/cod/imports/${start.json<Import>().id}`)).json<Import>();
    settlements.refuse = null;
    assert.equal(r.state, 'failed');
    assert.deepEqual(r.messages, [{ code: 'E401', text: 'Utilizator invalid' }]);
    const own = await owner.post('/api/cod/imports/courier', { courier: 'own' });
    assert.equal(own.statusCode, 400);
    assert.equal(own.json<{ error: { code: string } }>().error.code, 'cod_courier_no_api');
    // The couriers whose API reports COD payouts: FAN Courier's adapter, and this test's.
    const list = await owner.get('/api/cod/couriers');
    assert.deepEqual(
      list.json<{ items: { key: string }[] }>().items.map((c) => c.key),
      ['fan', 'scripted'],
    );
  });

  it('the daily tick queues one API import per account and courier with a login, once a day', async () => {
    await owner.post('/api/shipping/courier-accounts', {
      courier: 'scripted',
      name: 'Cont',
      credentials: { user: 'u' },
    });
    const now = Date.now() + 21 * 3600_000;
    assert.equal(await app.services.cod.enqueueDaily(now), 1);
    assert.equal(await app.services.cod.enqueueDaily(now), 0);
    await app.worker.runUntilIdle();
  });

  it('answers a bad upload with a coded 400, never a 500', async () => {
    const code = async (res: Awaited<ReturnType<Client['request']>>) => [
      res.statusCode,
      res.json<{ error: { code: string } }>().error.code,
    ];
    assert.deepEqual(
      await code(
        await upload(
          '/api/cod/files/preview',
          form({ name: 'x.pdf', bytes: Buffer.from('%PDF-1.4') }),
        ),
      ),
      [400, 'cod_file_type'],
    );
    assert.deepEqual(
      await code(await upload('/api/cod/files/preview', form(null, { courier: 'scripted' }))),
      [400, 'cod_file_missing'],
    );
    assert.deepEqual(await code(await owner.post('/api/cod/files/preview', { file: 'x' })), [
      400,
      'cod_file_missing',
    ]);
    assert.deepEqual(
      await code(
        await upload(
          '/api/cod/files/preview',
          form({ name: 'x.xlsx', bytes: Buffer.from('PK garbage') }),
        ),
      ),
      [400, 'cod_file_unreadable'],
    );
    assert.deepEqual(
      await code(
        await upload(
          '/api/cod/files/preview',
          form({ name: 'big.csv', bytes: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') }),
        ),
      ),
      [400, 'cod_file_too_large'],
    );
    const csv = { name: 'f.csv', bytes: fixture('fan-borderou-ramburs.csv') };
    assert.deepEqual(
      await code(
        await upload('/api/cod/files/import', form(csv, { courier: 'scripted', col_awb: '0' })),
      ),
      [400, 'cod_columns_missing'],
    );
    assert.deepEqual(
      await code(
        await upload(
          '/api/cod/files/import',
          form(csv, { courier: 'nope', col_awb: '0', col_amount: '4', col_paid_at: '5' }),
        ),
      ),
      [400, 'courier_unknown'],
    );
    assert.deepEqual(
      await code(await owner.get('/api/cod/summary?from=2026-01-01&to=2026-12-31')),
      [400, 'cod_range_invalid'],
    );
    assert.deepEqual(await code(await owner.get('/api/cod/imports/999999')), [
      404,
      'cod_import_not_found',
    ]);
  });
});
