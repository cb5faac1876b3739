import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
  startCourierFixtures,
} from '../../../../../test/support/courier-fixtures.js';
import type { LabelData } from '../../labels/label-data.js';
import type { Courier, CourierContext, UnifiedShipment } from '../courier.js';
import { glsCourier } from './index.js';
import { GLS_STATUSES } from './statuses.js';
import { splitStreet } from './mapping.js';

// The GLS adapter against recorded MyGLS exchanges (fixtures/): GLS cannot be reached from
// here; the fixtures follow the documented request and answer shapes.

const NOW = Date.UTC(2026, 10, 30, 8, 0);
const DIR = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => loadFixture(DIR, name);

const CTX: CourierContext = {
  accountId: 1,
  credentials: {
    username: 'magazin@example.ro',
    password: 'parola-gls',
    client_number: '553001234',
  },
  options: {},
};

export const SHIPMENT: UnifiedShipment = {
  reference: 'ed-1-1-a1',
  orderNumber: '1042',
  service: 'standard',
  sender: {
    name: 'Magazinul Ștefan',
    company: null,
    phone: '0264 000 111',
    address1: 'Str. Fabricii 3',
    address2: null,
    city: 'Cluj-Napoca',
    county: 'Cluj',
    postcode: '400620',
    country: 'RO',
  },
  recipient: {
    name: 'Maria Popescu',
    company: null,
    phone: '0722 123 456',
    email: 'maria@example.ro',
    address1: 'Str. Florilor 12',
    address2: 'Bl. A, ap. 4',
    city: 'Cluj-Napoca',
    county: 'CJ',
    postcode: '400001',
    country: 'RO',
  },
  currency: 'RON',
  codMinor: 11480,
  declaredValueMinor: 11480,
  parcels: 1,
  weightGrams: 1000,
  observations: '',
  payer: 'sender',
  sizeCm: null,
  saturday: false,
  openPackage: false,
  locker: null,
  destination: null,
  content: '2× Tricou alb',
};

const label = (awb: string): LabelData => ({
  awb,
  courierName: 'GLS',
  service: 'standard',
  sender: SHIPMENT.sender,
  recipient: SHIPMENT.recipient,
  orderNumber: '1042',
  storeName: 'Magazin',
  codAmount: '114.80',
  currency: 'RON',
  weightKg: '1.00',
  parcels: 1,
  trackingUrl: '',
  createdAt: new Date(NOW).toISOString(),
});

