import assert from 'node:assert/strict';
import { startCourierApp } from '../../../../../test/support/courier-app.js';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  expectRequest,
  type Fixture,
  type FixtureServer,
  loadFixture,
} from '../../../../../test/support/courier-fixtures.js';
import { createOrder } from '../../../../../test/support/factories.js';
import type { ownerClient, startTestApp } from '../../../../../test/support/test-app.js';
import type { ShipmentOut } from '../../shipping.schema.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(DIR, name);

/** A Bucharest wall-clock time as Cargus writes it ("2026-11-30 12:05:00"). */
const bucharest = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Bucharest',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(ms);

describe('Cargus through the app: account, AWB, tracking, label, cancel', () => {
  let fx: FixtureServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  const generate = async (orderId: number) => {
    const res = await owner.post(`/api/orders/${orderId}/shipments`, { courier: 'cargus' });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ShipmentOut>();
  };

  before(async () => {
    ({ fx, app, owner } = await startCourierApp('cargus', {
      name: 'Cargus principal',
      credentials: {
        subscription_key: 'sub-key-1',
        username: 'magazin',
        password: 'parola-secreta',
        location_id: '201234',
      },
    }));
  });
  after(async () => {
    await app.cleanup();
    await fx.close();
  });

  it('makes a COD AWB, tracks it to delivered, prints its label; cancels another', async () => {
    const o = await createOrder(owner);
    const made = fixture('create-cod');
    // Before the first AWB, Cargus's localities of the order's county are read (and cached), and
    // the recipient's place is matched to Cargus's ids.
    const headers = { 'ocp-apim-subscription-key': 'sub-key-1', authorization: 'Bearer tok-1' };
    const nomenclature: Fixture[] = [
      {
        request: { method: 'GET', path: '/Counties', headers, query: { countryId: '1' } },
        response: {
          json: [
            { CountyId: 6, Name: 'Bistrita-Nasaud', Abbreviation: 'BN' },
            { CountyId: 13, Name: 'Cluj', Abbreviation: 'CJ' },
          ],
        },
      },
      {
        request: {
          method: 'GET',
          path: '/Localities',
          headers,
          query: { countryId: '1', countyId: '13' },
        },
        response: {
          json: [
            { LocalityId: 1301, Name: 'Cluj-Napoca', ParentId: 0, PostalCode: '400001' },
            { LocalityId: 1345, Name: 'Floresti', ParentId: 0, PostalCode: '407280' },
          ],
        },
      },
    ];
    fx.serve(fixture('login'), ...nomenclature, {
      ...made,
      request: { method: 'POST', path: '/Awbs/WithGetAwb' },
    });
    const s = await generate(o.id);
    assert.equal(s.awb, '1062345678', JSON.stringify(s));
    assert.equal(
      s.tracking_url,
      'https://www.cargus.ro/personal/urmareste-coletul/?tracking_number=1062345678',
    );
    expectRequest(fx.requests[0], fixture('login').request);
    nomenclature.forEach((f, i) => expectRequest(fx.requests[1 + i], f.request));
    const sent = fx.requests[3]?.json as Record<string, unknown>;
    const recipient = sent.Recipient as Record<string, unknown>;
    assert.deepEqual(
      [sent.CustomString, sent.CashRepayment, sent.ServiceId, sent.Sender],
      [`${o.id}-1`, 114.8, 34, { LocationId: 201234 }],
    );
    // Matched to Cargus's nomenclature: the ids go with the names.
    assert.deepEqual(
      [recipient.LocalityName, recipient.LocalityId, recipient.CountyId, recipient.Name],
      ['Cluj-Napoca', 1301, 13, 'Maria Popescu'],
    );

    // A tracking job asks Cargus; the events come after the AWB was made.
    const t = Date.now() + 60_000;
    fx.serve({
      request: {
        method: 'GET',
        path: '/AwbTrace/WithRedirect',
        query: { barCode: '["1062345678"]' },
      },
      response: {
        json: [
          {
            Code: '1062345678',
            Event: [
              { Date: bucharest(t), EventId: 1, Description: 'Preluat', LocalityName: 'Cluj' },
              {
                Date: bucharest(t + 60_000),
                EventId: 6,
                Description: 'Confirmat',
                LocalityName: 'Cluj',
              },
            ],
          },
        ],
      },
    });
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
      ['created:AWB', 'handed_over:1', 'delivered:6'],
    );

    const label = fixture('label-a6');
    label.request.query = { ...label.request.query, barCodes: '["1062345678"]' };
    fx.serve(label);
    const pdf = await owner.get(`/api/shipments/labels?ids=${s.id}&format=a6`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    expectRequest(fx.requests.at(-1), label.request);

    const other = await createOrder(owner);
    fx.serve({
      request: { method: 'POST', path: '/Awbs/WithGetAwb' },
      response: { json: [{ BarCode: '1062345699' }] },
    });
    const second = await generate(other.id);
    fx.serve({
      request: { method: 'DELETE', path: '/Awbs', query: { barCode: '1062345699' } },
      response: { json: true },
    });
    const cancelled = await owner.post(`/api/shipments/${second.id}/cancel`, {});
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json<ShipmentOut>().status, 'cancelled');
    expectRequest(fx.requests.at(-1), {
      method: 'DELETE',
      path: '/Awbs',
      query: { barCode: '1062345699' },
      headers: { authorization: 'Bearer tok-1', 'ocp-apim-subscription-key': 'sub-key-1' },
    });
    assert.deepEqual(fx.pending(), []);
  });
});
