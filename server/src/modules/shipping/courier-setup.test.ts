import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder } from '../../../test/support/factories.js';
import { type PlatformScript, platformCourier } from '../../../test/support/scripted-courier.js';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { parseDetails } from './shipment-input.js';
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

const LOCKERS = [
  {
    id: 'EB-CJ-1',
    name: 'easybox Kaufland Mărăști',
    address: 'Str. Aurel Vlaicu 3',
    city: 'Cluj-Napoca',
    county: 'Cluj',
    postcode: '400582',
    maxSizeCm: { length: 60, width: 40, height: 45 },
    maxWeightGrams: 20_000,
  },
  {
    id: 'EB-B-7',
    name: 'easybox Piața Romană',
    address: 'Bd. Magheru 1',
    city: 'București',
    county: 'București',
    postcode: null,
    maxSizeCm: null,
    maxWeightGrams: null,
  },
];

type Err = { error: { code: string } };

describe('courier platform: logins, Test connection, estimates, options, labels, lockers', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let script: PlatformScript;
  let accountId = 0;

  before(async () => {
    const courier = platformCourier();
    script = courier.script;
    app = await startTestApp({}, { couriers: [courier] });
    owner = await ownerClient(app);
    const res = await owner.request('PUT', '/api/shipping/settings', {
      sender_addresses: [SENDER],
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app.cleanup());

  it('lists each courier with its login fields and the optional operations it has', async () => {
    const res = await owner.get('/api/shipping/couriers');
    assert.equal(res.statusCode, 200, res.body);
    type C = {
      key: string;
      credential_fields: { key: string; secret: boolean }[];
      operations: Record<string, boolean>;
      capabilities: Record<string, unknown>;
    };
    const items = res.json<{ items: C[] }>().items;
    const own = items.find((c) => c.key === 'own');
    const p = items.find((c) => c.key === 'platform');
    assert.deepEqual(own?.credential_fields, []);
    assert.equal(own?.operations.connect, false);
    assert.deepEqual(
      p?.credential_fields.map((f) => `${f.key}:${f.secret}`),
      ['username:false', 'password:true'],
    );
    assert.deepEqual(p?.operations, {
      connect: true,
      lockers: true,
      localities: false,
      estimate: true,
      cod_settlements: false,
    });
    assert.equal(p?.capabilities.saturday, true);
    assert.equal(own?.capabilities.saturday, false);
  });

  it('adds a login (a required field missing is refused), edits it keeping the stored secret, and passes its options', async () => {
    const missing = await owner.post('/api/shipping/courier-accounts', {
      courier: 'platform',
      name: 'Cont',
      credentials: { username: 'magazin' },
    });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json<Err>().error.code, 'courier_credentials_missing');

    const add = await owner.post('/api/shipping/courier-accounts', {
      courier: 'platform',
      name: 'Cont principal',
      credentials: { username: 'magazin', password: 'parola-secreta-1' },
      options: { pickup_point: 'pp0' },
    });
    assert.equal(add.statusCode, 201, add.body);
    const added = add.json<{ id: number; credential_keys: string[]; options: object }>();
    accountId = added.id;
    assert.deepEqual(added.credential_keys, ['password', 'username']);
    assert.deepEqual(added.options, { pickup_point: 'pp0' });
    assert.doesNotMatch(add.body, /parola-secreta/);

    // The password box left empty: the stored one stays; the username and options change.
    const edit = await owner.patch(`/api/shipping/courier-accounts/${accountId}`, {
      name: 'Cont Cluj',
      credentials: { username: 'magazin2', password: '' },
      options: { pickup_point: 'pp1', service: 'std' },
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal(edit.json<{ name: string }>().name, 'Cont Cluj');
    assert.doesNotMatch(edit.body, /parola-secreta/);

    const test = await owner.post(`/api/shipping/courier-accounts/${accountId}/test`);
    assert.equal(test.statusCode, 200, test.body);
    const ctx = script.contexts.at(-1);
    assert.deepEqual(ctx?.credentials, { username: 'magazin2', password: 'parola-secreta-1' });
    assert.deepEqual(ctx?.options, { pickup_point: 'pp1', service: 'std' });

    const other = await ownerClient(app, 'Alt magazin');
    const foreign = await other.patch(`/api/shipping/courier-accounts/${accountId}`, {
      name: 'x',
    });
    assert.equal(foreign.statusCode, 404);
  });

  it("Test connection: the courier's services and pickup points, its refusal as messages, unreachable as a message", async () => {
    const ok = await owner.post(`/api/shipping/courier-accounts/${accountId}/test`);
    assert.deepEqual(ok.json(), {
      ok: true,
      services: [
        { id: 'std', name: 'Standard', locker: false },
        { id: 'box', name: 'Locker', locker: true },
      ],
      pickup_points: [{ id: 'pp1', name: 'Depozit', address: 'Str. Fabricii 3', is_default: true }],
      messages: [],
    });

    const before = script.connectAnswer;
    script.connectAnswer = {
      ok: false,
      retryable: false,
      messages: [{ code: 'credentials_refused', text: 'Invalid username or password' }],
    };
    const refused = await owner.post(`/api/shipping/courier-accounts/${accountId}/test`);
    script.connectAnswer = before;
    assert.equal(refused.statusCode, 200);
    assert.deepEqual(refused.json<{ ok: boolean; messages: unknown }>().messages, [
      { code: 'credentials_refused', text: 'Invalid username or password' },
    ]);

    script.unreachable = true;
    const down = await owner.post(`/api/shipping/courier-accounts/${accountId}/test`);
    assert.equal(down.json<{ ok: boolean }>().ok, false);
    assert.deepEqual(down.json<{ messages: unknown }>().messages, [
      { code: 'courier_unreachable', text: '' },
    ]);

    const own = await owner.post('/api/shipping/courier-accounts', {
      courier: 'own',
      name: 'Propriu',
      credentials: {},
    });
    const none = await owner.post(
      `/api/shipping/courier-accounts/${own.json<{ id: number }>().id}/test`,
    );
    assert.equal(none.statusCode, 409);
    assert.equal(none.json<Err>().error.code, 'courier_operation_unsupported');
    const kept = await owner.get('/api/shipping/courier-accounts');
    const mine = kept.json<{ items: { id: number; options: object }[] }>().items;
    assert.deepEqual(mine.find((a) => a.id === accountId)?.options, {
      pickup_point: 'pp1',
      service: 'std',
      locker_services: 'box',
    });
  });

  it('estimates the price per courier with a login, with the login’s default service', async () => {
    const o = await createOrder(owner);
    const res = await owner.get(`/api/orders/${o.id}/shipping-estimates`);
    assert.equal(res.statusCode, 200, res.body);
    // The own courier has no estimate; the scripted one: 1 kg (default weight) × 5.00 RON.
    assert.deepEqual(res.json(), {
      items: [
        {
          courier: 'platform',
          courier_name: 'Scripted platform',
          service: 'std',
          amount: '5.00',
          currency: 'RON',
          messages: [],
        },
      ],
    });
    assert.equal(script.shipments.at(-1)?.recipient.city, 'Cluj-Napoca');
    const missing = await owner.get('/api/orders/999999/shipping-estimates');
    assert.equal(missing.statusCode, 404);
  });

  it('generate options (box size, Saturday, open package) reach the courier and the row; refused where not offered', async () => {
    const o = await createOrder(owner);
    const res = await owner.post(`/api/orders/${o.id}/shipments`, {
      courier: 'platform',
      service: 'std',
      parcels: 2,
      weight_kg: '3.5',
      size_cm: { length: 40, width: 30, height: 20 },
      saturday: true,
      open_package: true,
    });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json<ShipmentOut>();
    assert.equal(s.state, 'made');
    assert.equal(s.parcels, 2);
    const sent = script.shipments.at(-1);
    assert.deepEqual(sent?.sizeCm, { length: 40, width: 30, height: 20 });
    assert.equal(sent?.saturday, true);
    assert.equal(sent?.openPackage, true);
    assert.equal(sent?.weightGrams, 3500);
    const row = await app.database.db
      .selectFrom('shipments')
      .select('details')
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    assert.equal(parseDetails(row.details).saturday, true);

    const o2 = await createOrder(owner);
    const refused = await owner.post(`/api/orders/${o2.id}/shipments`, {
      courier: 'own',
      saturday: true,
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json<Err>().error.code, 'option_not_offered');
  });

  it("prints ecomdir's own label for a format the courier lacks, and the courier's own for one it has", async () => {
    const o = await createOrder(owner);
    const s = (
      await owner.post(`/api/orders/${o.id}/shipments`, { courier: 'platform', service: 'std' })
    ).json<ShipmentOut>();
    const zpl = await owner.get(`/api/shipments/labels?ids=${s.id}&format=zpl`);
    assert.equal(zpl.statusCode, 200, zpl.body);
    assert.equal(zpl.headers['content-type'], 'application/zpl');
    assert.ok(zpl.body.includes(s.awb ?? 'x'), 'our label carries the courier’s AWB');
    assert.ok(zpl.body.includes('Scripted platform'), 'and the courier’s name');
    // a6 is the scripted courier's own: its stand-in document lists the AWBs.
    const a6 = await owner.get(`/api/shipments/labels?ids=${s.id}&format=a6`);
    assert.equal(a6.body, s.awb);
  });

  it('caches the lockers, searches them, and checks a locker’s limits before the AWB', async () => {
    script.lockerList = LOCKERS;
    const r = await owner.post('/api/shipping/lockers/refresh', { courier: 'platform' });
    assert.deepEqual(r.json(), { ok: true, count: 2, messages: [] });
    const found = await owner.get('/api/shipping/lockers?courier=platform&q=cluj');
    type L = { items: { id: string; max_weight_kg: string | null }[]; refreshed_at: string };
    assert.deepEqual(
      found.json<L>().items.map((l) => [l.id, l.max_weight_kg]),
      [['EB-CJ-1', '20.000']],
    );
    assert.ok(found.json<L>().refreshed_at);
    const byName = await owner.get(
      `/api/shipping/lockers?courier=platform&q=${encodeURIComponent('Romană')}`,
    );
    assert.deepEqual(
      byName.json<L>().items.map((l) => l.id),
      ['EB-B-7'],
    );
    const other = await ownerClient(app, 'Alt magazin 2');
    const theirs = await other.get('/api/shipping/lockers?courier=platform&q=');
    assert.equal(theirs.json<L>().items.length, 0, 'lockers are cached per account');

    const make = async (body: object) =>
      owner.post(`/api/orders/${(await createOrder(owner)).id}/shipments`, {
        courier: 'platform',
        service: 'box',
        ...body,
      });
    const ok = await make({ locker_id: 'EB-CJ-1', size_cm: { length: 30, width: 50, height: 20 } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(script.shipments.at(-1)?.locker, {
      id: 'EB-CJ-1',
      name: 'easybox Kaufland Mărăști',
    });
    const big = await make({
      locker_id: 'EB-CJ-1',
      size_cm: { length: 70, width: 30, height: 20 },
    });
    assert.equal(big.statusCode, 400);
    assert.equal(big.json<Err>().error.code, 'parcel_too_large_for_locker');
    const heavy = await make({ locker_id: 'EB-CJ-1', weight_kg: '20.5' });
    assert.equal(heavy.json<Err>().error.code, 'parcel_too_large_for_locker');
    // 'box' is a locker service (Test connection remembered it): a locker is required.
    const none = await make({});
    assert.equal(none.statusCode, 400);
    assert.equal(none.json<Err>().error.code, 'locker_required');
    const unknown = await make({ locker_id: 'NOPE' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json<Err>().error.code, 'locker_unknown');
    // A locker without limits takes what comes.
    const free = await make({ locker_id: 'EB-B-7', weight_kg: '30' });
    assert.equal(free.statusCode, 200, free.body);
  });

  it('the periodic tick queues a refresh for a stale list only, and the job reads it again', async () => {
    const setup = app.services.shipping.setup;
    assert.equal(await setup.enqueueStaleLockers(), 0, 'refreshed a moment ago');
    script.lockerList = [LOCKERS[0]!];
    assert.equal(await setup.enqueueStaleLockers(Date.now() + 25 * 3600_000), 1);
    await app.worker.runUntilIdle();
    const all = await owner.get('/api/shipping/lockers?courier=platform');
    assert.deepEqual(
      all.json<{ items: { id: string }[] }>().items.map((l) => l.id),
      ['EB-CJ-1'],
    );
  });
});
