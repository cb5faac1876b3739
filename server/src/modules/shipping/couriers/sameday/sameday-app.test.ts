import assert from 'node:assert/strict';
import { startCourierApp } from '../../../../../test/support/courier-app.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
  type RecordedRequest,
} from '../../../../../test/support/courier-fixtures.js';
import { createOrder } from '../../../../../test/support/factories.js';
import type { ownerClient, startTestApp } from '../../../../../test/support/test-app.js';
import type { ShipmentOut } from '../../shipping.schema.js';

// Through the whole app, against Sameday's recorded answers served locally: an account with
// credentials, an AWB for an order (the default pickup point read from Sameday), its label,
// its tracking job, and a cancel.

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(dir, name);

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

describe('Sameday through the app', () => {
  let fx: FixtureServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  const formOf = (r: RecordedRequest | undefined) => new Map(r?.form ?? []);
  const generate = async (orderId: number) => {
    const res = await owner.post(`/api/orders/${orderId}/shipments`, {
      courier: 'sameday',
      service: '7',
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ShipmentOut>();
  };

  before(async () => {
    ({ fx, app, owner } = await startCourierApp(
      'sameday',
      {
        name: 'Sameday principal',
        credentials: { username: 'magazin.ro', password: 'parola-secreta' },
      },
      SENDER,
    ));
  });
  after(async () => {
    await app.cleanup();
    await fx.close();
  });

  it('generates an AWB with COD, prints its label, and tracking moves the order to delivered', async () => {
    const o = await createOrder(owner);
    // Before the first AWB, Sameday's cities of the order's county are read (and cached), and
    // the recipient's city is matched to Sameday's id.
    const auth = { 'x-auth-token': 'tok-1' };
    const page = { page: '1', countPerPage: '500' };
    const nomenclature = [
      {
        request: { method: 'GET', path: '/api/geolocation/county', query: page, headers: auth },
        response: {
          json: {
            data: [
              { id: 12, name: 'Călărași', code: 'CL' },
              { id: 13, name: 'Cluj', code: 'CJ' },
            ],
            total: 2,
            currentPage: 1,
            pages: 1,
            perPage: 500,
          },
        },
      },
      {
        request: {
          method: 'GET',
          path: '/api/geolocation/city',
          query: { ...page, county: '13' },
          headers: auth,
        },
        response: {
          json: {
            data: [
              {
                id: 1301,
                name: 'Cluj-Napoca',
                county: { id: 13, name: 'Cluj', code: 'CJ' },
                postalCode: '400001',
                extraKM: 0,
                village: '',
              },
              {
                id: 1302,
                name: 'Florești',
                county: { id: 13, name: 'Cluj', code: 'CJ' },
                postalCode: '407280',
                extraKM: 0,
                village: '',
              },
            ],
            total: 2,
            currentPage: 1,
            pages: 1,
            perPage: 500,
          },
        },
      },
    ];
    fx.serve(fixture('login'), ...nomenclature, fixture('pickup-points'), fixture('create-cod'));
    const s = await generate(o.id);
    assert.equal(s.state, 'made', JSON.stringify(s.messages));
    assert.equal(s.awb, '1SDY24000011');
    assert.equal(s.courier_name, 'Sameday');
    const [login, counties, cities, points, create] = fx.requests;
    nomenclature.forEach((f, i) => expectRequest([counties, cities][i], f.request));
    assert.equal(login?.headers['x-auth-username'], 'magazin.ro');
    assert.equal(points?.path, '/api/client/pickup-points');
    assert.equal(create?.headers['x-auth-token'], 'tok-1');
    const form = formOf(create);
    assert.equal(form.get('clientInternalReference'), `${o.id}-1`);
    assert.equal(form.get('cashOnDelivery'), '114.80');
    assert.equal(form.get('service'), '7');
    assert.equal(form.get('pickupPoint'), '101');
    assert.equal(form.get('contactPerson'), '501');
    assert.equal(form.get('awbRecipient[city]'), '1301');

    fx.serve(fixture('label-a6'));
    const label = await owner.get(`/api/shipments/labels?ids=${s.id}&format=a6`);
    assert.equal(label.statusCode, 200, label.body);
    assert.match(String(label.headers['content-type']), /application\/pdf/);
    assert.equal(label.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const zpl = await owner.get(`/api/shipments/labels?ids=${s.id}&format=zpl`);
    assert.notEqual(zpl.statusCode, 500, 'ZPL is not a Sameday format: never a 500');

    fx.serve(fixture('status-delivered'));
    await app.database.db
      .updateTable('shipments')
      .set({ next_track_at: Date.now() - 1 })
      .where('id', '=', s.id)
      .execute();
    assert.ok((await app.services.shipmentTracker.enqueueDue()) >= 1);
    await app.worker.runUntilIdle();
    const tracked = (await owner.get(`/api/shipments/${s.id}`)).json<ShipmentOut>();
    assert.equal(tracked.status, 'delivered');
    assert.deepEqual(
      tracked.events.map((e) => `${e.status}:${e.code}`),
      [
        'created:AWB',
        'created:1',
        'handed_over:4',
        'handed_over:78',
        'in_transit:7',
        'out_for_delivery:33',
        'delivered:9',
      ],
    );
    const order = await owner.get(`/api/orders/${o.id}`);
    assert.equal(order.json<{ status: string }>().status, 'delivered');
  });

  it('cancels an AWB at Sameday; the order goes back to new', async () => {
    const o = await createOrder(owner);
    const sent = fx.requests.length;
    fx.serve(fixture('create-prepaid'));
    const s = await generate(o.id);
    assert.equal(s.awb, '1SDY24000012');
    assert.equal(fx.requests.length - sent, 1, 'the token and the pickup point were reused');
    fx.serve({
      request: { method: 'DELETE', path: '/api/awb/1SDY24000012' },
      response: { status: 204, text: '' },
    });
    const c = await owner.post(`/api/shipments/${s.id}/cancel`);
    assert.equal(c.statusCode, 200, c.body);
    assert.equal(c.json<ShipmentOut>().state, 'cancelled');
    const del = fx.requests.at(-1);
    assert.equal(`${del?.method} ${del?.path}`, 'DELETE /api/awb/1SDY24000012');
    assert.equal(del?.headers['x-auth-token'], 'tok-1');
    assert.deepEqual(fx.pending(), []);
    const order = await owner.get(`/api/orders/${o.id}`);
    assert.equal(order.json<{ status: string }>().status, 'new');
  });

  it('a create Sameday refused for now (429) stays pending; the retry looks it up and makes one AWB', async () => {
    const o = await createOrder(owner);
    fx.serve({
      request: { method: 'POST', path: '/api/awb' },
      response: { status: 429, json: { code: 429, message: 'Prea multe cereri.' } },
    });
    const first = await generate(o.id);
    assert.equal(first.state, 'pending');
    assert.deepEqual(first.messages, [{ code: 'courier_said', text: 'Prea multe cereri.' }]);
    const sent = fx.requests.length;
    fx.serve(fixture('create-locker'));
    const retry = await generate(o.id);
    assert.equal(retry.state, 'made');
    assert.equal(retry.id, first.id);
    assert.equal(retry.awb, '1SDY24000013');
    assert.equal(fx.requests.length - sent, 1, 'one create, no second AWB');
    assert.equal(formOf(fx.requests.at(-1)).get('clientInternalReference'), `${o.id}-1`);
  });
});
