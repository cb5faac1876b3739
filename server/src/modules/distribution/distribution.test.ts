import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, createPacker } from '../../../test/support/factories.js';
import type { Reason } from '../../shared/reasons.js';
import {
  currentAssignments,
  insertStore,
  insertStoreOrder,
} from '../../../test/support/distribution.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';

interface Detail {
  status: string;
  packer: { id: number; name: string } | null;
  assignments: { packer: { name: string }; reason: Reason | null; ended_at: string | null }[];
  audit: { action: string; reason: Reason | null; from: string | null; to: string | null }[];
}
type Queue = { items: { order_id: number; reason: Reason | null }[] };
const ALL_DAY = { start: '00:00', end: '23:59' };
const EVERY_DAY = {
  mon: [ALL_DAY],
  tue: [ALL_DAY],
  wed: [ALL_DAY],
  thu: [ALL_DAY],
  fri: [ALL_DAY],
  sat: [ALL_DAY],
  sun: [ALL_DAY],
};

describe('distribution: automatic on arrival, reasons, queue, on demand', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  const detail = async (id: number) => (await owner.get(`/api/orders/${id}`)).json<Detail>();
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('queues a new order with a reason when nobody can take it', async () => {
    const o = await createOrder(owner);
    assert.equal((await detail(o.id)).status, 'new');
    const q = (await owner.get('/api/distribution/unassigned')).json<Queue>();
    assert.deepEqual(
      q.items.map((i) => [i.order_id, i.reason]),
      [[o.id, { code: 'no_packers', params: {} }]],
    );
  });

  it('a new packer takes the waiting orders at once (no periodic run)', async () => {
    const [waiting] = (await owner.get('/api/distribution/unassigned')).json<Queue>().items;
    const a = await createPacker(owner, { name: 'Ana' });
    assert.equal((await detail(waiting?.order_id ?? 0)).packer?.id, a.id);
    assert.deepEqual((await owner.get('/api/distribution/unassigned')).json<Queue>().items, []);
  });

  it('assigns new orders the moment they arrive, least loaded by default, with the reason', async () => {
    const b = await createPacker(owner, { name: 'Bogdan' });
    const o1 = await createOrder(owner);
    const d1 = await detail(o1.id);
    assert.equal(d1.status, 'assigned');
    assert.equal(d1.packer?.id, b.id);
    assert.deepEqual(d1.assignments[0]?.reason, {
      code: 'least_loaded',
      params: { open: 0, next: 1 },
    });
    const o2 = await createOrder(owner);
    const d2 = await detail(o2.id);
    assert.equal(d2.audit.at(-1)?.action, 'assigned');
    assert.deepEqual(d2.audit.at(-1)?.reason, {
      code: 'least_loaded',
      params: { open: 1, next: 1 },
    });
    // Stored as a code with JSON parameters, not as a sentence.
    const stored = await app.database.db
      .selectFrom('audit_events')
      .select(['reason_code', 'reason_params'])
      .where('account_id', '=', owner.accountId)
      .where('entity_id', '=', o2.id)
      .where('action', '=', 'assigned')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [stored.reason_code, JSON.parse(stored.reason_params ?? 'null')],
      ['least_loaded', { open: 1, next: 1 }],
    );
  });

  it('picks the queue up on the periodic check once someone can take it (a shift that starts)', async () => {
    const db = app.database.db;
    await db
      .updateTable('packers')
      .set({ active: 0 })
      .where('account_id', '=', owner.accountId)
      .execute();
    const o = await createOrder(owner);
    assert.equal((await detail(o.id)).status, 'new');
    // No hook sees a shift start: the minute's check does.
    await db
      .updateTable('packers')
      .set({ active: 1 })
      .where('account_id', '=', owner.accountId)
      .execute();
    const r = await app.services.distribution.tick();
    assert.equal(r.assigned, 1);
    assert.deepEqual((await owner.get('/api/distribution/unassigned')).json<Queue>().items, []);
  });
});

