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
import { CourierUnreachable } from '../http/courier-http.js';
import { CourierSessions } from '../http/sessions.js';
import { SamedayClient } from './client.js';
import { samedayCourier } from './index.js';
import { bucharestMs, shipmentProblems } from './mapping.js';
import { samedayStatus } from './statuses.js';

// Sameday cannot be reached from here: every answer is a recorded fixture following the
// documented shapes, and every request the adapter sends is compared with the fixture's.

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(dir, name);

const CREDENTIALS = { username: 'magazin.ro', password: 'parola-secreta' };
const ctx: CourierContext = {
  accountId: 1,
  credentials: CREDENTIALS,
  options: { pickup_point: '101', contact_person: '501', locker_service: '15' },
};

const SHIPMENT: UnifiedShipment = {
  reference: '41-1',
  orderNumber: '1041',
  service: '7',
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
    company: null,
    phone: '0722 111 222',
    email: 'maria@example.ro',
    address1: 'Str. Lungă 5',
    address2: 'Ap. 3',
    city: 'Cluj-Napoca',
    county: 'Cluj',
    postcode: '400001',
    country: 'RO',
  },
  currency: 'RON',
  codMinor: 11480,
  declaredValueMinor: 11480,
  parcels: 2,
  weightGrams: 2500,
  observations: 'Sunați înainte',
  payer: 'sender',
  sizeCm: { length: 30, width: 20, height: 10 },
  saturday: false,
  openPackage: false,
  locker: null,
  destination: {
    countyId: '12',
    countyName: 'Cluj',
    localityId: '9301',
    localityName: 'Cluj-Napoca',
    postcode: '400001',
  },
  content: 'Tricou alb',
};

const label = (awb: string): LabelData => ({
  awb,
  courierName: 'Sameday',
  service: '7',
  sender: SHIPMENT.sender,
  recipient: SHIPMENT.recipient,
  orderNumber: '1041',
  storeName: 'Magazin',
  codAmount: '114.80',
  currency: 'RON',
  weightKg: '2.50',
  parcels: 2,
  trackingUrl: '',
  createdAt: '2026-12-01T08:00:00.000Z',
});

