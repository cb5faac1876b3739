import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPacker } from '../../../test/support/factories.js';
import { insertStoreOrder } from '../../../test/support/distribution.js';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { localDayOf } from '../../shared/local-days.js';
import { EMPTY_SCHEDULE, WEEKDAYS } from '../packers/packers.schema.js';
import { localParts } from '../penalties/working-time.js';
import { packersReport } from './queries/packers.js';
import { refreshRollups } from './rollup/rebuild.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const num = (v: number | string | null) => (v === null ? null : Number(v));

/**
 * The packing facts filled by the real write paths (station confirm, scan to packed, the
 * owner's override), and the report counting them.
 */
describe('per-packer report through the station', () => {
  let app: App;
  let owner: Client & { accountId: number };
  let timeZone = '';
  const stations: Record<string, { id: number; station: Client }> = {};

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    await owner.request('PUT', '/api/distribution/settings', {
      store_id: null,
      strategy: 'least-loaded',
      enabled: false,
    });
    const account = await app.database.db
      .selectFrom('accounts')
      .select('timezone')
      .where('id', '=', owner.accountId)
      .executeTakeFirstOrThrow();
    timeZone = account.timezone;
    // Bogdan works only on a weekday two days from today: none of this test is his working time.
    const today = localParts(Date.now(), timeZone);
    const todayIndex =
      (new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7;
    const offDay = WEEKDAYS[(todayIndex + 2) % 7] ?? 'mon';
    const shifts = { ...EMPTY_SCHEDULE, [offDay]: [{ start: '00:00', end: '23:59' }] };
    for (const [name, extra] of [
      ['Ana', {}],
      ['Bogdan', { shifts }],
    ] as const) {
      const p = await createPacker(owner, { name, pin: '123412', ...extra });
      const station = new Client(app);
      const res = await station.post('/api/auth/packer-login', {
        station_code: p.station_code,
        username: p.username,
        pin: '123412',
      });
      assert.equal(res.statusCode, 200, res.body);
      stations[name] = { id: p.id, station };
    }
  });
  after(() => app.cleanup());

  const assignments = (orderId: number) =>
    app.database.db
      .selectFrom('assignments')
      .select([
        'packer_id',
        'assigned_at',
        'confirmed_at',
        'packed_at',
        'confirm_work_ms',
        'pack_work_ms',
        'ended_at',
        'override',
      ]) // prettier-ignore
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          packer_id: Number(r.packer_id),
          assigned_at: Number(r.assigned_at),
          confirmed_at: num(r.confirmed_at),
          packed_at: num(r.packed_at),
          confirm_work_ms: num(r.confirm_work_ms),
          pack_work_ms: num(r.pack_work_ms),
          ended_at: num(r.ended_at),
          override: Number(r.override),
        })),
      );

  it('fills the facts at confirm and at the last scan, and the report counts them', async () => {
    const ana = stations.Ana;
    const bogdan = stations.Bogdan;
    assert.ok(ana && bogdan);
    const ok = (r: { statusCode: number; body: string }) => assert.equal(r.statusCode, 200, r.body);

    // Ana (no schedule: always at work) packs an order of 2 + 1 units.
    const first = await insertStoreOrder(app, owner.accountId, null, {
      items: [{ sku: 'TRC-001', quantity: 2 }, { sku: 'CAN-200' }],
    });
    ok(await owner.post(`/api/orders/${first}/reassign`, { packer_id: ana.id }));
    ok(await ana.station.post(`/api/orders/${first}/confirm`));
    for (const code of ['TRC-001', 'TRC-001', 'CAN-200'])
      ok(await ana.station.post(`/api/station/orders/${first}/scan`, { code }));
    const [a] = await assignments(first);
    assert.ok(a && a.confirmed_at !== null && a.packed_at !== null);
    assert.equal(a.confirm_work_ms, a.confirmed_at - a.assigned_at);
    assert.equal(a.pack_work_ms, a.packed_at - a.confirmed_at);

    // Bogdan, off shift today, confirms: no working time; the owner then overrides to Ana.
    const second = await insertStoreOrder(app, owner.accountId, null, {
      items: [{ sku: 'TRC-001' }],
    });
    ok(await owner.post(`/api/orders/${second}/reassign`, { packer_id: bogdan.id }));
    ok(await bogdan.station.post(`/api/orders/${second}/confirm`));
    ok(
      await owner.post(`/api/orders/${second}/reassign`, {
        packer_id: ana.id,
        override: true,
        reason: 'Bogdan left early',
      }),
    );
    ok(await ana.station.post(`/api/station/orders/${second}/scan`, { code: 'TRC-001' }));
    const [b, c] = await assignments(second);
    assert.ok(b && c);
    assert.deepEqual([b.confirm_work_ms, b.packed_at, b.override], [0, null, 0]);
    assert.ok(b.ended_at !== null);
    assert.deepEqual([c.override, c.confirm_work_ms, c.confirmed_at], [1, 0, c.assigned_at]);
    assert.equal(c.pack_work_ms, (c.packed_at ?? 0) - (c.confirmed_at ?? 0));

    const day = localDayOf(Date.now(), timeZone);
    await refreshRollups(app.database.db, owner.accountId, timeZone);
    const r = await packersReport(app.database.db, {
      accountId: owner.accountId,
      timeZone,
      currency: 'RON',
      from: localDayOf(Number(a.assigned_at), timeZone),
      to: day,
      storeId: null,
      courier: null,
    });
    const row = (id: number) => r.packers.find((p) => p.packer_id === id);
    const anaRow = row(ana.id);
    const bogdanRow = row(bogdan.id);
    assert.deepEqual(
      [anaRow?.assigned, anaRow?.confirmed, anaRow?.packed, anaRow?.items_packed],
      [2, 2, 2, 4],
    );
    assert.deepEqual(
      [bogdanRow?.assigned, bogdanRow?.confirmed, bogdanRow?.packed, bogdanRow?.moved_away],
      [1, 1, 0, 1],
    );
    // His wait was off shift: zero minutes of work.
    assert.equal(bogdanRow?.to_confirm.median_work, 0);
    assert.equal(
      r.time_to_pack.reduce((s, b) => s + b.count, 0),
      2,
    );
  });
});