describe('distribution: stores, settings, outbox, redistribution, concurrency', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  let store: number;
  const packerOf = async (id: number) =>
    await app.database.db
      .selectFrom('orders')
      .select(['packer_id', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    store = await insertStore(app, owner.accountId);
  });
  after(() => app.cleanup());

  it('reads and saves settings per store; manual orders use the account default', async () => {
    const s = (await owner.get('/api/distribution/settings')).json<{
      manual: unknown;
      stores: { store_id: number; strategy: string; store_statuses: string[] }[];
    }>();
    assert.deepEqual(s.manual, { strategy: 'least-loaded', enabled: true });
    assert.deepEqual(
      s.stores.map((x) => [x.store_id, x.strategy, x.store_statuses]),
      [[store, 'least-loaded', ['processing']]],
    );
    const put = await owner.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'round-robin',
      enabled: true,
      store_statuses: ['processing', 'on-hold'],
    });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json<{ stores: { strategy: string }[] }>().stores[0]?.strategy, 'round-robin');
    const bad = await owner.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'random',
      enabled: true,
    });
    assert.equal(bad.statusCode, 400);
    const extra = await owner.request('PUT', '/api/distribution/settings', {
      store_id: null,
      strategy: 'weighted',
      enabled: true,
      hack: 1,
    });
    assert.equal(extra.statusCode, 400);
    const other = await ownerClient(app, 'Alt magazin');
    const foreign = await other.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'weighted',
      enabled: true,
    });
    assert.equal(foreign.statusCode, 404);
  });

  it('distributes store orders round-robin in the store statuses only, and enqueues the store push', async () => {
    const p1 = await createPacker(owner, { name: 'Unu', shifts: EVERY_DAY });
    const p2 = await createPacker(owner, { name: 'Doi', shifts: EVERY_DAY });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await insertStoreOrder(app, owner.accountId, store));
    const got = await Promise.all(ids.map(packerOf));
    assert.deepEqual(
      got.map((g) => g.packer_id),
      [p1.id, p2.id, p1.id, p2.id],
    );
    const state = await app.database.db
      .selectFrom('distribution_state')
      .select('state')
      .where('store_key', '=', store)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(state.state), { lastPackerId: p2.id });
    const jobs = await app.database.db
      .selectFrom('jobs')
      .select(['kind', 'payload', 'account_id'])
      .where('kind', '=', 'store.push_assignment')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      jobs.map((j) => JSON.parse(j.payload) as unknown),
      ids.map((id) => ({ order_id: id })),
    );
    const pending = await insertStoreOrder(app, owner.accountId, store, { storeStatus: 'pending' });
    assert.equal((await packerOf(pending)).packer_id, null, 'pending is not a distributed status');
    const manual = await app.database.db.selectFrom('jobs').select('id').execute();
    await createOrder(owner);
    assert.equal(
      (await app.database.db.selectFrom('jobs').select('id').execute()).length,
      manual.length,
      'manual orders push nothing',
    );
  });

  it('leaves orders alone when distribution is off, and distributes a selection on demand', async () => {
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'least-loaded',
      enabled: false,
    });
    const a = await insertStoreOrder(app, owner.accountId, store);
    assert.equal((await packerOf(a)).packer_id, null);
    const res = await owner.post('/api/orders/distribute', { order_ids: [a, 99_999_999] });
    assert.equal(res.statusCode, 200);
    const body = res.json<{
      assigned: { id: number; reason: Reason }[];
      skipped: { id: number; code: string }[];
    }>();
    assert.deepEqual(
      body.assigned.map((x) => x.id),
      [a],
    );
    assert.equal(body.assigned[0]?.reason.code, 'least_loaded');
    assert.equal(typeof body.assigned[0]?.reason.params.open, 'number');
    assert.deepEqual(body.skipped, [
      { id: 99_999_999, code: 'order_not_found', message: 'This order was not found.' },
    ]);
    assert.equal((await owner.post('/api/orders/distribute', { order_ids: [] })).statusCode, 400);
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'round-robin',
      enabled: true,
    });
  });

  it('honours skills: an order needing a skill waits for a packer who has it', async () => {
    const special = await createPacker(owner, {
      name: 'Sticla',
      skills: ['category:fragile'],
      shifts: EVERY_DAY,
      active: false,
    });
    const o = await insertStoreOrder(app, owner.accountId, store, {
      items: [{ sku: 'VAZA-1', meta: { categories: ['Fragile'] } }],
    });
    assert.equal((await packerOf(o)).packer_id, null);
    const q = (await owner.get('/api/distribution/unassigned')).json<Queue>();
    assert.deepEqual(
      q.items.map((i) => [i.order_id, i.reason]),
      [
        [
          o,
          {
            code: 'no_eligible_packer',
            params: { lacks_skill: 2, inactive: 1, skills: 'category:fragile' },
          },
        ],
      ],
    );
    // Activating the packer picks the queue up in the same transaction.
    assert.equal(
      (await owner.patch(`/api/packers/${special.id}`, { active: true })).statusCode,
      200,
    );
    assert.equal((await packerOf(o)).packer_id, special.id);
    const d = (await owner.get(`/api/orders/${o}`)).json<Detail>();
    assert.deepEqual(
      [d.assignments.at(-1)?.reason?.code, d.assignments.at(-1)?.reason?.params.skills],
      ['round_robin', 'category:fragile'],
    );
    const plain = await insertStoreOrder(app, owner.accountId, store);
    assert.notEqual(
      (await packerOf(plain)).packer_id,
      null,
      'orders needing no skill go to anyone',
    );
  });

  it('redistributes unconfirmed orders of a deactivated packer, keeps confirmed ones', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await insertStoreOrder(app, owner.accountId, store));
    const rows = await Promise.all(ids.map(packerOf));
    const victim = rows[0]?.packer_id ?? 0;
    const mine = ids.filter((_, i) => rows[i]?.packer_id === victim);
    assert.ok(mine.length >= 2);
    const [kept, ...moved] = mine;
    await app.database.db
      .updateTable('orders')
      .set({ status: 'confirmed', confirmed_at: Date.now() })
      .where('id', '=', kept ?? 0)
      .execute();
    assert.equal((await owner.patch(`/api/packers/${victim}`, { active: false })).statusCode, 200);
    assert.equal((await packerOf(kept ?? 0)).packer_id, victim);
    for (const id of moved) {
      const after = await packerOf(id);
      assert.notEqual(after.packer_id, victim);
      assert.equal(after.status, 'assigned');
      assert.equal((await currentAssignments(app, id)).length, 1);
    }
    const d = (await owner.get(`/api/orders/${moved[0] ?? 0}`)).json<Detail>();
    assert.equal(d.assignments.filter((a) => a.ended_at === null).length, 1);
    assert.equal(d.audit.at(-1)?.action, 'assigned');
    await owner.patch(`/api/packers/${victim}`, { active: true });
  });

  it('moves the unconfirmed orders a packer may no longer keep: a store taken away, a skill now required', async () => {
    // A store taken away from the packer who has the order.
    const o = await insertStoreOrder(app, owner.accountId, store);
    const holder = (await packerOf(o)).packer_id ?? 0;
    assert.ok(holder);
    const confirmed = await insertStoreOrder(app, owner.accountId, store);
    await app.database.db
      .updateTable('orders')
      .set({ packer_id: holder, status: 'confirmed', confirmed_at: Date.now() })
      .where('id', '=', confirmed)
      .execute();
    const elsewhere = await insertStore(app, owner.accountId);
    const patched = await owner.patch(`/api/packers/${holder}`, { allowed_store_ids: [elsewhere] });
    assert.equal(patched.statusCode, 200, patched.body);
    const moved = await packerOf(o);
    assert.notEqual(moved.packer_id, holder);
    assert.notEqual(moved.packer_id, null);
    assert.equal((await currentAssignments(app, o)).length, 1);
    assert.equal((await packerOf(confirmed)).packer_id, holder, 'a confirmed order stays');
    await owner.patch(`/api/packers/${holder}`, { allowed_store_ids: [] });

    // A packer declares a skill: an order matching it leaves a packer who lacks it.
    const vase = await insertStoreOrder(app, owner.accountId, store, {
      items: [{ sku: 'VAS-CERAMIC', meta: { categories: ['Ceramica'] } }],
    });
    const before = (await packerOf(vase)).packer_id;
    assert.notEqual(before, null);
    const potter = await createPacker(owner, { name: 'Olar', shifts: EVERY_DAY });
    assert.equal((await packerOf(vase)).packer_id, before, 'nothing moves before the skill');
    const skilled = await owner.patch(`/api/packers/${potter.id}`, {
      skills: ['category:ceramica'],
    });
    assert.equal(skilled.statusCode, 200, skilled.body);
    assert.equal((await packerOf(vase)).packer_id, potter.id);
    const d = (await owner.get(`/api/orders/${vase}`)).json<Detail>();
    assert.equal(d.assignments.at(-1)?.reason?.params.skills, 'category:ceramica');
    await owner.patch(`/api/packers/${potter.id}`, { active: false });
  });

  it('redistributes on shift end (the periodic check), to the queue when nobody is left', async () => {
    const other = await ownerClient(app, 'Tura');
    const day = await createPacker(other, { name: 'Zi', shifts: EVERY_DAY });
    const o = await createOrder(other);
    assert.equal((await packerOf(o.id)).packer_id, day.id);
    // 23:59:30 in Bucharest: every shift above has ended (they run to 23:59).
    const late = Date.parse('2026-11-30T21:59:30Z');
    const r = await app.services.distribution.tick(late);
    assert.ok(r.redistributed >= 1);
    const after = await packerOf(o.id);
    assert.deepEqual(after, { packer_id: null, status: 'new' });
    const q = (await other.get('/api/distribution/unassigned')).json<Queue>();
    assert.deepEqual(
      q.items.map((i) => [i.order_id, i.reason]),
      [[o.id, { code: 'no_eligible_packer', params: { off_shift: 1 } }]],
    );
    await app.services.distribution.tick();
    assert.equal((await packerOf(o.id)).packer_id, day.id, 'back on shift: picked up again');
  });

  it("keeps an order given by hand past its packer's shift end, until the packer is deactivated", async () => {
    const other = await ownerClient(app, 'De mână');
    const day = await createPacker(other, { name: 'Zi', shifts: EVERY_DAY });
    const night = await createPacker(other, { name: 'Noapte', shifts: EVERY_DAY });
    const byHand = await createOrder(other);
    const byDistribution = await createOrder(other);
    const moved = await other.post(`/api/orders/${byHand.id}/reassign`, {
      packer_id: night.id,
      reason: '',
      override: false,
    });
    assert.equal(moved.statusCode, 200, moved.body);
    const distributed = (await packerOf(byDistribution.id)).packer_id;
    assert.ok(distributed === day.id || distributed === night.id);
    // 23:59:30 in Bucharest: both shifts have ended.
    await app.services.distribution.tick(Date.parse('2026-11-30T21:59:30Z'));
    assert.deepEqual(await packerOf(byHand.id), { packer_id: night.id, status: 'assigned' });
    assert.deepEqual(await packerOf(byDistribution.id), { packer_id: null, status: 'new' });
    // A deactivated packer cannot work: even the order given by hand moves on.
    await other.patch(`/api/packers/${night.id}`, { active: false });
    assert.equal((await packerOf(byHand.id)).packer_id, day.id);
    await other.patch(`/api/packers/${day.id}`, { active: false });
  });

  it('two distribution runs at once never give an order two packers', async () => {
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: store,
      strategy: 'least-loaded',
      enabled: false,
    });
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await insertStoreOrder(app, owner.accountId, store));
    const svc = app.services.distribution;
    const actor = { userId: null, label: 'test' };
    const runs = await Promise.all([
      svc.run(owner.accountId, ids, 'on-demand', actor),
      svc.run(owner.accountId, ids, 'on-demand', actor),
      svc.run(owner.accountId, [...ids].reverse(), 'on-demand', actor),
    ]);
    for (const id of ids) {
      const open = await currentAssignments(app, id);
      assert.equal(open.length, 1, `order ${id} has one current assignment`);
      assert.equal(open[0]?.packer_id, (await packerOf(id)).packer_id);
    }
    assert.ok(runs.reduce((n, r) => n + r.assigned.length, 0) >= ids.length);
  });
});