describe('Sameday adapter (recorded answers)', () => {
  let fx: FixtureServer;
  let courier: Courier;
  beforeEach(async () => {
    fx = await startCourierFixtures();
    courier = samedayCourier({ baseUrl: fx.url, timeoutMs: 2000 });
  });
  afterEach(async () => {
    assert.deepEqual(
      fx.pending().map((f) => f.name),
      [],
      'every recorded answer was asked for',
    );
    await fx.close();
  });
  /** Queues fixtures and returns them, so each request can be compared with its fixture. */
  const serve = (...names: string[]) => {
    const list = names.map(fixture);
    fx.serve(...list);
    return list;
  };
  const expectSent = (names: ReturnType<typeof serve>) => {
    assert.equal(fx.requests.length, names.length, 'requests sent');
    names.forEach((f, i) => expectRequest(fx.requests[i], f.request));
  };

  it('logs in once, then makes an AWB with COD, two parcels and the matched locality ids', async () => {
    const f = serve('login', 'create-cod', 'create-prepaid');
    const r = await courier.createShipment(ctx, SHIPMENT);
    assert.deepEqual(r, { ok: true, awb: '1SDY24000011', trackingUrl: null });
    // A paid order, the place by name (not matched yet), no box size: the token is reused.
    const paid = await courier.createShipment(ctx, {
      ...SHIPMENT,
      reference: '42-1',
      codMinor: null,
      parcels: 1,
      weightGrams: 1000,
      observations: '',
      sizeCm: null,
      destination: null,
    });
    assert.deepEqual(paid, { ok: true, awb: '1SDY24000012', trackingUrl: null });
    expectSent(f);
  });

  it("reads Sameday's expire_at as Bucharest time (winter +2 h, summer +3 h)", () => {
    assert.equal(bucharestMs('2026-12-01 10:00'), Date.UTC(2026, 11, 1, 8, 0));
    assert.equal(bucharestMs('2026-07-01 10:00'), Date.UTC(2026, 6, 1, 7, 0));
    assert.equal(bucharestMs('2026-12-02T14:05:00+0200'), Date.UTC(2026, 11, 2, 12, 5));
    assert.equal(bucharestMs('mâine'), null);
  });

  it('without a chosen pickup point, uses the default one and its default contact person', async () => {
    const f = serve('login', 'pickup-points', 'create-cod');
    const r = await courier.createShipment({ ...ctx, options: {} }, SHIPMENT);
    assert.equal(r.ok, true);
    expectSent(f);
  });

  it('a chosen pickup point Sameday does not have is refused, not swapped for another', async () => {
    const f = serve('login', 'pickup-points');
    const r = await courier.createShipment({ ...ctx, options: { pickup_point: '999' } }, SHIPMENT);
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'pickup_point_missing', text: '' }],
    });
    expectSent(f);
  });

  it('sends an easybox parcel to the locker with the locker service; refuses one too large for it', async () => {
    const f = serve('login', 'create-locker');
    const locker = { id: '2577', name: 'easybox Kaufland Mărăști' };
    const r = await courier.createShipment(ctx, {
      ...SHIPMENT,
      reference: '43-1',
      parcels: 1,
      weightGrams: 1200,
      observations: '',
      locker,
    });
    assert.deepEqual(r, { ok: true, awb: '1SDY24000013', trackingUrl: null });
    expectSent(f);
    const big = await courier.createShipment(ctx, {
      ...SHIPMENT,
      locker,
      sizeCm: { length: 80, width: 40, height: 40 },
      weightGrams: 25_000,
    });
    assert.deepEqual(big, {
      ok: false,
      retryable: false,
      messages: [
        { code: 'parcel_too_large_for_locker', text: 'easybox Kaufland Mărăști' },
        { code: 'weight_over_limit', text: '25' },
      ],
    });
    assert.equal(fx.requests.length, 2, 'nothing sent for a parcel the locker cannot take');
  });

  it('an easybox takes a box turned on its side; not one longer than its largest box', () => {
    const locker = { id: '2577', name: 'easybox' };
    const at = (length: number, width: number, height: number) =>
      shipmentProblems({ ...SHIPMENT, locker, sizeCm: { length, width, height } });
    assert.deepEqual(at(40, 60, 30), []);
    assert.deepEqual(at(62, 20, 10), [{ code: 'parcel_too_large_for_locker', text: 'easybox' }]);
    assert.deepEqual(at(50, 48, 46), [{ code: 'parcel_too_large_for_locker', text: 'easybox' }]);
  });

  it('refuses options Sameday does not offer and a service that is not a Sameday id, before any request', async () => {
    const r = await courier.createShipment(ctx, { ...SHIPMENT, saturday: true });
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'option_not_offered', text: 'saturday' }],
    });
    const s = await courier.createShipment(ctx, { ...SHIPMENT, service: 'standard' });
    assert.equal(s.ok, false);
    assert.deepEqual(!s.ok && s.messages, [{ code: 'service_unavailable', text: 'standard' }]);
    assert.equal(fx.requests.length, 0);
  });

  it('an unknown locality comes back as a coded message with the courier words', async () => {
    const f = serve('login', 'create-unknown-locality');
    const r = await courier.createShipment(ctx, { ...SHIPMENT, destination: null });
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [
        {
          code: 'locality_unknown',
          text: 'awbRecipient.cityString: Localitatea nu a fost gasita.',
        },
      ],
    });
    expectRequest(fx.requests[1], f[1]!.request);
  });

  it('an HTTP 200 without an AWB is a failure, in the courier words', async () => {
    serve('login', 'create-200-error');
    const r = await courier.createShipment(ctx, SHIPMENT);
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [
        { code: 'courier_said', text: 'Serviciul nu este disponibil pentru aceasta ruta.' },
      ],
    });
  });

  it('wrong credentials: one refused login, then no new try for a while', async () => {
    const f = serve('login-refused');
    const r = await courier.track(ctx, ['1SDY24000011']);
    const refused = {
      ok: false,
      retryable: false,
      messages: [{ code: 'credentials_refused', text: 'Credentiale invalide.' }],
    };
    assert.deepEqual(r, refused);
    assert.deepEqual(await courier.track(ctx, ['1SDY24000011']), refused);
    expectSent(f);
    const none = await courier.track({ ...ctx, credentials: null }, ['1SDY24000011']);
    assert.deepEqual(!none.ok && none.messages, [{ code: 'credentials_missing', text: '' }]);
  });

  it("a token past Sameday's expire_at is not used: one new login first", async () => {
    let now = Date.UTC(2026, 11, 1, 7, 0); // 09:00 in Bucharest; the token ends at 10:00
    const opts = { baseUrl: fx.url, timeoutMs: 2000 };
    const timed = samedayCourier(opts, new SamedayClient(opts, new CourierSessions(() => now)));
    const f = serve('login', 'cancel', 'login-renewed');
    fx.serve({
      request: {
        method: 'DELETE',
        path: '/api/awb/1SDY24000011',
        headers: { 'x-auth-token': 'tok-2' },
      },
      response: { status: 204, text: '' },
    });
    assert.deepEqual(await timed.cancel(ctx, '1SDY24000011'), { ok: true });
    now = Date.UTC(2026, 11, 1, 8, 0); // 10:00 in Bucharest
    assert.deepEqual(await timed.cancel(ctx, '1SDY24000011'), { ok: true });
    assert.equal(fx.requests.length, 4);
    f.forEach((x, i) => expectRequest(fx.requests[i], x.request));
    assert.equal(fx.requests[3]?.headers['x-auth-token'], 'tok-2');
  });

  it('a token refused early is renewed once and the call made again', async () => {
    const f = serve('login', 'token-expired', 'login-renewed', 'status-renewed');
    const r = await courier.track(ctx, ['1SDY24000011']);
    assert.deepEqual(r, {
      ok: true,
      events: [
        {
          awb: '1SDY24000011',
          status: 'created',
          code: '1',
          text: 'AWB Emis',
          at: Date.UTC(2026, 11, 1, 8, 15),
        },
      ],
    });
    expectSent(f);
  });

  it('a token refused again after the new login is a failure, not a loop', async () => {
    const f = serve('login', 'token-expired', 'login-renewed', 'token-expired');
    const r = await courier.track(ctx, ['1SDY24000011']);
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'token_refused', text: '' }],
    });
    assert.equal(fx.requests.length, 4);
    expectRequest(fx.requests[2], f[2]!.request);
  });

  it('tracking: the history oldest first, each family mapped, an unknown event keeps the status', async () => {
    serve('login', 'status-delivered', 'status-returned');
    const r = await courier.track(ctx, ['1SDY24000011', '1SDY24000012']);
    assert.ok(r.ok);
    assert.deepEqual(
      r.events.map((e) => [e.awb.slice(-2), e.status, e.code, e.text]),
      [
        ['11', 'created', '1', 'AWB Emis'],
        ['11', 'handed_over', '4', 'Colet preluat'],
        ['11', 'handed_over', '78', 'Verificare adresa'],
        ['11', 'in_transit', '7', 'Colet in tranzit'],
        ['11', 'out_for_delivery', '33', 'Colet in livrare'],
        ['11', 'delivered', '9', 'Colet livrat'],
        ['12', 'refused', '84', 'Refuzat de destinatar: Destinatarul a refuzat coletul'],
        ['12', 'returned', '35', 'Colet returnat la expeditor'],
      ],
    );
    assert.equal(r.events[5]?.at, Date.UTC(2026, 11, 2, 12, 5));
    expectRequest(fx.requests[1], fixture('status-delivered').request);
  });

  it('the status table: documented ids; words only for families that are not final', () => {
    const cases: [number, string, string | null][] = [
      [1, 'AWB Emis', 'created'],
      [9, 'Livrata', 'delivered'],
      [35, 'Returnat', 'returned'],
      [500, 'Colet in livrare', 'out_for_delivery'],
      [501, 'Colet ridicat de curier', 'handed_over'],
      [502, 'In tranzit spre depozit', 'in_transit'],
      [503, 'Refuzat la livrare', 'refused'],
      [504, 'Livrata', null],
      [505, 'Anulat', null],
    ];
    for (const [id, words, want] of cases) assert.equal(samedayStatus(id, words), want, words);
  });

  it('labels: A6 for two AWBs merged into one PDF; A4; no ZPL; an unknown AWB', async () => {
    const f = serve('login', 'label-a6', 'label-a6-second', 'label-a4', 'label-not-found');
    const r = await courier.label(ctx, [label('1SDY24000011'), label('1SDY24000012')], 'a6');
    assert.ok(r.ok);
    assert.equal(r.document.contentType, 'application/pdf');
    assert.equal(r.document.pages, 2);
    assert.equal((await PDFDocument.load(r.document.body)).getPageCount(), 2);
    const a4 = await courier.label(ctx, [label('1SDY24000011')], 'a4x4');
    assert.ok(a4.ok && a4.document.pages === 1);
    const zpl = await courier.label(ctx, [label('1SDY24000011')], 'zpl');
    assert.deepEqual(!zpl.ok && zpl.messages, [{ code: 'option_not_offered', text: 'zpl' }]);
    const missing = await courier.label(ctx, [label('1SDY99999999')], 'a6');
    assert.deepEqual(!missing.ok && missing.messages, [{ code: 'awb_not_found', text: '' }]);
    expectSent(f);
  });

  it('cancel: done; refused in the courier words; an unknown AWB', async () => {
    const f = serve('login', 'cancel', 'cancel-refused', 'cancel-not-found');
    assert.deepEqual(await courier.cancel(ctx, '1SDY24000011'), { ok: true });
    assert.deepEqual(await courier.cancel(ctx, '1SDY24000012'), {
      ok: false,
      retryable: false,
      messages: [{ code: 'courier_said', text: 'Awb-ul nu mai poate fi anulat.' }],
    });
    const gone = await courier.cancel(ctx, '1SDY99999999');
    assert.deepEqual(!gone.ok && gone.messages, [{ code: 'awb_not_found', text: '' }]);
    expectSent(f);
  });

  it('findByReference: Sameday has no lookup; only an answer this process saw is trusted', async () => {
    serve('login', 'create-cod', 'create-unknown-locality');
    fx.serve({
      request: { method: 'POST', path: '/api/awb' },
      response: { status: 503, text: 'Service Unavailable' },
    });
    // A lost answer (or one sent by another process): no way to know, so no "none".
    await assert.rejects(courier.findByReference(ctx, '41-1'), /no lookup/);
    await courier.createShipment(ctx, SHIPMENT);
    assert.deepEqual(await courier.findByReference(ctx, '41-1'), {
      awb: '1SDY24000011',
      trackingUrl: null,
    });
    await courier.createShipment(ctx, { ...SHIPMENT, reference: '44-1' });
    assert.equal(await courier.findByReference(ctx, '44-1'), null, 'refused: nothing made');
    const down = await courier.createShipment(ctx, { ...SHIPMENT, reference: '45-1' });
    assert.deepEqual(down, {
      ok: false,
      retryable: true,
      messages: [{ code: 'courier_said', text: 'Service Unavailable' }],
    });
    await assert.rejects(courier.findByReference(ctx, '45-1'), /no lookup/, 'a 5xx: unknown');
    // A reference refused once, then tried again and lost: the earlier "none" is forgotten.
    fx.serve(fixture('create-unknown-locality'), {
      request: { method: 'POST', path: '/api/awb' },
      response: { status: 504, text: 'Gateway Timeout' },
    });
    await courier.createShipment(ctx, { ...SHIPMENT, reference: '46-1' });
    assert.equal(await courier.findByReference(ctx, '46-1'), null);
    await courier.createShipment(ctx, { ...SHIPMENT, reference: '46-1' });
    await assert.rejects(courier.findByReference(ctx, '46-1'), /no lookup/);
    await assert.rejects(courier.findByReference({ ...ctx, accountId: 2 }, '41-1'), /no lookup/);
    assert.equal(fx.requests.length, 6, 'a lookup sends nothing');
  });

  it('findByReference: a create that failed before it was sent made nothing', async () => {
    fx.serve(fixture('login'), {
      request: { method: 'GET', path: '/api/client/pickup-points' },
      response: { status: 502, text: 'Bad Gateway' },
    });
    const r = await courier.createShipment({ ...ctx, options: {} }, SHIPMENT);
    assert.deepEqual(r, {
      ok: false,
      retryable: true,
      messages: [{ code: 'courier_said', text: 'Bad Gateway' }],
    });
    assert.equal(await courier.findByReference(ctx, '41-1'), null);
    const closed = await startCourierFixtures();
    await closed.close();
    const away = samedayCourier({ baseUrl: closed.url, timeoutMs: 2000 });
    await assert.rejects(away.createShipment(ctx, SHIPMENT), CourierUnreachable);
    assert.equal(await away.findByReference(ctx, '41-1'), null, 'the login never answered');
  });

  it('Test connection: services (easybox ones marked) and pickup points', async () => {
    const f = serve('login', 'services', 'pickup-points');
    const r = await courier.connect?.(ctx);
    assert.deepEqual(r, {
      ok: true,
      services: [
        { id: '7', name: '24H', locker: false },
        { id: '15', name: 'Locker NextDay', locker: true },
      ],
      pickupPoints: [
        {
          id: '102',
          name: 'Bd. Transilvaniei 1',
          address: 'Bd. Transilvaniei 1, Alba Iulia, Alba',
          isDefault: false,
        },
        {
          id: '101',
          name: 'Depozit Cluj',
          address: 'Str. Fabricii 3, Cluj-Napoca, Cluj',
          isDefault: true,
        },
      ],
    });
    expectSent(f);
  });

  it('lockers: every page read, with the easybox limits', async () => {
    const f = serve('login', 'lockers-page1', 'lockers-page2');
    const r = await courier.lockers?.(ctx);
    assert.ok(r?.ok);
    assert.deepEqual(
      r.lockers.map((l) => [l.id, l.name, l.city, l.postcode]),
      [
        ['2577', 'easybox Kaufland Mărăști', 'Cluj-Napoca', '400001'],
        ['3001', 'easybox Piața Unirii', 'București', null],
      ],
    );
    assert.deepEqual(r.lockers[0]?.maxSizeCm, { length: 61, width: 47, height: 44 });
    assert.equal(r.lockers[0]?.maxWeightGrams, 20_000);
    expectSent(f);
  });

  it('localities of a county named without its id: the county found by name (diacritics folded)', async () => {
    const f = serve('login', 'counties', 'cities');
    const r = await courier.localities?.(ctx, { id: null, name: 'Bistrita Nasaud' });
    assert.ok(r?.ok);
    assert.deepEqual(r.localities[1], {
      id: '2002',
      name: 'Sărata',
      countyId: '6',
      countyName: 'Bistrița-Năsăud',
      commune: 'Bistrița',
      postcode: null,
    });
    expectSent(f);
    serve('counties');
    const none = await courier.localities?.(ctx, { id: null, name: 'Atlantida' });
    assert.deepEqual(none, {
      ok: false,
      retryable: false,
      messages: [{ code: 'locality_unknown', text: 'Atlantida' }],
    });
  });

  it('estimate: the price Sameday would charge, in minor units', async () => {
    const f = serve('login', 'estimate');
    const s: Omit<UnifiedShipment, 'reference'> = SHIPMENT;
    const r = await courier.estimate?.(ctx, s);
    assert.deepEqual(r, { ok: true, amountMinor: 1749, currency: 'RON' });
    expectSent(f);
  });
});
