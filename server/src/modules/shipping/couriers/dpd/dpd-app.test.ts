import assert from 'node:assert/strict';
import { startCourierApp } from '../../../../../test/support/courier-app.js';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
} from '../../../../../test/support/courier-fixtures.js';
import { createOrder } from '../../../../../test/support/factories.js';
import type { ownerClient, startTestApp } from '../../../../../test/support/test-app.js';
import type { ShipmentOut } from '../../shipping.schema.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(DIR, name);
const LOGIN = { userName: 'magazin-dpd', password: 'parola-dpd', language: 'RO' };

describe('DPD Romania through the app: account, AWB, tracking, label, cancel', () => {
  let fx: FixtureServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  const generate = async (orderId: number) => {
    const res = await owner.post(`/api/orders/${orderId}/shipments`, { courier: 'dpd' });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ShipmentOut>();
  };
  const made = (id: string) => ({ json: { id, parcels: [{ id }] } });

  before(async () => {
    ({ fx, app, owner } = await startCourierApp('dpd', {
      name: 'DPD principal',
      credentials: { username: 'magazin-dpd', password: 'parola-dpd', client_id: '50123' },
    }));
  });
  after(async () => {
    await app.cleanup();
    await fx.close();
  });

  it('finds the site, makes a COD AWB, tracks it to delivered, prints its label; cancels another', async () => {
    const o = await createOrder(owner);
    // Before the first AWB, DPD's sites of the order's county are read (and cached), and the
    // recipient's place is matched to DPD's site id.
    const sites = {
      request: {
        method: 'POST',
        path: '/location/site',
        json: { ...LOGIN, countryId: 642, region: 'Cluj' },
      },
      response: {
        json: {
          sites: [
            {
              id: 68134,
              type: 'MUN.',
              name: 'CLUJ-NAPOCA',
              municipality: 'CLUJ-NAPOCA',
              region: 'CLUJ',
              postCode: '400001',
            },
            {
              id: 68200,
              type: 'COM.',
              name: 'FLORESTI',
              municipality: 'FLORESTI',
              region: 'CLUJ',
              postCode: '407280',
            },
          ],
        },
      },
    };
    fx.serve(sites, {
      request: { method: 'POST', path: '/shipment' },
      response: made('80512345678'),
    });
    const s = await generate(o.id);
    assert.equal(s.awb, '80512345678', JSON.stringify(s));
    assert.equal(s.tracking_url, 'https://tracking.dpd.ro/?shipmentNumber=80512345678&language=ro');
    expectRequest(fx.requests[0], sites.request);
    const sent = fx.requests[1]?.json as {
      ref1: string;
      recipient: { address: { siteId: number } };
      service: { additionalServices: { cod: { amount: number } } };
      sender: unknown;
    } & typeof LOGIN;
    assert.deepEqual(
      [sent.userName, sent.password, sent.ref1, sent.recipient.address.siteId, sent.sender],
      ['magazin-dpd', 'parola-dpd', `${o.id}-1`, 68134, { clientId: 50123 }],
    );
    assert.equal(sent.service.additionalServices.cod.amount, 114.8);

    const t = Date.now() + 60_000;
    fx.serve({
      request: {
        method: 'POST',
        path: '/track',
        json: { ...LOGIN, parcels: [{ id: '80512345678' }], lastOperationOnly: false },
      },
      response: {
        json: {
          parcels: [
            {
              parcelId: '80512345678',
              operations: [
                { dateTime: new Date(t).toISOString(), operationCode: 1, description: 'Preluat' },
                {
                  dateTime: new Date(t + 60_000).toISOString(),
                  operationCode: -14,
                  description: 'Livrat',
                },
              ],
            },
          ],
        },
      },
    });
    await app.database.db
      .updateTable('shipments')
      .set({ next_track_at: Date.now() - 1 })
      .where('id', '=', s.id)
      .execute();
    assert.ok((await app.services.shipmentTracker.enqueueDue()) >= 1);
    await app.worker.runUntilIdle();
    expectRequest(fx.requests.at(-1), {
      method: 'POST',
      path: '/track',
      json: { ...LOGIN, parcels: [{ id: '80512345678' }], lastOperationOnly: false },
    });
    const tracked = (await owner.get(`/api/shipments/${s.id}`)).json<ShipmentOut>();
    assert.equal(tracked.status, 'delivered');
    assert.deepEqual(
      tracked.events.map((e) => `${e.status}:${e.code}`),
      ['created:AWB', 'handed_over:1', 'delivered:-14'],
    );

    const label = fixture('label-a6');
    label.request.json = {
      ...LOGIN,
      paperSize: 'A6',
      format: 'pdf',
      parcels: [{ parcel: { id: '80512345678' } }],
    };
    fx.serve(label);
    const pdf = await owner.get(`/api/shipments/labels?ids=${s.id}&format=a6`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    expectRequest(fx.requests.at(-1), label.request);

    // The second order is in the same county: the cached sites serve it, no new search.
    const other = await createOrder(owner);
    fx.serve({
      request: { method: 'POST', path: '/shipment' },
      response: made('80512345699'),
    });
    const second = await generate(other.id);
    fx.serve({ request: { method: 'POST', path: '/shipment/cancel' }, response: { json: {} } });
    const cancelled = await owner.post(`/api/shipments/${second.id}/cancel`, {});
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json<ShipmentOut>().status, 'cancelled');
    expectRequest(fx.requests.at(-1), {
      method: 'POST',
      path: '/shipment/cancel',
      json: { ...LOGIN, shipmentId: '80512345699', comment: 'Anulat din ecomdir' },
    });
    assert.deepEqual(fx.pending(), []);
  });
});
