import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
  startCourierFixtures,
} from '../../../../../test/support/courier-fixtures.js';
import type { LabelData } from '../../labels/label-data.js';
import type { Courier, CourierContext, UnifiedShipment } from '../courier.js';
import { fanCourier } from './index.js';

// FAN cannot be reached from here: every answer below is a recorded fixture following FAN's
// documented shapes, served locally; each test asserts the exact request that went out.

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(dir, name);
/** 2026-11-28 12:00 in Bucharest: "today" for the AWB-list lookup. */
const NOW = Date.UTC(2026, 10, 28, 10, 0, 0);

const ctx: CourierContext = {
  accountId: 1,
  credentials: { username: 'magazin', password: 'parola-test', client_id: '7032158' },
  options: {},
};

const SHIPMENT: UnifiedShipment = {
  reference: '12-1',
  orderNumber: '#1001',
  service: 'Standard',
  sender: {
    name: 'Magazinul Ștefan',
    phone: '0264 000 111',
    address1: 'Str. Fabricii 3',
    city: 'Cluj-Napoca',
    county: 'Cluj',
    country: 'RO',
  },
  recipient: {
    name: 'Maria Popescu',
    phone: '0722 123 456',
    address1: 'Str. Memorandumului 28',
    address2: 'ap. 4',
    city: 'Cluj-Napoca',
    county: 'Cluj',
    postcode: '400114',
    country: 'RO',
    email: 'maria@example.ro',
  },
  currency: 'RON',
  codMinor: null,
  declaredValueMinor: 11480,
  parcels: 1,
  weightGrams: 1200,
  observations: 'Fragil',
  payer: 'sender',
  sizeCm: { length: 30, width: 20, height: 10 },
  saturday: false,
  openPackage: false,
  locker: null,
  destination: null,
  content: 'Cană ceramică x2',
};

/** A COD order whose typed city the nomenclature step corrected: FAN gets FAN's spelling. */
const COD_SHIPMENT: UnifiedShipment = {
  ...SHIPMENT,
  reference: '13-1',
  service: 'Standard',
  recipient: {
    ...SHIPMENT.recipient,
    address1: 'Bd. Unirii 12',
    address2: null,
    city: 'București, Sector 3',
    county: 'București',
    postcode: null,
  },
  codMinor: 24990,
  declaredValueMinor: 24990,
  parcels: 2,
  weightGrams: 3100,
  observations: '',
  payer: 'recipient',
  sizeCm: null,
  saturday: true,
  openPackage: true,
  destination: {
    countyId: '10',
    countyName: 'Bucuresti',
    localityId: '11',
    localityName: 'Bucuresti',
    postcode: '030833',
  },
  content: 'Set farfurii',
};

const LOCKER_SHIPMENT: UnifiedShipment = {
  ...SHIPMENT,
  reference: '14-1',
  codMinor: 5000,
  declaredValueMinor: 5000,
  weightGrams: 400,
  observations: '',
  sizeCm: null,
  locker: { id: 'FAN0123', name: 'FANbox Kaufland Mărăști' },
  content: 'Carte',
};

const label = (awb: string): LabelData => ({
  awb,
  courierName: 'FAN Courier',
  service: 'Standard',
  sender: SHIPMENT.sender,
  recipient: SHIPMENT.recipient,
  orderNumber: '#1001',
  storeName: 'Magazin',
  codAmount: null,
  currency: 'RON',
  weightKg: '1.2',
  parcels: 1,
  trackingUrl: '',
  createdAt: '2026-11-28T10:00:00Z',
});

