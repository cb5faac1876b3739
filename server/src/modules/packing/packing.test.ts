import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createPacker } from '../../../test/support/factories.js';
import {
  type StoreOrderInput,
  currentAssignments,
  insertStore,
  insertStoreOrder,
} from '../../../test/support/distribution.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { Reason } from '../../shared/reasons.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const code = (r: LightMyRequestResponse) =>
  `${r.statusCode} ${r.statusCode === 200 ? 'ok' : r.json<{ error: { code: string } }>().error.code}`;

async function login(app: App, body: Record<string, string>, path: string): Promise<Client> {
  const c = new Client(app);
  const res = await c.post(path, body);
  if (res.statusCode !== 200) throw new Error(`login: ${res.body}`);
  return c;
}

describe('packing: the confirmation lock, owner override, 50 parallel requests, scan-to-verify', () => {
  let app: App;
  let owner: Client & { accountId: number };
  let manager: Client;
  const packers: { id: number; station: Client }[] = [];
  const order = async (items?: StoreOrderInput['items'], storeId: number | null = null) =>
    insertStoreOrder(app, owner.accountId, storeId, items ? { items } : {});
  const state = (id: number) =>
    app.database.db
      .selectFrom('orders')
      .select(['status', 'packer_id', 'confirmed_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    // Orders here are placed by hand, not by automatic distribution.
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: null,
      strategy: 'least-loaded',
      enabled: false,
    });
    assert.equal(
      (
        await owner.post('/api/users', {
          name: 'Mara Manager',
          email: 'mara@example.ro',
          password: 'manager123',
        })
      ).statusCode,
      201,
    );
    manager = await login(
      app,
      { email: 'mara@example.ro', password: 'manager123' },
      '/api/auth/login',
    );
    for (const name of ['Ana', 'Bogdan', 'Cristi']) {
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
  });
  after(() => app.cleanup());

  it('locks an order when its packer confirms it; only the owner can override, with a reason', async () => {
    const [a, b, c] = packers;
    assert.ok(a && b && c);
    const id = await order();
    assert.equal(
      code(await manager.post(`/api/orders/${id}/reassign`, { packer_id: a.id })),
      '200 ok',
    );
    assert.equal(
      code(await b.station.post(`/api/orders/${id}/confirm`)),
      '404 order_not_found',
      "another packer's order",
    );
    const confirmed = await a.station.post(`/api/orders/${id}/confirm`);
    assert.equal(confirmed.json<{ status: string }>().status, 'confirmed');
    assert.equal(code(await a.station.post(`/api/orders/${id}/confirm`)), '409 already_confirmed');
    assert.equal(
      code(await manager.post(`/api/orders/${id}/reassign`, { packer_id: b.id })),
      '409 packer_locked',
    );
    assert.equal(
      code(
        await manager.post(`/api/orders/${id}/reassign`, {
          packer_id: b.id,
          override: true,
          reason: 'x',
        }),
      ),
      '403 packer_locked',
    );
    assert.equal(
      code(await owner.post(`/api/orders/${id}/reassign`, { packer_id: b.id })),
      '409 packer_locked',
    );
    assert.equal(
      code(await owner.post(`/api/orders/${id}/reassign`, { packer_id: b.id, override: true })),
      '400 reason_required',
    );
    assert.equal(
      code(
        await a.station.post(`/api/orders/${id}/reassign`, {
          packer_id: b.id,
          override: true,
          reason: 'x',
        }),
      ),
      '403 role_forbidden',
    );
    const bulk = await manager.post('/api/orders/bulk-assign', {
      order_ids: [id],
      packer_id: b.id,
    });
    assert.deepEqual(
      bulk.json<{ skipped: { code: string }[] }>().skipped.map((s) => s.code),
      ['packer_locked'],
    );
    assert.equal((await state(id)).packer_id, a.id);

    const over = await owner.post(`/api/orders/${id}/reassign`, {
      packer_id: c.id,
      override: true,
      reason: 'Ana a plecat acasă',
    });
    assert.equal(code(over), '200 ok');
    assert.deepEqual(over.json<{ status: string; packer: { id: number } }>().packer.id, c.id);
    assert.equal(
      over.json<{ status: string }>().status,
      'confirmed',
      'the owner placed it: locked to the new packer',
    );
    const d = (await owner.get(`/api/orders/${id}`)).json<{
      audit: {
        action: string;
        reason: { code: string; params: Record<string, string | number> } | null;
        from: string;
        to: string;
      }[];
      assignments: { override: boolean; ended_at: string | null }[];
    }>();
    assert.deepEqual(d.audit.at(-1), {
      ...d.audit.at(-1),
      action: 'override',
      reason: { code: 'note', params: { text: 'Ana a plecat acasă' } },
      from: 'Ana',
      to: 'Cristi',
    });
    assert.deepEqual(
      d.assignments.map((x) => [x.override, x.ended_at === null]),
      [
        [false, false],
        [true, true],
      ],
    );
    const queueA = (await a.station.get('/api/station/queue')).json<{ items: { id: number }[] }>();
    const queueC = (await c.station.get('/api/station/queue')).json<{ items: { id: number }[] }>();
    assert.ok(!queueA.items.some((o) => o.id === id));
    assert.ok(queueC.items.some((o) => o.id === id));
  });

  it('lets the owner or a manager confirm on behalf of the packer, and sends overrides to the store', async () => {
    const [a, b] = packers;
    assert.ok(a && b);
    const store = await insertStore(app, owner.accountId);
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'least-loaded',
      enabled: false,
    });
    const id = await order(undefined, store);
    await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
    assert.equal(code(await manager.post(`/api/orders/${id}/confirm`)), '200 ok');
    assert.equal(code(await owner.post(`/api/orders/${id}/confirm`)), '409 packer_locked');
    await owner.post(`/api/orders/${id}/reassign`, {
      packer_id: b.id,
      override: true,
      reason: 'mutat',
    });
    const jobs = await app.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'store.push_assignment')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      jobs.map((j) => JSON.parse(j.payload) as unknown),
      [{ order_id: id }, { order_id: id }, { order_id: id, override: true }],
    );
    const other = await ownerClient(app, 'Alt cont');
    assert.equal(code(await other.post(`/api/orders/${id}/confirm`)), '404 order_not_found');
    assert.equal(
      code(await other.post(`/api/orders/${id}/reassign`, { packer_id: a.id })),
      '404 order_not_found',
    );
    assert.equal(
      code(await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id, surprise: 1 })),
      '400 invalid_request',
    );
  });

  it('gives exactly one outcome for 50 parallel confirmations and reassignments of an assigned order', async () => {
    const [a, b] = packers;
    assert.ok(a && b);
    const id = await order();
    await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
    const reqs = Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? a.station.post(`/api/orders/${id}/confirm`)
        : manager.post(`/api/orders/${id}/reassign`, { packer_id: b.id }),
    );
    const res = (await Promise.all(reqs)).map(code);
    assert.equal(res.filter((r) => r === '200 ok').length, 1, res.join(', '));
    const s = await state(id);
    const open = await currentAssignments(app, id);
    assert.equal(open.length, 1);
    assert.equal(open[0]?.packer_id, s.packer_id);
    if (s.status === 'confirmed') assert.equal(s.packer_id, a.id);
    else assert.deepEqual([s.status, s.packer_id], ['assigned', b.id]);
  });

  it('gives exactly one outcome for 50 parallel overrides and reassignments of a confirmed order', async () => {
    const [a, b, c] = packers;
    assert.ok(a && b && c);
    const id = await order();
    await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
    await a.station.post(`/api/orders/${id}/confirm`);
    const reqs = Array.from({ length: 50 }, (_, i) =>
      i % 2
        ? owner.post(`/api/orders/${id}/reassign`, {
            packer_id: c.id,
            override: true,
            reason: 'urgent',
          })
        : manager.post(`/api/orders/${id}/reassign`, {
            packer_id: b.id,
            override: i % 4 === 0,
            reason: 'x',
          }),
    );
    const res = (await Promise.all(reqs)).map(code);
    assert.equal(res.filter((r) => r === '200 ok').length, 1, res.join(', '));
    assert.ok(
      res.every((r) =>
        [
          '200 ok',
          '409 unchanged',
          '409 changed_meanwhile',
          '409 packer_locked',
          '403 packer_locked',
        ].includes(r),
      ),
      res.join(', '),
    );
    const s = await state(id);
    assert.deepEqual([s.status, s.packer_id], ['confirmed', c.id]);
    assert.equal((await currentAssignments(app, id)).length, 1);
    const audit = await app.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', '=', 'override')
      .execute();
    assert.equal(audit.length, 1);
  });

  it('keeps history and state consistent under 50 mixed confirm / reassign / override requests', async () => {
    const [a, b, c] = packers;
    assert.ok(a && b && c);
    for (let round = 0; round < 3; round++) {
      const id = await order();
      await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
      const before = await app.database.db
        .selectFrom('audit_events')
        .select('id')
        .where('entity_id', '=', id)
        .execute();
      const reqs = Array.from({ length: 50 }, (_, i): Promise<LightMyRequestResponse> =>
        i % 3 === 0
          ? a.station.post(`/api/orders/${id}/confirm`)
          : i % 3 === 1
            ? manager.post(`/api/orders/${id}/reassign`, { packer_id: b.id })
            : owner.post(`/api/orders/${id}/reassign`, {
                packer_id: c.id,
                override: true,
                reason: 'r',
              }),
      );
      const oks = (await Promise.all(reqs)).filter((r) => r.statusCode === 200).length;
      const trail = await app.database.db
        .selectFrom('audit_events')
        .select(['action', 'to_value'])
        .where('entity_id', '=', id)
        .where('entity', '=', 'order')
        .orderBy('id')
        .execute();
      assert.equal(trail.length - before.length, oks, 'one audit row per successful request');
      const s = await state(id);
      const open = await currentAssignments(app, id);
      assert.equal(open.length, 1);
      assert.equal(open[0]?.packer_id, s.packer_id);
      // Once confirmed, only an override may have moved it.
      const changes = trail.slice(before.length);
      const firstConfirm = changes.findIndex((t) => t.action === 'confirmed');
      if (firstConfirm >= 0)
        assert.ok(
          changes.slice(firstConfirm + 1).every((t) => t.action === 'override'),
          JSON.stringify(changes),
        );
    }
  });

  it('records who did what in the history, and says which order and packer in its refusals', async () => {
    const [a, b, c] = packers;
    assert.ok(a && b && c);
    const names = ['Ana', 'Bogdan', 'Cristi'];
    const id = await order([{ sku: 'TRC-001', quantity: 2 }]);
    const { number } = await app.database.db
      .selectFrom('orders')
      .select('number')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const message = (r: LightMyRequestResponse) =>
      r.json<{ error: { message: string } }>().error.message;
    type Detail = {
      audit: { action: string; reason: Reason | null; from: string | null; to: string | null }[];
      assignments: { packer: { id: number }; confirmed_at: string | null; reason: Reason | null }[];
    };
    const detail = async () => (await owner.get(`/api/orders/${id}`)).json<Detail>();
    const lastAudit = async () => {
      const { audit } = await detail();
      const e = audit.at(-1);
      return e && { action: e.action, reason: e.reason, from: e.from, to: e.to };
    };

    // A new order has no packer: nothing to confirm.
    const unassigned = await manager.post(`/api/orders/${id}/confirm`);
    assert.equal(code(unassigned), '409 not_assigned');
    assert.match(message(unassigned), new RegExp(`#${number} is new`));

    // By hand, without a reason: "by hand", from nobody to Ana.
    await manager.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
    assert.deepEqual(await lastAudit(), {
      action: 'assigned',
      reason: { code: 'by_hand', params: {} },
      from: null,
      to: names[0],
    });
    const same = await manager.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
    assert.equal(code(same), '409 unchanged');
    assert.match(message(same), new RegExp(`#${number} is already Ana's`));
    // Unconfirmed, it moves freely, and stays unconfirmed.
    assert.equal(
      code(await manager.post(`/api/orders/${id}/reassign`, { packer_id: b.id })),
      '200 ok',
    );
    assert.equal(
      code(await manager.post(`/api/orders/${id}/reassign`, { packer_id: a.id })),
      '200 ok',
    );
    assert.deepEqual(await lastAudit(), {
      action: 'assigned',
      reason: { code: 'by_hand', params: {} },
      from: names[1],
      to: names[0],
    });
    assert.equal((await detail()).assignments.at(-1)?.confirmed_at, null);
    // Only to an active packer of this account.
    const nobody = await manager.post(`/api/orders/${id}/reassign`, { packer_id: 987654 });
    assert.equal(code(nobody), '404 packer_not_found');
    assert.match(message(nobody), /Packer 987654 not found/);
    const gone = await createPacker(owner, { name: 'Dorin' });
    await owner.patch(`/api/packers/${gone.id}`, { active: false });
    const inactive = await manager.post(`/api/orders/${id}/reassign`, { packer_id: gone.id });
    assert.equal(code(inactive), '409 packer_inactive');
    assert.match(message(inactive), /Dorin is deactivated/);

    // Ana confirms her own order: no "on behalf" reason; her assignment is marked confirmed.
    await a.station.post(`/api/orders/${id}/confirm`);
    assert.deepEqual(await lastAudit(), {
      action: 'confirmed',
      reason: null,
      from: 'assigned',
      to: 'confirmed',
    });
    const open = (await detail()).assignments.at(-1);
    assert.equal(open?.packer.id, a.id);
    assert.ok(open?.confirmed_at, 'the open assignment is confirmed');
    // Refusals name the order and who holds it.
    const locked = await manager.post(`/api/orders/${id}/reassign`, { packer_id: b.id });
    assert.match(message(locked), new RegExp(`#${number} is confirmed by Ana`));
    const notOwner = await manager.post(`/api/orders/${id}/reassign`, {
      packer_id: b.id,
      override: true,
      reason: 'x',
    });
    assert.match(message(notOwner), /only the owner can override/);
    const twice = await manager.post(`/api/orders/${id}/confirm`);
    assert.match(message(twice), new RegExp(`#${number} is already confirmed by Ana`));

    // Ana scans one item; the owner's override gives the order to Bogdan, who starts again.
    assert.equal(
      code(await a.station.post(`/api/station/orders/${id}/scan`, { code: 'TRC-001' })),
      '200 ok',
    );
    await owner.post(`/api/orders/${id}/reassign`, {
      packer_id: b.id,
      override: true,
      reason: 'Ana a plecat',
    });
    const moved = (await b.station.get(`/api/station/orders/${id}`)).json<{
      units_scanned: number;
    }>();
    assert.equal(moved.units_scanned, 0, 'scanning starts again after an override');
    const afterOverride = (await detail()).assignments.at(-1);
    assert.equal(afterOverride?.packer.id, b.id);
    assert.ok(afterOverride?.confirmed_at, 'locked to the packer the owner chose');
    assert.deepEqual(afterOverride?.reason, { code: 'note', params: { text: 'Ana a plecat' } });

    // A manager's confirmation on a packer's behalf says for whom.
    const other = await order();
    await manager.post(`/api/orders/${other}/reassign`, { packer_id: c.id });
    await manager.post(`/api/orders/${other}/confirm`);
    const trail = (await owner.get(`/api/orders/${other}`)).json<Detail>().audit.at(-1);
    assert.deepEqual(
      [trail?.action, trail?.reason],
      ['confirmed', { code: 'on_behalf_of', params: { packer: 'Cristi' } }],
    );

    // Packed orders have left the packers' hands.
    await app.database.db
      .updateTable('orders')
      .set({ status: 'packed' })
      .where('id', '=', other)
      .execute();
    const packed = await owner.post(`/api/orders/${other}/reassign`, {
      packer_id: a.id,
      override: true,
      reason: 'x',
    });
    assert.equal(code(packed), '409 invalid_status');
    assert.equal(code(await manager.post(`/api/orders/${other}/confirm`)), '409 not_assigned');
    assert.match(message(packed), new RegExp(`is packed and cannot be reassigned`));
  });

  it('verifies the packing by scan: right, wrong, too many, packed', async () => {
    const [a, b] = packers;
    assert.ok(a && b);
    const id = await order([
      { sku: 'TRC-001', quantity: 2 },
      { sku: 'CAN-200', meta: { ean: '5941234567890' } },
    ]);
    await owner.post(`/api/orders/${id}/reassign`, { packer_id: a.id });
    const scan = (c: Client, codeText: string) =>
      c.post(`/api/station/orders/${id}/scan`, { code: codeText });
    assert.equal(code(await scan(a.station, 'TRC-001')), '409 not_confirmed');
    await a.station.post(`/api/orders/${id}/confirm`);
    assert.equal(code(await scan(b.station, 'TRC-001')), '404 order_not_found');
    const first = await scan(a.station, 'TRC-001');
    assert.equal(code(first), '200 ok');
    assert.deepEqual(
      first.json<{ order: { units_scanned: number; units_total: number } }>().order,
      {
        ...first.json<{ order: object }>().order,
        units_scanned: 1,
        units_total: 3,
      },
    );
    assert.equal(code(await scan(a.station, 'SAP-9')), '409 scan_wrong_item');
    assert.equal(code(await scan(a.station, ' trc-001 ')), '200 ok');
    assert.equal(code(await scan(a.station, 'TRC-001')), '409 scan_too_many');
    assert.equal(code(await scan(a.station, '')), '400 invalid_request');
    assert.equal(
      code(await a.station.post(`/api/station/orders/${id}/scan`, { code: 'x', qty: 2 })),
      '400 invalid_request',
    );
    const last = await scan(a.station, '5941234567890');
    assert.equal(code(last), '200 ok');
    assert.equal(last.json<{ packed: boolean }>().packed, true);
    assert.equal((await state(id)).status, 'packed');
    assert.equal(code(await scan(a.station, 'TRC-001')), '409 not_packable');
    assert.equal(
      code(
        await owner.post(`/api/orders/${id}/reassign`, {
          packer_id: b.id,
          override: true,
          reason: 'r',
        }),
      ),
      '409 invalid_status',
      'a packed order stays packed',
    );
    const mismatches = await app.database.db
      .selectFrom('scan_mismatches')
      .select(['kind', 'code', 'packer_id'])
      .where('order_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(mismatches, [
      { kind: 'wrong_item', code: 'SAP-9', packer_id: a.id },
      { kind: 'too_many', code: 'TRC-001', packer_id: a.id },
    ]);
    // …and shown on the order page, with who scanned what.
    const page = (await owner.get(`/api/orders/${id}`)).json<{
      wrong_scans: { kind: string; code: string; packer: string | null }[];
    }>();
    assert.deepEqual(
      page.wrong_scans.map((w) => [w.kind, w.code, w.packer]),
      [
        ['wrong_item', 'SAP-9', 'Ana'],
        ['too_many', 'TRC-001', 'Ana'],
      ],
    );
    const detail = (await a.station.get(`/api/station/orders/${id}`)).json<{
      status: string;
      items: { sku: string; ean: string; scanned: number; quantity: number }[];
    }>();
    assert.equal(detail.status, 'packed');
    assert.deepEqual(
      detail.items.map((i) => [i.sku, i.ean, i.scanned, i.quantity]),
      [
        ['TRC-001', '', 2, 2],
        ['CAN-200', '5941234567890', 1, 1],
      ],
    );
    const queue = (await a.station.get('/api/station/queue')).json<{ items: { id: number }[] }>();
    assert.ok(!queue.items.some((o) => o.id === id), 'a packed order leaves the queue');
    assert.equal((await owner.get('/api/station/queue')).statusCode, 403);
  });
});
