import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createOrder, phoneOrder } from '../../../../test/support/factories.js';
import {
  type ScriptedCourier,
  scriptedCourier,
} from '../../../../test/support/scripted-courier.js';
import { ownerClient, startTestApp } from '../../../../test/support/test-app.js';
import type { CourierLocality } from '../couriers/courier.js';
import { parseDetails } from '../shipment-input.js';
import { REFRESH_AFTER_MS } from './nomenclature.service.js';

const { localities } = JSON.parse(
  fs.readFileSync(new URL('./fixtures/localities.json', import.meta.url), 'utf8'),
) as { localities: CourierLocality[] };

const SENDER = {
  id: 'depozit',
  label: 'Depozit',
  name: 'Magazinul Ștefan',
  phone: '0264 000 111',
  address1: 'Str. Fabricii 3',
  city: 'Cluj-Napoca',
  county: 'Cluj',
  is_default: true,
};

type Match = {
  status: string;
  reason: string | null;
  match: { id: string | null; name: string; county: string } | null;
  candidates: { id: string | null; name: string; county: string; commune: string | null }[];
};

describe('nomenclature: localities cached, recipients matched before the AWB', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let courier: ScriptedCourier;
  const orderIn = (city: string, state: string, postcode = '') =>
    createOrder(owner, {
      billing: { ...(phoneOrder().billing as object), city, state, postcode },
    });
  const matchOf = async (orderId: number, key = 'nomen') => {
    const res = await owner.get(`/api/orders/${orderId}/address-match?courier=${key}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json<Match>();
  };
  const cacheRow = (county: string) =>
    app.database.db
      .selectFrom('courier_localities')
      .selectAll()
      .where('courier', '=', 'nomen')
      .where('county_key', '=', county)
      .executeTakeFirst();

  before(async () => {
    courier = scriptedCourier('nomen', true, { localities });
    app = await startTestApp({}, { couriers: [courier, scriptedCourier('plain')] });
    owner = await ownerClient(app);
    const res = await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [SENDER],
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app.cleanup());

  it('matches an order and fetches the county once for concurrent callers, then from the cache', async () => {
    const orders = await Promise.all(
      Array.from({ length: 8 }, () => orderIn('Cluj Napoca', 'CJ', '400347')),
    );
    const calls = courier.localityCalls;
    const answers = await Promise.all(orders.map((o) => matchOf(o.id)));
    for (const m of answers) {
      assert.equal(m.status, 'matched');
      assert.equal(m.match?.name, 'Cluj-Napoca');
    }
    assert.equal(courier.localityCalls - calls, 1);
    await matchOf(orders[0]!.id);
    assert.equal(courier.localityCalls - calls, 1, 'the second look comes from the cache');
    assert.ok(await cacheRow('cluj'));
  });

  it('fetches a list older than 7 days again: on use, and by the periodic refresh job', async () => {
    const o = await orderIn('Iasi', 'IS');
    await matchOf(o.id);
    const old = Date.now() - REFRESH_AFTER_MS - 60_000;
    const age = (at: number) =>
      app.database.db
        .updateTable('courier_localities')
        .set({ fetched_at: at })
        .where('courier', '=', 'nomen')
        .where('county_key', '=', 'iasi')
        .execute();
    await age(old);
    let calls = courier.localityCalls;
    await matchOf(o.id);
    assert.equal(courier.localityCalls - calls, 1, 'a stale list is fetched on use');
    assert.ok(Number((await cacheRow('iasi'))?.fetched_at) > old);

    await age(old);
    calls = courier.localityCalls;
    assert.ok((await app.services.nomenclature.enqueueStale()) >= 1);
    await app.worker.runUntilIdle();
    assert.equal(courier.localityCalls - calls, 1, 'the refresh job fetched it');
    assert.ok(Number((await cacheRow('iasi'))?.fetched_at) > old);
    assert.equal(await app.services.nomenclature.enqueueStale(), 0, 'nothing stale any more');
  });

  it('answers a coded 503 when the courier is down and nothing is cached; a stale list is used meanwhile', async () => {
    const real = courier.localities?.bind(courier);
    courier.localities = () => Promise.reject(new Error('courier down'));
    try {
      const o = await orderIn('Timisoara', 'TM');
      const res = await owner.get(`/api/orders/${o.id}/address-match?courier=nomen`);
      assert.equal(res.statusCode, 503, res.body);
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'nomenclature_unavailable');
      const stale = await orderIn('Iasi', 'IS');
      await app.database.db
        .updateTable('courier_localities')
        .set({ fetched_at: Date.now() - REFRESH_AFTER_MS - 60_000 })
        .where('county_key', '=', 'iasi')
        .execute();
      assert.equal((await matchOf(stale.id)).match?.name, 'Iași');
    } finally {
      courier.localities = real;
    }
  });

  it('refuses the AWB with the candidates when the match is not confident; a saved choice is used', async () => {
    const o = await orderIn('Jucu', 'CJ');
    const refused = await owner.post(`/api/orders/${o.id}/shipments`, {
      courier: 'nomen',
      service: 'std',
    });
    assert.equal(refused.statusCode, 409, refused.body);
    const err = refused.json<{ error: { code: string; details: { match: Match } } }>().error;
    assert.equal(err.code, 'address_unmatched');
    assert.equal(err.details.match.reason, 'commune_without_village');
    assert.ok(err.details.match.candidates.length > 1);
    const rows = await app.database.db
      .selectFrom('shipments')
      .select('id')
      .where('order_id', '=', o.id)
      .execute();
    assert.equal(rows.length, 0, 'no reservation for a refused address');

    const m = await matchOf(o.id);
    assert.equal(m.status, 'ambiguous');
    const pick = m.candidates.find((c) => c.name === 'Gădălin');
    assert.ok(pick, JSON.stringify(m.candidates));
    const saved = await owner.request('PUT', `/api/orders/${o.id}/address-match`, {
      courier: 'nomen',
      locality: { id: pick.id, name: pick.name, county: pick.county },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json<Match>().reason, 'chosen');
    assert.equal((await matchOf(o.id)).match?.name, 'Gădălin');

    const made = await owner.post(`/api/orders/${o.id}/shipments`, {
      courier: 'nomen',
      service: 'std',
    });
    assert.equal(made.statusCode, 200, made.body);
    const row = await app.database.db
      .selectFrom('shipments')
      .select(['details', 'phase'])
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.phase, 'made');
    assert.deepEqual(parseDetails(row.details).destination, {
      countyId: localities.find((l) => l.id === pick.id)?.countyId,
      countyName: 'Cluj',
      localityId: pick.id,
      localityName: 'Gădălin',
      postcode: null, // neither the customer nor the courier's list has one
    });
  });

  it('a confident match goes into the shipment without a question', async () => {
    const o = await orderIn('Sat Roșu, Comuna Chiajna', 'IF');
    const made = await owner.post(`/api/orders/${o.id}/shipments`, {
      courier: 'nomen',
      service: 'std',
    });
    assert.equal(made.statusCode, 200, made.body);
    const row = await app.database.db
      .selectFrom('shipments')
      .select('details')
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    const d = parseDetails(row.details).destination;
    assert.equal(d?.localityName, 'Roșu');
    assert.equal(d?.countyName, 'Ilfov');
  });

  it('reports the unmatched address per order in a bulk generation, with the candidates', async () => {
    const bad = await orderIn('Moara', 'SV');
    const good = await orderIn('Suceava', 'SV');
    const res = await owner.post('/api/shipments/bulk', {
      order_ids: [bad.id, good.id],
      courier: 'nomen',
      service: 'std',
    });
    assert.equal(res.statusCode, 202, res.body);
    await app.worker.runUntilIdle();
    const b = (
      await owner.get(`/api/shipments/batches/${res.json<{ batch_id: number }>().batch_id}`)
    ).json<{
      items: { order_id: number; result: string; message: { code: string; text: string } | null }[];
    }>();
    const badItem = b.items.find((i) => i.order_id === bad.id);
    assert.equal(badItem?.result, 'failed');
    assert.equal(badItem?.message?.code, 'address_unmatched');
    assert.match(badItem?.message?.text ?? '', /Bulai \(Suceava\)/);
    assert.equal(b.items.find((i) => i.order_id === good.id)?.result, 'made');
  });

  it('needs no match for a courier without a nomenclature; refuses a locality not in the list', async () => {
    const o = await orderIn('Oriunde', 'XX');
    for (const key of ['plain', 'own']) {
      const m = await matchOf(o.id, key);
      assert.equal(m.status, 'not_needed');
    }
    const made = await owner.post(`/api/orders/${o.id}/shipments`, {
      courier: 'plain',
      service: 'std',
    });
    assert.equal(made.statusCode, 200, made.body);
    // Without a courier: the one the rules give the order (here the default, the own courier).
    const planned = await owner.get(`/api/orders/${o.id}/address-match`);
    assert.equal(planned.statusCode, 200, planned.body);
    assert.deepEqual(planned.json<Match & { courier: string }>().courier, 'own');
    const unknown = await owner.get(`/api/orders/${o.id}/address-match?courier=nope`);
    assert.equal(unknown.statusCode, 400);
    const wrong = await owner.request('PUT', `/api/orders/${o.id}/address-match`, {
      courier: 'nomen',
      locality: { id: 'no-such-id', name: 'Atlantida', county: 'Cluj' },
    });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'locality_not_offered');
    const notNeeded = await owner.request('PUT', `/api/orders/${o.id}/address-match`, {
      courier: 'plain',
      locality: { id: null, name: 'Cluj-Napoca', county: 'Cluj' },
    });
    assert.equal(
      notNeeded.json<{ error: { code: string } }>().error.code,
      'address_match_not_needed',
    );
  });
});
