import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder } from '../../../test/support/factories.js';
import { type ScriptedCourier, scriptedCourier } from '../../../test/support/scripted-courier.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { pdfAnswerTexts } from '../../../test/support/pdf-probe.js';
import type { ShipmentOut } from './shipping.schema.js';

const SENDER = {
  id: 'depozit',
  label: 'Depozit Cluj',
  name: 'Magazinul Ștefan',
  phone: '0264 000 111',
  address1: 'Str. Fabricii 3',
  city: 'Cluj-Napoca',
  county: 'Cluj',
  is_default: true,
};

describe('shipments: AWBs made once, tracked, cancelled', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let courier: ScriptedCourier;
  const generate = async (orderId: number, body: object = {}) => {
    const res = await owner.post(`/api/orders/${orderId}/shipments`, body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ShipmentOut>();
  };
  const orderStatus = async (id: number) =>
    (
      await app.database.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status;
  const rowsOf = (orderId: number) =>
    app.database.db.selectFrom('shipments').selectAll().where('order_id', '=', orderId).execute();

  before(async () => {
    courier = scriptedCourier();
    app = await startTestApp({}, { couriers: [courier] });
    owner = await ownerClient(app);
    const res = await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [SENDER],
      own_awb_prefix: 'ED',
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app.cleanup());

  it('refuses to generate without a sender address, with a coded error', async () => {
    const other = await ownerClient(app, 'Alt magazin');
    const o = await createOrder(other);
    const res = await other.post(`/api/orders/${o.id}/shipments`, {});
    assert.equal(res.statusCode, 400);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'sender_address_missing');
  });

  it('makes an own-courier AWB with COD from an unpaid cash-on-delivery order; a second click returns it', async () => {
    const o = await createOrder(owner);
    const s = await generate(o.id);
    assert.equal(s.state, 'made');
    assert.match(s.awb ?? '', /^ED\d{9}$/);
    assert.equal(s.status, 'created');
    assert.equal(s.cod, '114.80'); // 2 × 49.90 + 15.00 shipping
    assert.equal(s.weight_kg, '1.000'); // items without weight: the default
    assert.deepEqual(s.reason, { code: 'shipping_default', params: {} });
    assert.match(s.tracking_url ?? '', /\/t\/[A-Za-z0-9_-]{22}$/);
    assert.equal(await orderStatus(o.id), 'shipped');
    const again = await generate(o.id);
    assert.equal(again.id, s.id);
    assert.equal(again.awb, s.awb);
    const detail = await owner.get(`/api/orders/${o.id}/shipments`);
    assert.equal(detail.json<{ items: ShipmentOut[] }>().items.length, 1);
  });

  it('50 concurrent "generate" clicks on one order make one AWB', async () => {
    const o = await createOrder(owner);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => owner.post(`/api/orders/${o.id}/shipments`, {})),
    );
    for (const a of answers) assert.equal(a.statusCode, 200, a.body);
    const awbs = new Set(answers.map((a) => a.json<ShipmentOut>().awb).filter(Boolean));
    assert.ok(awbs.size <= 1, `AWBs: ${[...awbs].join(', ')}`);
    const rows = await rowsOf(o.id);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.phase, 'made');
    const register = await app.database.db
      .selectFrom('own_courier_awbs')
      .select('awb')
      .where('reference', '=', `${o.id}-1`)
      .execute();
    assert.equal(register.length, 1);
    assert.equal(register[0]?.awb, rows[0]?.awb);
  });

  it('50 concurrent clicks with a slow outside courier: one create call, one AWB', async () => {
    const o = await createOrder(owner);
    const before = courier.createCalls;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        owner.post(`/api/orders/${o.id}/shipments`, { courier: 'scripted', service: 'std' }),
      ),
    );
    for (const a of answers) assert.equal(a.statusCode, 200, a.body);
    assert.equal(courier.createCalls - before, 1);
    assert.equal((await rowsOf(o.id)).length, 1);
  });

  it('a crash between "AWB made" and "AWB stored", then a retry: the AWB is found, not made again', async () => {
    const o = await createOrder(owner);
    courier.crashAfterMake = 1;
    const before = courier.createCalls;
    const first = await generate(o.id, { courier: 'scripted', service: 'std' });
    assert.equal(first.state, 'pending');
    assert.equal(first.awb, null);
    assert.deepEqual(first.messages, [{ code: 'courier_unreachable', text: '' }]);
    assert.equal(await orderStatus(o.id), 'new');
    const retry = await generate(o.id, { courier: 'scripted', service: 'std' });
    assert.equal(retry.state, 'made');
    assert.equal(retry.awb, courier.made.get(`${o.id}-1`));
    assert.equal(courier.createCalls - before, 1, 'create was called once');
    assert.equal((await rowsOf(o.id)).length, 1);
    assert.equal(retry.tracking_url, `https://courier.example/t/${retry.awb}`);
  });

  it('a process that died holding the reservation: after the claim expires, the retry finds the AWB', async () => {
    const o = await createOrder(owner);
    courier.crashAfterMake = 1;
    await generate(o.id, { courier: 'scripted', service: 'std' });
    // As if the process died mid-call: the row still claimed, by nobody alive.
    await app.database.db
      .updateTable('shipments')
      .set({ claim_until: Date.now() + 60_000 })
      .where('order_id', '=', o.id)
      .execute();
    const held = await generate(o.id);
    assert.equal(held.state, 'pending', 'a live claim is not taken over');
    await app.database.db
      .updateTable('shipments')
      .set({ claim_until: Date.now() - 1 })
      .where('order_id', '=', o.id)
      .execute();
    const before = courier.createCalls;
    const retry = await generate(o.id);
    assert.equal(retry.state, 'made');
    assert.equal(courier.createCalls, before);
    assert.equal(retry.awb, courier.made.get(`${o.id}-1`));
  });

  it("a courier's refusal is data on the shipment; the next attempt makes a new reservation", async () => {
    const o = await createOrder(owner);
    courier.refuse = {
      messages: [{ code: 'info.weight', text: 'Greutatea depășește limita serviciului.' }],
      retryable: false,
    };
    const failed = await generate(o.id, { courier: 'scripted', service: 'std' });
    assert.equal(failed.state, 'failed');
    assert.deepEqual(failed.messages, [
      { code: 'info.weight', text: 'Greutatea depășește limita serviciului.' },
    ]);
    assert.equal(await orderStatus(o.id), 'new');
    const next = await generate(o.id, { courier: 'scripted', service: 'std', weight_kg: '2.5' });
    assert.equal(next.state, 'made');
    assert.equal(next.attempt, 2);
    assert.equal(next.weight_kg, '2.500');
  });

  it('the public tracking page needs no login, shows no personal data, and follows what the shop marks', async () => {
    const o = await createOrder(owner);
    const s = await generate(o.id);
    const token = (s.tracking_url ?? '').split('/t/')[1] ?? '';
    const anonymous = await app.http.inject({ method: 'GET', url: `/api/t/${token}` });
    assert.equal(anonymous.statusCode, 200, anonymous.body);
    const page = anonymous.json<{ awb: string; status: string; city: string }>();
    assert.equal(page.awb, s.awb);
    assert.equal(page.status, 'created');
    assert.equal(page.city, 'Cluj-Napoca');
    assert.doesNotMatch(anonymous.body, /Popescu|0722|maria@/);
    const wrong = await app.http.inject({ method: 'GET', url: `/api/t/${'A'.repeat(22)}` });
    assert.equal(wrong.statusCode, 404);
    const byAwb = await app.http.inject({ method: 'GET', url: `/api/t/${s.awb ?? ''}` });
    assert.equal(byAwb.statusCode, 400);

    for (const status of ['handed_over', 'delivered']) {
      const r = await owner.post(`/api/shipments/${s.id}/mark`, { status });
      assert.equal(r.statusCode, 200, r.body);
    }
    assert.equal(await orderStatus(o.id), 'delivered');
    const later = (await app.http.inject({ method: 'GET', url: `/api/t/${token}` })).json<{
      status: string;
      events: { status: string }[];
    }>();
    assert.equal(later.status, 'delivered');
    assert.deepEqual(
      later.events.map((e) => e.status),
      ['created', 'handed_over', 'delivered'],
    );
  });

  it('cancels an AWB not yet handed over; the order goes back and gets a new AWB', async () => {
    const o = await createOrder(owner);
    const s = await generate(o.id);
    const c = await owner.post(`/api/shipments/${s.id}/cancel`);
    assert.equal(c.statusCode, 200, c.body);
    assert.equal(c.json<ShipmentOut>().state, 'cancelled');
    assert.equal(await orderStatus(o.id), 'new');
    const again = await generate(o.id);
    assert.equal(again.attempt, 2);
    assert.notEqual(again.awb, s.awb);
    await owner.post(`/api/shipments/${again.id}/mark`, { status: 'handed_over' });
    const late = await owner.post(`/api/shipments/${again.id}/cancel`);
    assert.equal(late.statusCode, 409);
    assert.equal(late.json<{ error: { code: string } }>().error.code, 'shipment_not_cancellable');
  });

  it('labels: one document for the chosen shipments, sorted by order', async () => {
    const a = await generate((await createOrder(owner)).id);
    const b = await generate((await createOrder(owner)).id);
    const res = await owner.get(`/api/shipments/labels?ids=${b.id},${a.id}&format=a6&sort=order`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['x-label-pages'], '2');
    const [first = '', second = ''] = pdfAnswerTexts(res.headers['content-type'], res.rawPayload);
    assert.ok(first.includes(a.awb ?? 'x') && second.includes(b.awb ?? 'x'), 'by order');
    assert.ok(first.includes('Maria Popescu') && first.includes('Cluj-Napoca'), first);
    assert.ok(first.includes('RAMBURS 114,80 RON'), first);
    const none = await owner.get(`/api/shipments/labels?ids=999999`);
    assert.equal(none.statusCode, 404);
  });

  it('tracking jobs map the courier history to the shipment and the order, and stop when final', async () => {
    const o = await createOrder(owner);
    const s = await generate(o.id, { courier: 'scripted', service: 'std' });
    const awb = s.awb ?? '';
    const t0 = Date.now() + 1000; // the courier's events come after the AWB was made
    courier.history.set(awb, [
      { status: 'handed_over', code: 'C0', text: 'Ridicat de curier', at: t0 },
      { status: 'in_transit', code: 'H10', text: 'În tranzit', at: t0 + 1000 },
    ]);
    const due = () =>
      app.database.db
        .updateTable('shipments')
        .set({ next_track_at: Date.now() - 1 })
        .where('id', '=', s.id)
        .execute();
    await due();
    assert.ok((await app.services.shipmentTracker.enqueueDue()) >= 1);
    await app.worker.runUntilIdle();
    let now = await owner.get(`/api/shipments/${s.id}`);
    assert.equal(now.json<ShipmentOut>().status, 'in_transit');
    // The courier is down: the next question waits longer (backoff), nothing changes.
    await due();
    courier.trackFails = 1;
    await app.services.shipmentTracker.enqueueDue();
    await app.worker.runUntilIdle();
    const backedOff = await app.database.db
      .selectFrom('shipments')
      .select(['track_failures', 'next_track_at'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    assert.equal(backedOff.track_failures, 1);
    assert.ok(Number(backedOff.next_track_at) > Date.now() + 30 * 60_000);
    courier.history
      .get(awb)
      ?.push({ status: 'delivered', code: 'S2', text: 'Livrat', at: t0 + 2000 });
    await due();
    await app.services.shipmentTracker.enqueueDue();
    await app.worker.runUntilIdle();
    now = await owner.get(`/api/shipments/${s.id}`);
    const done = now.json<ShipmentOut>();
    assert.equal(done.status, 'delivered');
    assert.deepEqual(
      done.events.map((e) => `${e.status}:${e.code}`),
      ['created:AWB', 'handed_over:C0', 'in_transit:H10', 'delivered:S2'],
    );
    assert.equal(await orderStatus(o.id), 'delivered');
    const final = await app.database.db
      .selectFrom('shipments')
      .select('next_track_at')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    assert.equal(final.next_track_at, null);
  });

  it('courier accounts: credentials are sealed and never returned; an unknown courier is refused', async () => {
    const add = await owner.post('/api/shipping/courier-accounts', {
      courier: 'scripted',
      name: 'Cont principal',
      credentials: { username: 'magazin', password: 'secret-parola-123' },
    });
    assert.equal(add.statusCode, 201, add.body);
    const list = await owner.get('/api/shipping/courier-accounts');
    assert.doesNotMatch(list.body, /secret-parola/);
    const stored = await app.database.db
      .selectFrom('courier_accounts')
      .select('credentials')
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.credentials, /secret-parola/);
    const bad = await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [SENDER],
      default_courier: 'nobody',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json<{ error: { code: string } }>().error.code, 'courier_unknown');
  });

  it('filters the orders list by courier, shipment status, "packed but no AWB" and "AWB but not handed over"', async () => {
    const packed = await createOrder(owner);
    await app.database.db
      .updateTable('orders')
      .set({ status: 'packed' })
      .where('id', '=', packed.id)
      .execute();
    const created = await createOrder(owner);
    await generate(created.id);
    const handed = await createOrder(owner);
    const h = await generate(handed.id);
    await owner.post(`/api/shipments/${h.id}/mark`, { status: 'handed_over' });
    const other = await createOrder(owner);
    await generate(other.id, { courier: 'scripted', service: 'std' });
    const cancelledAwb = await createOrder(owner);
    await app.database.db
      .updateTable('orders')
      .set({ status: 'packed' })
      .where('id', '=', cancelledAwb.id)
      .execute();
    const c = await generate(cancelledAwb.id, { courier: 'scripted', service: 'std' });
    await owner.post(`/api/shipments/${c.id}/cancel`);
    const ids = async (query: string) => {
      const res = await owner.get(`/api/orders?limit=200&${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return new Set(res.json<{ items: { id: number }[] }>().items.map((i) => i.id));
    };
    const mine = [packed.id, created.id, handed.id, other.id, cancelledAwb.id];
    const pick = (set: Set<number>) => mine.filter((id) => set.has(id));
    assert.deepEqual(pick(await ids('shipping=packed_no_awb')), [packed.id, cancelledAwb.id]);
    assert.deepEqual(pick(await ids('shipping=awb_not_handed_over')), [created.id, other.id]);
    assert.deepEqual(pick(await ids('courier=scripted')), [other.id]);
    assert.deepEqual(pick(await ids('courier=own')), [created.id, handed.id]);
    assert.deepEqual(pick(await ids('shipment_status=handed_over,delivered')), [handed.id]);
    assert.equal((await owner.get('/api/orders?shipment_status=lost')).statusCode, 400);
  });

  it('a picking list sums the selection by SKU; packing slips list each order with its AWB', async () => {
    const a = await createOrder(owner, {
      items: [
        { sku: 'TRC-001', name: 'Tricou alb', quantity: 2, unit_price: '49.90' },
        { sku: 'CAN-002', name: 'Cană ceramică', quantity: 1, unit_price: '25.00' },
      ],
    });
    const b = await createOrder(owner, {
      items: [{ sku: 'TRC-001', name: 'Tricou alb', quantity: 3, unit_price: '49.90' }],
    });
    const s = await generate(b.id);
    const picking = await owner.get(`/api/shipments/slips?order_ids=${a.id},${b.id}&kind=picking`);
    assert.equal(picking.statusCode, 200, picking.body);
    const [list = ''] = pdfAnswerTexts(picking.headers['content-type'], picking.rawPayload);
    const at = (line: string) => list.indexOf(line);
    assert.ok(at('CAN-002 Cană ceramică 1 1') >= 0, list);
    assert.ok(at('TRC-001 Tricou alb 5 2') > at('CAN-002'), list);
    const packing = await owner.get(`/api/shipments/slips?order_ids=${b.id}&kind=packing`);
    assert.equal(packing.statusCode, 200);
    const slips = pdfAnswerTexts(packing.headers['content-type'], packing.rawPayload);
    assert.equal(slips.length, 1);
    assert.ok(slips[0]?.includes(`AWB ${s.awb ?? 'x'}`), slips[0]);
    const other = await createOrder(await ownerClient(app, 'Alt'));
    const theirs = await owner.get(
      `/api/shipments/slips?order_ids=${a.id},${other.id}&kind=picking`,
    );
    assert.equal(theirs.statusCode, 404);
  });
});