describe('FAN Courier adapter (recorded fixtures)', () => {
  let fx: FixtureServer;
  let fan: Courier;
  beforeEach(async () => {
    fx = await startCourierFixtures();
    fan = fanCourier({ baseUrl: fx.url, timeoutMs: 2000 }, { now: () => NOW });
  });
  afterEach(async () => {
    assert.deepEqual(
      fx.pending().map((f) => f.name),
      [],
      'every queued answer was asked for',
    );
    await fx.close();
  });

  it('logs in with multipart user and password, then creates a paid AWB to the door', async () => {
    const login = fixture('login');
    const create = fixture('create');
    fx.serve(login, create);
    const r = await fan.createShipment(ctx, SHIPMENT);
    assert.deepEqual(r, {
      ok: true,
      awb: '2150000000011',
      trackingUrl: 'https://www.fancourier.ro/awb-tracking/?tracking=2150000000011',
    });
    expectRequest(fx.requests[0], login.request);
    expectRequest(fx.requests[1], create.request);
    // One login serves the next calls.
    fx.serve(fixture('cancel'));
    assert.deepEqual(await fan.cancel(ctx, '2150000000011'), { ok: true });
    assert.equal(fx.requests.filter((q) => q.path === '/login').length, 1);
  });

  it('creates a COD AWB as "Cont Colector" with Saturday and open package, the place as FAN spells it', async () => {
    const create = fixture('create-cod');
    fx.serve(fixture('login'), create);
    const r = await fan.createShipment(ctx, COD_SHIPMENT);
    assert.equal(r.ok && r.awb, '2150000000022');
    expectRequest(fx.requests[1], create.request);
  });

  it('creates a FANbox AWB: the locker service with COD and the pickupLocationId', async () => {
    const create = fixture('create-locker');
    fx.serve(fixture('login'), create);
    const r = await fan.createShipment(ctx, LOCKER_SHIPMENT);
    assert.equal(r.ok && r.awb, '2150000000033');
    expectRequest(fx.requests[1], create.request);
  });

  it('refuses before calling FAN what FAN cannot take', async () => {
    const twoParcels = await fan.createShipment(ctx, { ...LOCKER_SHIPMENT, parcels: 2 });
    assert.deepEqual(twoParcels, {
      ok: false,
      retryable: false,
      messages: [{ code: 'locker_single_parcel', text: '' }],
    });
    const codOnExport = await fan.createShipment(ctx, { ...COD_SHIPMENT, service: 'Export' });
    assert.deepEqual(codOnExport, {
      ok: false,
      retryable: false,
      messages: [{ code: 'cod_not_allowed', text: 'Export' }],
    });
    const noPlace = await fan.createShipment(ctx, {
      ...SHIPMENT,
      recipient: { ...SHIPMENT.recipient, city: ' ' },
    });
    assert.equal(!noPlace.ok && noPlace.messages[0]?.code, 'address_incomplete');
    const noLogin = await fan.createShipment({ ...ctx, credentials: null }, SHIPMENT);
    assert.equal(!noLogin.ok && noLogin.messages[0]?.code, 'credentials_missing');
    assert.equal(fx.requests.length, 0);
  });

  it('an unknown locality: the per-shipment error (HTTP 200, awbNumber null) is a refusal in FAN words', async () => {
    fx.serve(fixture('login'), fixture('create-unknown-locality'));
    const r = await fan.createShipment(ctx, SHIPMENT);
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [
        { code: 'locality_unknown', text: 'Localitatea Cluj Napocaa nu exista in judetul Cluj' },
      ],
    });
  });

  it('an expired token: one new login and one retry with the new token', async () => {
    const retry = fixture('create-after-renewal');
    fx.serve(fixture('login'), fixture('create-expired'), fixture('login-renewed'), retry);
    const r = await fan.createShipment(ctx, SHIPMENT);
    assert.equal(r.ok && r.awb, '2150000000011');
    assert.deepEqual(
      fx.requests.map((q) => q.path),
      ['/login', '/intern-awb', '/login', '/intern-awb'],
    );
    expectRequest(fx.requests[3], retry.request);
  });

  it('a token refused again after the new login: no loop, token_refused', async () => {
    fx.serve(fixture('login'), fixture('create-expired'), fixture('login-renewed'), {
      ...fixture('create-expired'),
      request: { method: 'POST', path: '/intern-awb' },
    });
    const r = await fan.createShipment(ctx, SHIPMENT);
    assert.equal(!r.ok && r.messages[0]?.code, 'token_refused');
    assert.equal(fx.requests.length, 4);
  });

  it('wrong credentials: credentials_refused, and the login is not tried again at once', async () => {
    fx.serve(fixture('login-refused'));
    const r = await fan.track(ctx, ['2150000000011']);
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'credentials_refused', text: 'Invalid credentials' }],
    });
    const again = await fan.track(ctx, ['2150000000011']);
    assert.equal(!again.ok && again.messages[0]?.code, 'credentials_refused');
    assert.equal(fx.requests.length, 1);
  });

  it("findByReference after a lost answer: the AWB whose costCenter is the reference, from today's list", async () => {
    const today = fixture('awb-list-today');
    fx.serve(fixture('login'), today);
    assert.deepEqual(await fan.findByReference(ctx, '12-1'), {
      awb: '2150000000100',
      trackingUrl: 'https://www.fancourier.ro/awb-tracking/?tracking=2150000000100',
    });
    expectRequest(fx.requests[1], today.request);
  });

  it('findByReference: none today nor yesterday is null; an unreadable list throws (never "none")', async () => {
    const yesterday = fixture('awb-list-empty-yesterday');
    fx.serve(fixture('login'), fixture('awb-list-empty-today'), yesterday);
    assert.equal(await fan.findByReference(ctx, '12-1'), null);
    expectRequest(fx.requests[2], yesterday.request);
    fx.serve(fixture('awb-list-error'));
    await assert.rejects(fan.findByReference(ctx, '12-1'));
  });

  it('labels: one PDF in the A4 layout for several AWBs, A6, and ZPL', async () => {
    const a4 = fixture('label-pdf-a4');
    fx.serve(fixture('login'), a4);
    const r = await fan.label(ctx, [label('2150000000011'), label('2150000000022')], 'a4x4');
    assert.ok(r.ok);
    expectRequest(fx.requests[1], a4.request);
    assert.equal(r.document.contentType, 'application/pdf');
    assert.equal(r.document.pages, 2);
    assert.equal((await PDFDocument.load(r.document.body)).getPageCount(), 2);
    const a6 = fixture('label-pdf-a6');
    fx.serve(a6);
    assert.ok((await fan.label(ctx, [label('2150000000011')], 'a6')).ok);
    expectRequest(fx.requests[2], a6.request);
    const zpl = fixture('label-zpl');
    fx.serve(zpl);
    const z = await fan.label(ctx, [label('2150000000011'), label('2150000000022')], 'zpl');
    expectRequest(fx.requests[3], zpl.request);
    assert.ok(z.ok);
    assert.equal(z.document.contentType, 'application/zpl');
    assert.equal(z.document.pages, 2);
    assert.match(new TextDecoder().decode(z.document.body), /\^FD2150000000022\^FS/);
  });

  it('a label answered with HTTP 200 and status fail is a failure, FAN words kept', async () => {
    fx.serve(fixture('login'), fixture('label-fail'));
    const r = await fan.label(ctx, [label('2150000000077')], 'a4x4');
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'courier_said', text: 'AWB-ul 2150000000077 nu apartine clientului' }],
    });
  });

  it('tracking: each status family, oldest first, FAN local time read as Bucharest', async () => {
    const t = fixture('tracking');
    fx.serve(fixture('login'), t);
    const r = await fan.track(ctx, ['2150000000011', '2150000000022', '2150000000033']);
    assert.ok(r.ok);
    expectRequest(fx.requests[1], t.request);
    const of = (awb: string) =>
      r.events.filter((e) => e.awb === awb).map((e) => `${e.code}:${e.status}`);
    assert.deepEqual(of('2150000000011'), [
      'C0:handed_over',
      'H3:in_transit',
      'H10:in_transit',
      'H1:in_transit',
      'C1:out_for_delivery',
      'S1:out_for_delivery',
      'S2:delivered',
    ]);
    // An unknown code (Z9) stays in transit: it never ends tracking.
    assert.deepEqual(of('2150000000022'), [
      'C0:handed_over',
      'S6:refused',
      'Z9:in_transit',
      'S43:returned',
    ]);
    assert.deepEqual(of('2150000000033'), []);
    const first = r.events[0];
    assert.equal(first?.text, 'Expeditie ridicata (Bucuresti)');
    assert.equal(first?.at, Date.UTC(2026, 10, 28, 15, 0, 0)); // 17:00 EET = 15:00 UTC
  });

  it('tracking answered with HTTP 200 and status fail is a failure', async () => {
    fx.serve(fixture('login'), fixture('tracking-fail'));
    const r = await fan.track(ctx, ['2150000000011']);
    assert.equal(!r.ok && r.messages[0]?.text, 'Clientul nu are acces la AWB-urile cerute');
  });

  it('cancels an AWB; a refusal to cancel comes back in FAN words', async () => {
    const c = fixture('cancel');
    fx.serve(fixture('login'), c);
    assert.deepEqual(await fan.cancel(ctx, '2150000000011'), { ok: true });
    expectRequest(fx.requests[1], c.request);
    fx.serve(fixture('cancel-picked-up'));
    assert.deepEqual(await fan.cancel(ctx, '2150000000022'), {
      ok: false,
      retryable: false,
      messages: [
        { code: 'courier_said', text: 'AWB-ul nu mai poate fi sters, expeditia a fost ridicata' },
      ],
    });
  });

  it('Test connection: the services and the branches as choices', async () => {
    const s = fixture('services');
    const b = fixture('branches');
    fx.serve(fixture('login'), s, b);
    const r = await fan.connect?.(ctx);
    assert.ok(r?.ok);
    expectRequest(fx.requests[1], s.request);
    expectRequest(fx.requests[2], b.request);
    assert.deepEqual(
      r.services.map((x) => `${x.id}:${x.locker}`),
      ['Standard:false', 'Cont Colector:false', 'FANbox:true', 'FANbox Cont Colector:true'],
    );
    assert.deepEqual(r.pickupPoints[0], {
      id: '7032158',
      name: 'Magazinul Stefan SRL',
      address: 'Str. Fabricii, 3, Cluj-Napoca, Cluj',
      isDefault: true,
    });
    assert.equal(r.pickupPoints.length, 2);
  });

  it('FANbox lockers, localities of a county, and the price estimate', async () => {
    const p = fixture('pickup-points');
    fx.serve(fixture('login'), p);
    const l = await fan.lockers?.(ctx);
    expectRequest(fx.requests[1], p.request);
    assert.deepEqual(l?.ok && l.lockers[0], {
      id: 'FAN0123',
      name: 'FANbox Kaufland Marasti',
      address: 'Str. Aurel Vlaicu 3',
      city: 'Cluj-Napoca',
      county: 'Cluj',
      postcode: '400582',
      maxSizeCm: null,
      maxWeightGrams: null,
    });
    const loc = fixture('localities');
    fx.serve(fixture('counties'), loc);
    const places = await fan.localities?.(ctx, { id: '13', name: 'Cluj' });
    expectRequest(fx.requests[3], loc.request);
    assert.deepEqual(
      places?.ok && places.localities.map((x) => `${x.id}:${x.name}:${x.countyId}`),
      ['401:Cluj-Napoca:13', '455:Floresti:13'],
    );
    const t = fixture('tariff');
    fx.serve(t);
    const e = await fan.estimate?.(ctx, COD_SHIPMENT);
    expectRequest(fx.requests[4], t.request);
    assert.deepEqual(e, { ok: true, amountMinor: 2529, currency: 'RON' });
  });

  it('COD settlements: the bank transfers of each day, per AWB, in minor units', async () => {
    const d1 = fixture('bank-transfers-day1');
    const d2 = fixture('bank-transfers-day2');
    fx.serve(fixture('login'), d1, d2);
    const r = await fan.codSettlements?.(ctx, { from: '2026-11-20', to: '2026-11-21' });
    assert.ok(r?.ok);
    expectRequest(fx.requests[1], d1.request);
    expectRequest(fx.requests[2], d2.request);
    assert.deepEqual(r.lines, [
      {
        awb: '2150000000011',
        amountMinor: 11480,
        currency: 'RON',
        paidAt: Date.UTC(2026, 10, 19, 22),
        reference: '6000000000001',
      },
      {
        awb: '2150000000022',
        amountMinor: 24990,
        currency: 'RON',
        paidAt: Date.UTC(2026, 10, 19, 22),
        reference: 'FAN 20.11.2026',
      },
      {
        awb: '2150000000033',
        amountMinor: 5005,
        currency: 'RON',
        paidAt: Date.UTC(2026, 10, 20, 22),
        reference: '6000000000002',
      },
    ]);
    assert.equal(
      r.lines.reduce((sum, l) => sum + l.amountMinor, 0),
      41475,
    );
    const long = await fan.codSettlements?.(ctx, { from: '2026-01-01', to: '2026-12-31' });
    assert.equal(long?.ok === false && long.messages[0]?.code, 'range_too_long');
  });
  it('reads every page of a day: a full page of 100 asks for the next', async () => {
    const row = (n: number) => ({
      info: {
        awbNumber: `21500000${String(n).padStart(5, '0')}`,
        amountCollected: 10,
        transferDate: '20.11.2026',
      },
    });
    const page = (p: number, rows: unknown[]) => ({
      request: {
        method: 'GET',
        path: '/reports/bank-transfers',
        query: { clientId: '7032158', date: '2026-11-20', page: String(p), perPage: '100' },
      },
      response: { json: { status: 'success', data: rows } },
    });
    const first = page(
      1,
      Array.from({ length: 100 }, (_, n) => row(n)),
    );
    const second = page(2, [row(100)]);
    fx.serve(fixture('login'), first, second);
    const r = await fan.codSettlements?.(ctx, { from: '2026-11-20', to: '2026-11-20' });
    assert.equal(r?.ok && r.lines.length, 101);
    expectRequest(fx.requests[1], first.request);
    expectRequest(fx.requests[2], second.request);
  });
});
