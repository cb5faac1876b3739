import assert from 'node:assert/strict';
import { startCourierApp, CLUJ_SENDER } from '../../../../../test/support/courier-app.js';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type FixtureServer, loadFixture } from '../../../../../test/support/courier-fixtures.js';
import { createOrder } from '../../../../../test/support/factories.js';
import type { ownerClient, startTestApp } from '../../../../../test/support/test-app.js';
import type { ShipmentOut } from '../../shipping.schema.js';

// GLS end to end through ecomdir: an account's GLS login, an AWB for an order, its tracking
// job, its label and its cancellation — against recorded MyGLS answers served locally.

const DIR = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => loadFixture(DIR, name);

describe('GLS through the app', () => {
  let fx: FixtureServer;
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;

  before(async () => {
    ({ fx, app, owner } = await startCourierApp(
      'gls',
      {
        name: 'GLS Cluj',
        credentials: {
          username: 'magazin@example.ro',
          password: 'parola-gls',
          client_number: '553001234',
        },
      },
      { ...CLUJ_SENDER, postcode: '400620' },
    ));
  });
  after(async () => {
    await app.cleanup();
    await fx.close();
  });

  it('makes the AWB, follows it to delivered, prints its label; a second order is cancelled', async () => {
    const o = await createOrder(owner);
    fx.serve(fixture('create-cod'));
    const res = await owner.post(`/api/orders/${o.id}/shipments`, {
      courier: 'gls',
      service: 'standard',
    });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json<ShipmentOut>();
    assert.deepEqual([s.state, s.awb, s.cod], ['made', '10000001', '114.80']);
    // What went to GLS: our reference (the idempotency key) and the order's COD, in RON.
    const sent = fx.requests.at(-1)?.json as { ParcelList: Record<string, unknown>[] };
    const row = await app.database.db
      .selectFrom('shipments')
      .select('idempotency_key')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    assert.equal(sent.ParcelList[0]?.ClientReference, row.idempotency_key);
    assert.equal(sent.ParcelList[0]?.CODAmount, 114.8);
    assert.equal(sent.ParcelList[0]?.CODReference, o.number);

    fx.serve(fixture('track-delivered'));
    await app.database.db
      .updateTable('shipments')
      .set({ next_track_at: Date.now() - 1 })
      .where('id', '=', s.id)
      .execute();
    assert.ok((await app.services.shipmentTracker.enqueueDue()) >= 1);
    await app.worker.runUntilIdle();
    const tracked = (await owner.get(`/api/shipments/${s.id}`)).json<ShipmentOut>();
    assert.equal(tracked.status, 'delivered');
    assert.ok(tracked.events.some((e) => e.code === '4' && e.status === 'out_for_delivery'));

    fx.serve(fixture('parcel-list'), fixture('label-a6'));
    const pdf = await owner.get(`/api/shipments/labels?ids=${s.id}&format=a6`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  it('a cancellation GLS refuses leaves the AWB in place with GLS words', async () => {
    const o = await createOrder(owner);
    const other = fixture('create-cod');
    fx.serve({
      ...other,
      response: {
        json: {
          PrintLabelsErrorList: [],
          PrintLabelsInfoList: [{ ClientReference: 'x', ParcelId: 70011, ParcelNumber: 10000001 }],
        },
      },
    });
    const s = (
      await owner.post(`/api/orders/${o.id}/shipments`, { courier: 'gls', service: 'standard' })
    ).json<ShipmentOut>();
    assert.equal(s.awb, '10000001');
    fx.serve(fixture('parcel-list'), fixture('cancel-picked-up'));
    const res = await owner.post(`/api/shipments/${s.id}/cancel`, {});
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
    assert.match(res.body, /already been scanned by GLS/);
    fx.serve(fixture('parcel-list'), fixture('cancel'));
    const done = await owner.post(`/api/shipments/${s.id}/cancel`, {});
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json<ShipmentOut>().status, 'cancelled');
  });
});