describe('GLS adapter (MyGLS JSON, recorded exchanges)', () => {
  let fx: FixtureServer;
  let gls: Courier;
  before(async () => {
    fx = await startCourierFixtures();
  });
  after(() => fx.close());
  beforeEach(() => {
    fx.requests.length = 0;
    assert.deepEqual(fx.pending(), [], 'every queued answer was asked for');
    // A fresh adapter per test: refused logins are remembered per adapter.
    gls = glsCourier({ baseUrl: fx.url, timeoutMs: 2000, now: () => NOW });
  });

  const exchange = async <T>(names: string[], run: () => Promise<T>): Promise<T> => {
    const fixtures = names.map(fixture);
    fx.serve(...fixtures);
    const result = await run();
    fixtures.forEach((f, i) => expectRequest(fx.requests[i], f.request));
    assert.equal(fx.requests.length, fixtures.length, 'no request beyond the recorded ones');
    return result;
  };

  it('creates a parcel with cash on delivery: the password travels as its SHA-512 bytes', async () => {
    const r = await exchange(['create-cod'], () => gls.createShipment(CTX, SHIPMENT));
    assert.deepEqual(r, { ok: true, awb: '10000001', trackingUrl: null });
  });

  it('creates a paid parcel with no COD amount, reference or currency', async () => {
    const r = await exchange(['create-paid'], () =>
      gls.createShipment(CTX, { ...SHIPMENT, codMinor: null }),
    );
    assert.deepEqual(r, { ok: true, awb: '10000002', trackingUrl: null });
  });

  it('sends a locker parcel with the PSD service and the locker id', async () => {
    const r = await exchange(['create-locker'], () =>
      gls.createShipment(CTX, {
        ...SHIPMENT,
        service: 'PSD',
        locker: { id: '2351-CSOMAGPONT', name: 'GLS Locker Cluj Iulius' },
      }),
    );
    assert.deepEqual(r, { ok: true, awb: '10000003', trackingUrl: null });
  });

  it('refuses options GLS does not offer before calling it', async () => {
    const r = await exchange([], () =>
      gls.createShipment(CTX, { ...SHIPMENT, saturday: true, openPackage: true }),
    );
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [
        { code: 'option_not_offered', text: 'saturday' },
        { code: 'option_not_offered', text: 'open_package' },
      ],
    });
    const locker = await gls.createShipment(CTX, { ...SHIPMENT, service: 'PSD' });
    assert.deepEqual(locker, {
      ok: false,
      retryable: false,
      messages: [{ code: 'locker_missing', text: '' }],
    });
  });

  it('a wrong password (an HTTP 200 with the login error) is refused once, then not tried again', async () => {
    const r = await exchange(['create-wrong-credentials'], () => gls.createShipment(CTX, SHIPMENT));
    const refusal = {
      ok: false,
      retryable: false,
      messages: [
        { code: 'credentials_refused', text: 'Unauthorized access: wrong username or password.' },
      ],
    };
    assert.deepEqual(r, refusal);
    // Four more attempts (a bulk run) must not reach GLS: five failures lock the account.
    for (let i = 0; i < 4; i++) assert.deepEqual(await gls.createShipment(CTX, SHIPMENT), refusal);
    assert.deepEqual(await gls.track(CTX, ['10000001']), refusal);
    assert.equal(fx.requests.length, 1);
    // Corrected credentials are a new login: they reach GLS at once.
    fx.serve(fixture('parcel-list'));
    const fixed = { ...CTX, credentials: { ...CTX.credentials, password: 'parola-noua' } };
    assert.equal((await gls.connect?.(fixed))?.ok, true);
    assert.equal(fx.requests.length, 2);
  });

  it('a business error in an HTTP 200 comes back in GLS words, as data', async () => {
    const r = await exchange(['create-bad-zip'], () => gls.createShipment(CTX, SHIPMENT));
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [
        {
          code: 'gls_1012',
          text: 'DeliveryAddress: ZipCode 400001 is not valid for City Cluj-Napoca.',
        },
      ],
    });
  });

  it('after a lost answer, finds the parcel made for our reference (and reports none for another)', async () => {
    const found = await exchange(['parcel-list'], () => gls.findByReference(CTX, 'ed-1-1-a1'));
    assert.deepEqual(found, { awb: '10000001', trackingUrl: null });
    fx.requests.length = 0;
    const none = await exchange(['parcel-list'], () => gls.findByReference(CTX, 'ed-9-9-a1'));
    assert.equal(none, null);
  });

  it('prints a 10×15 label and an A4 sheet by parcel id (read from the parcel list)', async () => {
    const a6 = await exchange(['parcel-list', 'label-a6'], () =>
      gls.label(CTX, [label('10000001')], 'a6'),
    );
    assert.ok(a6.ok);
    assert.equal(a6.document.contentType, 'application/pdf');
    assert.equal(new TextDecoder().decode(a6.document.body.slice(0, 5)), '%PDF-');
    assert.equal(a6.document.pages, 1);
    fx.requests.length = 0;
    const a4 = await exchange(['parcel-list', 'label-a4'], () =>
      gls.label(CTX, [label('10000001'), label('10000002')], 'a4x4'),
    );
    assert.ok(a4.ok);
    const zpl = await gls.label(CTX, [label('10000001')], 'zpl');
    assert.deepEqual(zpl, {
      ok: false,
      retryable: false,
      messages: [{ code: 'option_not_offered', text: 'zpl' }],
    });
  });

  it('a label for a parcel GLS does not list is refused by AWB', async () => {
    const r = await exchange(['parcel-list'], () => gls.label(CTX, [label('99999999')], 'a6'));
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'awb_not_found', text: '99999999' }],
    });
  });

  it('tracks each status family, oldest first, with GLS words and depot', async () => {
    const r = await exchange(['track-delivered', 'track-returned'], () =>
      gls.track(CTX, ['10000001', '10000002']),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.events.map((e) => [e.awb, e.code, e.status]),
      [
        ['10000001', '51', 'created'],
        ['10000001', '1', 'handed_over'],
        ['10000001', '2', 'in_transit'],
        ['10000001', '3', 'in_transit'],
        ['10000001', '4', 'out_for_delivery'],
        ['10000001', '5', 'delivered'],
        ['10000002', '1', 'handed_over'],
        ['10000002', '14', 'refused'],
        ['10000002', '23', 'returned'],
      ],
    );
    assert.equal(r.events[0]?.at, NOW);
    assert.equal(r.events[2]?.text, 'Coletul a plecat din depozitul GLS. (Turda)');
  });

  it('cancels a parcel not yet picked up, and reports GLS words when it is too late', async () => {
    const ok = await exchange(['parcel-list', 'cancel'], () => gls.cancel(CTX, '10000001'));
    assert.deepEqual(ok, { ok: true });
    fx.requests.length = 0;
    const late = await exchange(['parcel-list', 'cancel-picked-up'], () =>
      gls.cancel(CTX, '10000001'),
    );
    assert.deepEqual(late, {
      ok: false,
      retryable: false,
      messages: [
        {
          code: 'gls_1021',
          text: 'The parcel cannot be deleted: it has already been scanned by GLS.',
        },
      ],
    });
  });

  it('Test connection proves the login with the parcel list and offers the contract services', async () => {
    assert.equal(typeof gls.connect, 'function', 'GLS offers Test connection');
    const r = await exchange(
      ['parcel-list'],
      () => gls.connect?.(CTX) ?? Promise.reject(new Error()),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.services.map((s) => s.id),
      ['standard', 'PSD'],
    );
  });

  it('an unreachable GLS throws (the core then looks the reference up before any new create)', async () => {
    const down = glsCourier({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 300, now: () => NOW });
    await assert.rejects(down.createShipment(CTX, SHIPMENT));
  });
});

describe('GLS mapping', () => {
  it('splits the street from the house number', () => {
    assert.deepEqual(splitStreet('Str. Florilor 12'), { street: 'Str. Florilor', number: '12' });
    assert.deepEqual(splitStreet('Bd. Eroilor nr. 5A'), { street: 'Bd. Eroilor', number: '5A' });
    assert.deepEqual(splitStreet('Calea Victoriei, 120-122'), {
      street: 'Calea Victoriei',
      number: '120-122',
    });
    assert.deepEqual(splitStreet('Sat Vălenii de Munte'), {
      street: 'Sat Vălenii de Munte',
      number: '',
    });
  });

  it('every status family has a code, and only delivered/returned codes are final', () => {
    const families = new Set(Object.values(GLS_STATUSES));
    for (const f of [
      'created',
      'handed_over',
      'in_transit',
      'out_for_delivery',
      'delivered',
      'refused',
      'returned',
    ])
      assert.ok(families.has(f as never), f);
    assert.deepEqual(
      Object.entries(GLS_STATUSES)
        .filter(([, s]) => s === 'delivered')
        .map(([c]) => c),
      ['5', '58'],
    );
  });
});
