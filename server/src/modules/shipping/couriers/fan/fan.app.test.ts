import assert from 'node:assert/strict';
import { startCourierApp } from '../../../../../test/support/courier-app.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
} from '../../../../../test/support/courier-fixtures.js';
import { createOrder } from '../../../../../test/support/factories.js';
import type { ownerClient, startTestApp } from '../../../../../test/support/test-app.js';
import type { ShipmentOut } from '../../shipping.schema.js';

// The whole FAN path through the app — courier account, AWB, label, cancel, tracking job —
// against the local server of recorded FAN answers (FAN itself cannot be reached from here).

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const AUTH = { authorization: 'Bearer 48944740|tokenUnu' };

/** A moment as FAN writes it: Bucharest local time, no zone. */
const fanTime = (ms: number) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Bucharest',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(ms);

describe('FAN Courier through the app: account, AWB, label, cancel, tracking', () => {
  let fx: FixtureServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;

  before(async () => {
    ({ fx, app, owner } = await startCourierApp('fan', {
      name: 'FAN Cluj',
      credentials: { username: 'magazin', password: 'parola-test', client_id: '7032158' },
    }));
  });
  after(async () => {
    await app.cleanup();
    await fx.close();
  });

  const generate = async (orderId: number) => {
    const res = await owner.post(`/api/orders/${orderId}/shipments`, {
      courier: 'fan',
      service: 'Standard',
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ShipmentOut>();
  };
  const made = (awb: number) => ({
    request: { method: 'POST', path: '/intern-awb', headers: AUTH },
    response: { json: { response: [{ awbNumber: awb, tariff: 18.62, errors: null }] } },
  });

  it('generates a COD AWB, prints FAN label, cancels it; the next AWB is tracked to delivered', async () => {
    const order = await createOrder(owner);
    // Before the first AWB, FAN's localities of the county are read (and cached) to match the
    // recipient's place to FAN's spelling.
    const nomenclature = ['counties', 'localities'].map((n) => loadFixture(dir, n));
    fx.serve(loadFixture(dir, 'login'), ...nomenclature, made(2150000000011));
    const s = await generate(order.id);
    assert.equal(s.awb, '2150000000011');
    assert.equal(s.tracking_url, 'https://www.fancourier.ro/awb-tracking/?tracking=2150000000011');
    // The login is the sealed one, and the AWB request is the order in FAN's words.
    expectRequest(fx.requests[0], loadFixture(dir, 'login').request);
    nomenclature.forEach((f, i) => expectRequest(fx.requests[1 + i], f.request));
    const sent = fx.requests[3]?.json as {
      clientId: number;
      shipments: {
        info: Record<string, unknown>;
        recipient: { name: string; address: Record<string, string> };
      }[];
    };
    assert.equal(sent.clientId, 7032158);
    const [one] = sent.shipments;
    assert.equal(one?.info.service, 'Cont Colector');
    assert.equal(one?.info.cod, 114.8);
    assert.equal(one?.info.costCenter, `${order.id}-1`);
    assert.equal(one?.recipient.name, 'Maria Popescu');
    assert.deepEqual(
      [one?.recipient.address.county, one?.recipient.address.locality],
      ['Cluj', 'Cluj-Napoca'],
    );

    const labelFx = {
      request: {
        method: 'GET',
        path: '/awb/label',
        headers: AUTH,
        query: {
          clientId: '7032158',
          'awbs[]': ['2150000000011'],
          language: 'ro',
          pdf: '1',
          format: 'A4',
        },
      },
      response: { headers: { 'content-type': 'application/pdf' }, file: 'label.pdf' },
      dir,
    };
    fx.serve(labelFx);
    const label = await owner.get(`/api/shipments/labels?ids=${s.id}&format=a4x4`);
    assert.equal(label.statusCode, 200, label.body);
    assert.equal(label.headers['content-type'], 'application/pdf');
    assert.equal(label.rawPayload.subarray(0, 5).toString(), '%PDF-');
    expectRequest(fx.requests[4], labelFx.request);

    fx.serve(loadFixture(dir, 'cancel'));
    const cancel = await owner.post(`/api/shipments/${s.id}/cancel`);
    assert.equal(cancel.statusCode, 200, cancel.body);
    assert.equal(cancel.json<ShipmentOut>().state, 'cancelled');
    expectRequest(fx.requests[5], loadFixture(dir, 'cancel').request);

    fx.serve(made(2150000000022));
    const again = await generate(order.id);
    assert.equal(again.awb, '2150000000022');
    assert.equal(
      (fx.requests[6]?.json as typeof sent).shipments[0]?.info.costCenter,
      `${order.id}-2`,
    );

    const t0 = Date.now() + 2000; // FAN's events come after the AWB was made
    const events = [
      ['C0', 'Expeditie ridicata', t0],
      ['H10', 'Expeditie in tranzit spre depozitul de destinatie', t0 + 1000],
      ['S2', 'Livrat', t0 + 2000],
    ] as const;
    fx.serve({
      request: {
        method: 'GET',
        path: '/reports/awb/tracking',
        headers: AUTH,
        query: { clientId: '7032158', 'awb[]': ['2150000000022'], language: 'ro' },
      },
      response: {
        json: {
          status: 'success',
          data: [
            {
              awbNumber: '2150000000022',
              events: events.map(([id, name, at]) => ({
                id,
                name,
                location: 'Cluj',
                date: fanTime(at),
              })),
            },
          ],
        },
      },
    });
    await app.database.db
      .updateTable('shipments')
      .set({ next_track_at: Date.now() - 1 })
      .where('id', '=', again.id)
      .execute();
    assert.ok((await app.services.shipmentTracker.enqueueDue()) >= 1);
    await app.worker.runUntilIdle();
    const tracked = (await owner.get(`/api/shipments/${again.id}`)).json<ShipmentOut>();
    assert.equal(tracked.status, 'delivered');
    assert.deepEqual(
      tracked.events.map((e) => `${e.status}:${e.code}`),
      ['created:AWB', 'handed_over:C0', 'in_transit:H10', 'delivered:S2'],
    );
    // One login served the whole session: the token was cached.
    assert.equal(fx.requests.filter((r) => r.path === '/login').length, 1);
    assert.deepEqual(fx.pending(), []);
  });
});
