import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createPacker } from '../../../test/support/factories.js';
import { insertStoreOrder } from '../../../test/support/distribution.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { LiveEvent } from '../events/event-bus.js';
import type { PenaltyDetailOut, PenaltyOut, RecordOut } from './penalties.schema.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const code = (r: LightMyRequestResponse) =>
  `${r.statusCode} ${r.statusCode < 300 ? 'ok' : r.json<{ error: { code: string } }>().error.code}`;

async function login(app: App, body: Record<string, string>, path: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.post(path, body);
  if (res.statusCode !== 200) throw new Error(`login: ${res.body}`);
  return c;
}

describe('penalties: rules propose once, owners decide, packers contest their own', () => {
  let app: App;
  let owner: Client & { accountId: number };
  let manager: Client;
  const packers: { id: number; station: Client }[] = [];
  let typeIds: Record<string, number> = {};

  /** An order of `sku` x2 given to packer `p` and confirmed by them. */
  async function confirmedOrder(
    p: { id: number; station: Client },
    items = [{ sku: 'TRC-001', quantity: 2 }],
  ): Promise<number> {
    const id = await insertStoreOrder(app, owner.accountId, null, { items });
    assert.equal(
      code(await owner.post(`/api/orders/${id}/reassign`, { packer_id: p.id })),
      '200 ok',
    );
    assert.equal(code(await p.station.post(`/api/orders/${id}/confirm`)), '200 ok');
    return id;
  }
  const scan = (p: { station: Client }, id: number, c: string) =>
    p.station.post(`/api/station/orders/${id}/scan`, { code: c });
  const list = async (c: Client, q = '') =>
    (await c.get(`/api/penalties${q}`)).json<{ items: PenaltyOut[] }>().items;
  const settings = (body: object) => owner.request('PUT', '/api/penalty-settings', body);

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: null,
      strategy: 'least-loaded',
      enabled: false,
    });
    await owner.post('/api/users', {
      name: 'Mara Manager',
      email: 'mara-pen@example.ro',
      password: 'manager123',
    });
    manager = await login(
      app,
      { email: 'mara-pen@example.ro', password: 'manager123' },
      '/api/auth/login',
    );
    for (const name of ['Ana', 'Bogdan']) {
      const p = await createPacker(owner, { name, pin: '123412' });
      packers.push({
        id: p.id,
        station: await login(
          app,
          { station_code: p.station_code, username: p.username, pin: '123412' },
          '/api/auth/packer-login',
        ),
      });
    }
    const types = (await owner.get('/api/penalty-types')).json<{
      items: { id: number; code: string | null }[];
    }>().items;
    typeIds = Object.fromEntries(types.map((t) => [t.code ?? String(t.id), t.id]));
  });
  after(() => app.cleanup());

  it('seeds the six default types for a new account, named by code until renamed', async () => {
    const types = (await owner.get('/api/penalty-types')).json<{
      items: { code: string | null; name: string | null; default_amount_minor: number }[];
    }>().items;
    assert.deepEqual(
      types.map((t) => [t.code, t.name]),
      [
        ['wrong_item', null],
        ['missing_item', null],
        ['wrong_quantity', null],
        ['damaged_packing', null],
        ['late_packing', null],
        ['wrong_label', null],
      ],
    );
    const renamed = await owner.patch(`/api/penalty-types/${typeIds.wrong_item}`, {
      name: 'Produs greșit (depozit)',
    });
    assert.equal(renamed.json<{ name: string }>().name, 'Produs greșit (depozit)');
    assert.equal(
      code(await manager.patch(`/api/penalty-types/${typeIds.wrong_item}`, { name: 'x' })),
      '403 role_forbidden',
    );
    const made = await owner.post('/api/penalty-types', {
      name: 'Întârziere',
      default_amount_minor: 1234,
    });
    assert.equal(made.statusCode, 201);
    assert.equal(made.json<{ code: null }>().code, null);
  });

  it('proposes once per order for many concurrent wrong scans (per-order mode)', async () => {
    const [a] = packers;
    assert.ok(a);
    assert.equal(
      code(await settings({ rules: { scan_mismatch: { enabled: true, mode: 'per_order' } } })),
      '200 ok',
    );
    const id = await confirmedOrder(a);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => scan(a, id, i % 2 ? `WRONG-${i}` : 'WRONG')),
    );
    assert.ok(
      answers.every((r) => code(r) === '409 scan_wrong_item'),
      answers.map(code).join(),
    );
    const mismatches = await app.database.db
      .selectFrom('scan_mismatches')
      .select('id')
      .where('order_id', '=', id)
      .execute();
    assert.equal(mismatches.length, 20, 'every wrong scan is recorded');
    const proposed = await list(owner, `?order_id=${id}`);
    assert.equal(proposed.length, 1);
    assert.equal(proposed[0]?.state, 'proposed');
    assert.equal(proposed[0]?.rule, 'scan_mismatch');
    assert.equal(proposed[0]?.event?.kind, 'scan_mismatch');
    assert.ok(
      mismatches.some((m) => m.id === proposed[0]?.event?.id),
      'the event is a mismatch',
    );
    assert.equal(proposed[0]?.type_id, typeIds.wrong_item);
  });

  it('proposes once per mismatch in per-mismatch mode, also for concurrent too-many scans', async () => {
    const [a] = packers;
    assert.ok(a);
    await settings({ rules: { scan_mismatch: { enabled: true, mode: 'per_mismatch' } } });
    // A second line keeps the order open once the first is fully scanned.
    const id = await confirmedOrder(a, [
      { sku: 'TRC-001', quantity: 2 },
      { sku: 'CAN-200', quantity: 1 },
    ]);
    assert.equal(code(await scan(a, id, 'TRC-001')), '200 ok');
    // One unit left: of 12 concurrent scans one counts it, 11 are too many.
    const answers = (
      await Promise.all(Array.from({ length: 12 }, () => scan(a, id, 'TRC-001')))
    ).map(code);
    assert.equal(answers.filter((c) => c === '200 ok').length, 1, answers.join());
    assert.equal(answers.filter((c) => c === '409 scan_too_many').length, 11, answers.join());
    const proposed = await list(owner, `?order_id=${id}`);
    assert.equal(proposed.length, 11);
    assert.equal(new Set(proposed.map((p) => p.event?.id)).size, 11);
    assert.ok(proposed.every((p) => p.type_id === typeIds.wrong_quantity));
  });

  it('proposes nothing when the rule is off', async () => {
    const [a] = packers;
    assert.ok(a);
    await settings({ rules: { scan_mismatch: { enabled: false, mode: 'per_mismatch' } } });
    const id = await confirmedOrder(a);
    assert.equal(code(await scan(a, id, 'NOPE')), '409 scan_wrong_item');
    assert.equal((await list(owner, `?order_id=${id}`)).length, 0);
    await settings({});
  });

  it('lets the owner apply and waive in bulk; managers only when allowed', async () => {
    const [a] = packers;
    assert.ok(a);
    const id = await confirmedOrder(a);
    await scan(a, id, 'X1');
    const [p] = await list(owner, `?order_id=${id}`);
    assert.ok(p);
    const byManager = await manager.post('/api/penalties/decide', {
      ids: [p.id],
      decision: 'apply',
      reason: '',
    });
    assert.equal(code(byManager), '403 managers_may_not_apply');
    assert.equal(
      code(await a.station.post('/api/penalties/decide', { ids: [p.id], decision: 'apply' })),
      '403 role_forbidden',
    );
    const res = await owner.post('/api/penalties/decide', {
      ids: [p.id, 999999],
      decision: 'apply',
      reason: 'confirmed on camera',
    });
    assert.deepEqual(res.json(), {
      items: [
        { id: p.id, ok: true, error_code: null },
        { id: 999999, ok: false, error_code: 'penalty_not_found' },
      ],
    });
    const again = await owner.post('/api/penalties/decide', { ids: [p.id], decision: 'waive' });
    assert.equal(
      again.json<{ items: { error_code: string }[] }>().items[0]?.error_code,
      'penalty_not_proposed',
    );
    const detail = (await owner.get(`/api/penalties/${p.id}`)).json<PenaltyDetailOut>();
    assert.deepEqual(
      detail.entries.map((e) => [e.state, e.actor_role, e.reason?.code ?? null]),
      [
        ['proposed', 'system', 'rule_scan_mismatch'],
        ['applied', 'owner', 'note'],
      ],
    );
    // Allowed, a manager applies; a manager never reverses or resolves.
    await settings({ managers_may_apply: true });
    const id2 = await confirmedOrder(a);
    await scan(a, id2, 'X2');
    const [q] = await list(manager, `?order_id=${id2}`);
    assert.ok(q);
    const ok = await manager.post('/api/penalties/decide', {
      ids: [q.id],
      decision: 'waive',
      reason: '',
    });
    assert.equal(ok.json<{ items: { ok: boolean }[] }>().items[0]?.ok, true);
    assert.equal(
      code(await manager.post(`/api/penalties/${p.id}/reverse`, { reason: 'x' })),
      '403 role_forbidden',
    );
    await settings({});
  });

  it('adds by hand: the owner’s is applied, a manager’s proposed unless allowed', async () => {
    const [a] = packers;
    assert.ok(a);
    const byOwner = await owner.post('/api/penalties', {
      packer_id: a.id,
      type_id: typeIds.missing_item,
      note: 'lipsă',
    });
    assert.equal(byOwner.statusCode, 201, byOwner.body);
    assert.equal(byOwner.json<PenaltyOut>().state, 'applied');
    assert.equal(byOwner.json<PenaltyOut>().amount_minor, 5000);
    const byManager = await manager.post('/api/penalties', {
      packer_id: a.id,
      type_id: typeIds.missing_item,
      amount_minor: 777,
    });
    assert.equal(byManager.json<PenaltyOut>().state, 'proposed');
    assert.equal(byManager.json<PenaltyOut>().amount_minor, 777);
    assert.equal(
      code(
        await a.station.post('/api/penalties', { packer_id: a.id, type_id: typeIds.missing_item }),
      ),
      '403 role_forbidden',
    );
    assert.equal(
      code(
        await owner.post('/api/penalties', { packer_id: 999999, type_id: typeIds.missing_item }),
      ),
      '404 packer_not_found',
    );
  });

  it('packer contests their own applied penalty; the owner upholds; the packer sees the answer', async () => {
    const [a, b] = packers;
    assert.ok(a && b);
    const p = (
      await owner.post('/api/penalties', { packer_id: a.id, type_id: typeIds.damaged_packing })
    ).json<PenaltyOut>();
    assert.equal(
      code(
        await b.station.post(`/api/station/penalties/${p.id}/contest`, { comment: 'nu e al meu' }),
      ),
      '404 penalty_not_found',
    );
    assert.equal(
      code(await owner.post(`/api/station/penalties/${p.id}/contest`, { comment: 'x' })),
      '403 not_a_packer',
    );
    assert.equal(
      code(await owner.post(`/api/penalties/${p.id}/resolve`, { outcome: 'upheld', comment: '' })),
      '409 penalty_not_contested',
    );
    const contested = await a.station.post(`/api/station/penalties/${p.id}/contest`, {
      comment: 'cutia era bună',
    });
    assert.equal(contested.json<PenaltyOut>().state, 'contested');
    assert.equal(
      code(await a.station.post(`/api/station/penalties/${p.id}/contest`, { comment: 'again' })),
      '409 penalty_not_contestable',
    );
    assert.equal(
      code(
        await manager.post(`/api/penalties/${p.id}/resolve`, { outcome: 'cancelled', comment: '' }),
      ),
      '403 role_forbidden',
    );
    const upheld = await owner.post(`/api/penalties/${p.id}/resolve`, {
      outcome: 'upheld',
      comment: 'se vede pe cameră',
    });
    assert.equal(upheld.json<PenaltyOut>().state, 'upheld');
    const record = (await a.station.get('/api/station/record?period=week')).json<RecordOut>();
    const mine = record.penalties.find((x) => x.id === p.id);
    assert.deepEqual(
      [mine?.contest_comment, mine?.answer],
      ['cutia era bună', { outcome: 'upheld', comment: 'se vede pe cameră' }],
    );
    assert.ok(
      record.penalties.every((x) => x.packer_id === a.id),
      'only their own',
    );
    assert.ok(
      record.penalties.every((x) => x.state !== 'proposed'),
      'proposals are not shown',
    );
    const bRecord = (await b.station.get('/api/station/record?period=month')).json<RecordOut>();
    assert.equal(bRecord.penalties.length, 0);
    assert.equal(code(await owner.get('/api/station/record')), '403 role_forbidden');
    assert.equal(code(await a.station.get('/api/penalties')), '403 role_forbidden');
    assert.equal(code(await a.station.get(`/api/penalties/${p.id}`)), '403 role_forbidden');
  });

  it('reverses an applied penalty with a new entry, never an edit; a reversed one stays reversed', async () => {
    const [a] = packers;
    assert.ok(a);
    const p = (
      await owner.post('/api/penalties', { packer_id: a.id, type_id: typeIds.wrong_label })
    ).json<PenaltyOut>();
    assert.equal(
      code(await owner.post(`/api/penalties/${p.id}/reverse`, { reason: '' })),
      '400 invalid_request',
    );
    const r = await owner.post(`/api/penalties/${p.id}/reverse`, { reason: 'greșeala mea' });
    assert.equal(r.json<PenaltyOut>().state, 'reversed');
    assert.equal(
      code(await owner.post(`/api/penalties/${p.id}/reverse`, { reason: 'again' })),
      '409 penalty_not_reversible',
    );
    const entries = await app.database.db
      .selectFrom('penalty_entries')
      .select(['seq', 'state'])
      .where('penalty_id', '=', p.id)
      .orderBy('seq')
      .execute();
    assert.deepEqual(entries, [
      { seq: 1, state: 'applied' },
      { seq: 2, state: 'reversed' },
    ]);
    const audit = await app.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'penalty')
      .where('entity_id', '=', p.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((x) => x.action),
      ['added', 'reversed'],
    );
  });

  it('decides once when two owners decide the same proposal at the same time', async () => {
    const [a] = packers;
    assert.ok(a);
    const p = (
      await manager.post('/api/penalties', { packer_id: a.id, type_id: typeIds.wrong_label })
    ).json<PenaltyOut>();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        owner.post('/api/penalties/decide', { ids: [p.id], decision: i % 2 ? 'apply' : 'waive' }),
      ),
    );
    const oks = results.filter((r) => r.json<{ items: { ok: boolean }[] }>().items[0]?.ok);
    assert.equal(oks.length, 1);
    const n = await app.database.db
      .selectFrom('penalty_entries')
      .select('id')
      .where('penalty_id', '=', p.id)
      .execute();
    assert.equal(n.length, 2);
  });

  it('a packing-error mark on an order proposes once per return or complaint', async () => {
    const [a] = packers;
    assert.ok(a);
    const id = await confirmedOrder(a);
    assert.equal(
      code(await owner.post(`/api/orders/${id}/packing-error`, { kind: 'return' })),
      '409 order_not_packed_yet',
    );
    await scan(a, id, 'TRC-001');
    await scan(a, id, 'TRC-001');
    const first = await manager.post(`/api/orders/${id}/packing-error`, {
      kind: 'return',
      note: 'tricou roșu',
    });
    assert.equal(code(first), '200 ok');
    const again = await owner.post(`/api/orders/${id}/packing-error`, { kind: 'return' });
    assert.equal(again.json<{ penalty_id: null }>().penalty_id, null);
    const complaint = await owner.post(`/api/orders/${id}/packing-error`, { kind: 'complaint' });
    assert.ok(complaint.json<{ penalty_id: number }>().penalty_id);
    const ps = await list(owner, `?order_id=${id}`);
    assert.deepEqual(ps.map((p) => [p.rule, p.event?.kind, p.type_id]).sort(), [
      ['packing_error', 'order_complaint', typeIds.damaged_packing],
      ['packing_error', 'order_return', typeIds.wrong_item],
    ]);
    assert.equal(
      code(await a.station.post(`/api/orders/${id}/packing-error`, { kind: 'return' })),
      '403 role_forbidden',
    );
  });

  it('an AWB cancelled because of a packing error proposes once, in the cancel', async () => {
    const [a] = packers;
    assert.ok(a);
    await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [
        {
          id: 'a',
          label: 'A',
          name: 'A',
          phone: '0700000000',
          address1: 'Str. A 1',
          city: 'Iași',
          county: 'Iași',
        },
      ],
    });
    const id = await confirmedOrder(a);
    await scan(a, id, 'TRC-001');
    await scan(a, id, 'TRC-001');
    const made = await owner.post(`/api/orders/${id}/shipments`, {});
    assert.equal(made.statusCode < 300, true, made.body);
    const shipmentId = made.json<{ id: number }>().id;
    const cancel = await owner.post(`/api/shipments/${shipmentId}/cancel`, { packing_error: true });
    assert.equal(code(cancel), '200 ok');
    const ps = (await list(owner, `?order_id=${id}`)).filter((p) => p.rule === 'awb_cancelled');
    assert.equal(ps.length, 1);
    assert.deepEqual(ps[0]?.event, { kind: 'shipment_cancelled', id: shipmentId });
    // Cancelling without the flag proposes nothing (a new AWB, cancelled plainly).
    const made2 = await owner.post(`/api/orders/${id}/shipments`, {});
    await owner.post(`/api/shipments/${made2.json<{ id: number }>().id}/cancel`);
    assert.equal(
      (await list(owner, `?order_id=${id}`)).filter((p) => p.rule === 'awb_cancelled').length,
      1,
    );
  });

  it('pages the list with a cursor and filters by state', async () => {
    const all = await list(owner, '?limit=200');
    const page1 = (await owner.get('/api/penalties?limit=3')).json<{
      items: PenaltyOut[];
      next_cursor: string;
    }>();
    assert.equal(page1.items.length, 3);
    const page2 = (await owner.get(`/api/penalties?limit=3&cursor=${page1.next_cursor}`)).json<{
      items: PenaltyOut[];
    }>();
    assert.deepEqual(
      [...page1.items, ...page2.items].map((p) => p.id),
      all.slice(0, 6).map((p) => p.id),
    );
    const applied = await list(owner, '?state=applied&limit=200');
    assert.deepEqual(
      applied.map((p) => p.id),
      all.filter((p) => p.state === 'applied').map((p) => p.id),
    );
    assert.equal(code(await owner.get('/api/penalties?cursor=abc')), '400 invalid_cursor');
  });

  it('tells the dashboard and only the packer’s own station, after the change commits', async () => {
    const [a] = packers;
    assert.ok(a);
    const id = await confirmedOrder(a);
    const heard: LiveEvent[] = [];
    let done: () => void = () => undefined;
    const arrived = new Promise<void>((r) => (done = r));
    const stop = app.services.events.subscribe((e) => {
      if (e.type !== 'penalties.changed') return;
      heard.push(e);
      done();
    });
    try {
      assert.equal(code(await scan(a, id, 'LIVE-1')), '409 scan_wrong_item');
      await arrived;
    } finally {
      stop();
    }
    const [p] = await list(owner, `?order_id=${id}`);
    assert.deepEqual(heard[0], {
      type: 'penalties.changed',
      account_id: owner.accountId,
      order_ids: [],
      packer_ids: [a.id],
      ids: [p?.id],
    });
  });

  it('lets each role reach only its own routes', async () => {
    const [a] = packers;
    assert.ok(a);
    assert.equal(code(await manager.get('/api/penalty-settings')), '200 ok');
    assert.equal(
      code(await manager.request('PUT', '/api/penalty-settings', {})),
      '403 role_forbidden',
    );
    assert.equal(
      code(await manager.post('/api/penalty-types', { name: 'x', default_amount_minor: 1 })),
      '403 role_forbidden',
    );
    assert.equal(code(await manager.get('/api/penalties/summary?month=2026-11')), '200 ok');
    for (const url of [
      '/api/penalty-types',
      '/api/penalty-settings',
      '/api/penalties',
      '/api/penalties/summary?month=2026-11',
    ])
      assert.equal(code(await a.station.get(url)), '403 role_forbidden', url);
    assert.equal(
      code(await a.station.request('PUT', '/api/penalty-settings', {})),
      '403 role_forbidden',
    );
  });

  it('counts the packer’s packed orders and median time to pack at the station', async () => {
    const [a] = packers;
    assert.ok(a);
    const packed = await app.database.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('account_id', '=', owner.accountId)
      .where('entity', '=', 'order')
      .where('action', '=', 'packed')
      .execute();
    assert.ok(packed.length >= 2, 'the packing-error and AWB cases packed orders');
    const week = (await a.station.get('/api/station/record?period=week')).json<RecordOut>();
    assert.equal(week.packed_orders, packed.length);
    assert.equal(typeof week.median_pack_seconds, 'number');
    const b = (await packers[1]?.station.get('/api/station/record?period=week'))?.json<RecordOut>();
    assert.deepEqual([b?.packed_orders, b?.median_pack_seconds], [0, null]);
  });
});
