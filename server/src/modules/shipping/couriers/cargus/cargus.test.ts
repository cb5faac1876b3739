import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
  startCourierFixtures,
} from '../../../../../test/support/courier-fixtures.js';
import type { Courier, CourierContext, UnifiedShipment } from '../courier.js';
import type { LabelData } from '../../labels/label-data.js';
import { cargusCourier } from './index.js';
import { bucharestTime, cargusMessages } from './mapping.js';
import { CARGUS_STATUSES, cargusStatus } from './statuses.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(DIR, name);
const NOW = Date.parse('2026-11-30T10:00:00Z');

const ctx: CourierContext = {
  accountId: 1,
  credentials: {
    subscription_key: 'sub-key-1',
    username: 'magazin',
    password: 'parola-secreta',
    location_id: '201234',
  },
  options: {},
};

const shipment: UnifiedShipment = {
  reference: '41-1',
  orderNumber: '#1041',
  service: '',
  sender: {
    name: 'Magazinul Ștefan',
    phone: '0264000111',
    address1: 'Str. Fabricii 3',
    city: 'Cluj-Napoca',
    county: 'Cluj',
    country: 'RO',
  },
  recipient: {
    name: 'Maria Popescu',
    phone: '0722123456',
    email: 'maria@example.ro',
    address1: 'Str. Florilor 12',
    address2: 'ap. 3',
    city: 'Cluj-Napoca',
    county: 'Cluj',
    postcode: '400001',
    country: 'RO',
  },
  currency: 'RON',
  codMinor: 11480,
  declaredValueMinor: 11480,
  parcels: 1,
  weightGrams: 1500,
  observations: 'Sunati inainte',
  payer: 'sender',
  sizeCm: { length: 30, width: 20, height: 10 },
  saturday: false,
  openPackage: true,
  locker: null,
  destination: {
    countyId: '13',
    countyName: 'Cluj',
    localityId: '158',
    localityName: 'Cluj-Napoca',
    postcode: '400001',
  },
  content: '2× Tricou alb',
};

/** An optional operation the adapter must offer. */
function must<T>(op: T | undefined): T {
  assert.ok(op, 'the adapter offers this operation');
  return op;
}

const label = (awb: string) => ({ awb }) as LabelData;

describe('Cargus adapter (recorded answers of the documented API)', () => {
  let fx: FixtureServer;
  let cargus: Courier;
  beforeEach(async () => {
    fx = await startCourierFixtures();
    cargus = cargusCourier({ baseUrl: fx.url, timeoutMs: 2000 }, { now: () => NOW });
  });
  afterEach(async () => {
    assert.deepEqual(
      fx.pending().map((f) => f.name),
      [],
      'every recorded answer was asked for',
    );
    await fx.close();
  });

  /** Serves the fixtures and checks, after the call, that each request is the recorded one. */
  const exchange = async <T>(names: string[], call: () => Promise<T>): Promise<T> => {
    const fixtures = names.map(fixture);
    fx.serve(...fixtures);
    const out = await call();
    assert.equal(fx.requests.length, fixtures.length, 'one request per recorded answer');
    fixtures.forEach((f, i) => expectRequest(fx.requests[i], f.request));
    return out;
  };

  it('logs in once with the subscription key and makes a COD AWB with ids, size and options', async () => {
    const made = await exchange(['login', 'create-cod'], () =>
      cargus.createShipment(ctx, shipment),
    );
    assert.deepEqual(made, {
      ok: true,
      awb: '1062345678',
      trackingUrl: 'https://www.cargus.ro/personal/urmareste-coletul/?tracking_number=1062345678',
    });
  });

  it('makes a prepaid AWB with the cached token (no second login)', async () => {
    await exchange(['login', 'create-cod'], () => cargus.createShipment(ctx, shipment));
    fx.requests.length = 0;
    const made = await exchange(['create-prepaid'], () =>
      cargus.createShipment(ctx, { ...shipment, codMinor: null }),
    );
    assert.equal(made.ok && made.awb, '1062345679');
  });

  it('sends a Ship & Go parcel to the chosen PUDO point with service 38', async () => {
    const locker = { id: '445', name: 'Ship & Go Iulius Mall' };
    const made = await exchange(['login', 'create-locker'], () =>
      cargus.createShipment(ctx, { ...shipment, locker }),
    );
    assert.equal(made.ok && made.awb, '1062345680');
    // Over the locker's weight: refused before any call.
    fx.requests.length = 0;
    const heavy = await cargus.createShipment(ctx, { ...shipment, locker, weightGrams: 32_000 });
    assert.deepEqual(heavy.ok ? null : heavy.messages.map((m) => m.code), [
      'parcel_too_large_for_locker',
    ]);
    assert.equal(fx.requests.length, 0);
  });

  it('an unknown locality (names, no ids) is a business error in plain words', async () => {
    const made = await exchange(['login', 'create-unknown-locality'], () =>
      cargus.createShipment(ctx, {
        ...shipment,
        destination: null,
        recipient: { ...shipment.recipient, city: 'Cluj-Napocaa' },
      }),
    );
    assert.deepEqual(made, {
      ok: false,
      retryable: false,
      messages: [
        { code: 'locality_unknown', text: 'Localitatea destinatarului nu a fost gasita.' },
      ],
    });
  });

  it('an HTTP 200 carrying a message and no AWB is a failure', async () => {
    const made = await exchange(['login', 'create-200-error'], () =>
      cargus.createShipment(ctx, shipment),
    );
    assert.deepEqual(made.ok ? null : made.messages, [
      {
        code: 'service_unavailable',
        text: 'Serviciul ales nu este disponibil pentru aceasta ruta.',
      },
    ]);
  });

  it('an expired token is renewed once and the call made once more', async () => {
    await exchange(['login', 'create-cod'], () => cargus.createShipment(ctx, shipment));
    fx.requests.length = 0;
    const relogin = { ...fixture('login'), response: { json: 'tok-2' } };
    const again = fixture('create-prepaid');
    fx.serve(fixture('create-token-expired'), relogin, again);
    const made = await cargus.createShipment(ctx, { ...shipment, codMinor: null });
    assert.equal(made.ok && made.awb, '1062345679');
    assert.deepEqual(
      fx.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`),
      [
        'POST /Awbs/WithGetAwb Bearer tok-1',
        'POST /LoginUser ',
        'POST /Awbs/WithGetAwb Bearer tok-2',
      ],
    );
    expectRequest(fx.requests[2], { ...again.request, headers: { authorization: 'Bearer tok-2' } });
  });

  it('wrong credentials: refused once, then not tried again (no login loop)', async () => {
    const first = await exchange(['login-refused'], () => cargus.createShipment(ctx, shipment));
    assert.deepEqual(first, {
      ok: false,
      retryable: false,
      messages: [{ code: 'credentials_refused', text: 'Failed to authenticate!' }],
    });
    const second = await cargus.track(ctx, ['1062345678']);
    assert.equal(second.ok, false);
    assert.equal(fx.requests.length, 1, 'the refused login is not retried');
    const none = await cargus.createShipment(
      { ...ctx, credentials: null, options: { location_id: '201234' } },
      shipment,
    );
    assert.deepEqual(none.ok ? null : none.messages, [{ code: 'credentials_missing', text: '' }]);
  });

  it('finds the AWB of a lost answer by our reference (CustomString)', async () => {
    const found = await exchange(['login', 'find-by-reference'], () =>
      cargus.findByReference(ctx, '41-1'),
    );
    assert.equal(found?.awb, '1062345678');
    fx.requests.length = 0;
    fx.serve(fixture('find-by-reference'));
    assert.equal(await cargus.findByReference(ctx, '99-1'), null);
    // A refused look-up is not "none": the core must not create again.
    fx.serve({ ...fixture('find-by-reference'), response: { status: 400, json: 'Eroare' } });
    await assert.rejects(cargus.findByReference(ctx, '41-1'), /did not answer/);
  });

  it('looks through the next page when the first one is full', async () => {
    const first = fixture('find-by-reference');
    const full = Array.from({ length: 100 }, (_, i) => ({
      BarCode: 1062300000 + i,
      CustomString: `x-${i}`,
    }));
    fx.serve(
      fixture('login'),
      { ...first, response: { json: full } },
      {
        ...first,
        request: { ...first.request, query: { ...first.request.query, pageNumber: '2' } },
      },
    );
    const found = await cargus.findByReference(ctx, '41-1');
    assert.equal(found?.awb, '1062345678');
    expectRequest(fx.requests[2], {
      ...first.request,
      query: { ...first.request.query, pageNumber: '2' },
    });
  });

  it('prints the 10×14 label PDF of several AWBs as one document', async () => {
    const r = await exchange(['login', 'label-a6'], () =>
      cargus.label(ctx, [label('1062345678'), label('1062345679')], 'a6'),
    );
    assert.ok(r.ok);
    assert.equal(r.document.contentType, 'application/pdf');
    assert.equal(r.document.pages, 2);
    assert.equal((await PDFDocument.load(r.document.body)).getPageCount(), 2);
    assert.equal(r.document.filename, 'cargus-2-awb.pdf');
  });

  it('A4 asks for format 0', async () => {
    const a4 = fixture('label-a6');
    a4.request.query = { ...a4.request.query, barCodes: '["1062345678"]', format: '0' };
    fx.serve(fixture('login'), a4);
    const r = await cargus.label(ctx, [label('1062345678')], 'a4x4');
    assert.ok(r.ok);
    expectRequest(fx.requests[1], a4.request);
  });

  it('tracks several AWBs: every status family, oldest first, Bucharest times', async () => {
    const r = await exchange(['login', 'track'], () =>
      cargus.track(ctx, ['1062345678', '1062345679']),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.events.map((e) => `${e.awb}:${e.code}:${e.status}`),
      [
        '1062345679:7:refused',
        '1062345679:8:returned',
        '1062345679:99:in_transit',
        '1062345678:1:handed_over',
        '1062345678:4:in_transit',
        '1062345678:5:out_for_delivery',
        '1062345678:6:delivered',
      ],
    );
    const delivered = r.events.at(-1);
    assert.equal(delivered?.text, 'Confirmat (Cluj-Napoca)');
    // 14:40 in Bucharest in November (EET, UTC+2).
    assert.equal(delivered?.at, Date.parse('2026-11-28T12:40:00Z'));
    // July is summer time (EEST, UTC+3).
    assert.equal(r.events[0]?.at, Date.parse('2026-07-01T05:00:00Z'));
  });

  it('cancels before the pickup; once scanned Cargus answers false', async () => {
    assert.deepEqual(await exchange(['login', 'cancel'], () => cargus.cancel(ctx, '1062345678')), {
      ok: true,
    });
    fx.requests.length = 0;
    const late = await exchange(['cancel-scanned'], () => cargus.cancel(ctx, '1062345678'));
    assert.deepEqual(late.ok ? null : late.messages, [{ code: 'awb_already_picked_up', text: '' }]);
  });

  it('Test connection: logs in, reads the pickup points, offers the services', async () => {
    const r = await exchange(['login', 'pickup-locations'], () =>
      must(cargus.connect?.bind(cargus))(ctx),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.pickupPoints.map((p) => [p.id, p.isDefault]),
      [
        ['201233', false],
        ['201234', true],
      ],
    );
    assert.deepEqual(
      r.services.filter((s) => s.locker).map((s) => s.id),
      ['38'],
    );
  });

  it('lists the Ship & Go points and the localities of a county found by name', async () => {
    const l = await exchange(['login', 'pudo-points'], () =>
      must(cargus.lockers?.bind(cargus))(ctx),
    );
    assert.ok(l.ok);
    assert.deepEqual(l.lockers[0], {
      id: '445',
      name: 'Ship & Go Iulius Mall',
      address: 'Str. Alexandru Vaida Voevod 53B',
      city: 'Cluj-Napoca',
      county: 'Cluj',
      postcode: '400436',
      maxSizeCm: null,
      maxWeightGrams: 31_000,
    });
    fx.requests.length = 0;
    const loc = await exchange(['counties', 'localities'], () =>
      must(cargus.localities?.bind(cargus))(ctx, { id: null, name: 'Bistrița-Năsăud' }),
    );
    assert.ok(loc.ok);
    assert.deepEqual(
      loc.localities.map((x) => [x.id, x.name, x.commune, x.countyId]),
      [
        ['601', 'Bistrita', null, '6'],
        ['655', 'Unirea', 'Bistrita', '6'],
      ],
    );
  });

  it('estimates the price (ShippingCalculation, total with VAT)', async () => {
    const r = await exchange(['login', 'shipping-calculation'], () =>
      must(cargus.estimate?.bind(cargus))(ctx, shipment),
    );
    assert.deepEqual(r, { ok: true, amountMinor: 2047, currency: 'RON' });
  });

  it('refuses without a pickup point, before any call', async () => {
    const r = await cargus.createShipment(
      { ...ctx, credentials: { ...ctx.credentials, location_id: '' } },
      shipment,
    );
    assert.deepEqual(r.ok ? null : r.messages, [{ code: 'pickup_point_missing', text: '' }]);
    assert.equal(fx.requests.length, 0);
  });
});

describe('Cargus mapping', () => {
  const answer = (status: number, body: string) =>
    ({
      status,
      headers: new Headers(),
      body: new TextEncoder().encode(body),
      text: () => body,
      json: () => {
        try {
          return JSON.parse(body) as unknown;
        } catch {
          return undefined;
        }
      },
    }) as const;

  it('reads errors in every documented shape', () => {
    const texts = (status: number, body: string) => cargusMessages(answer(status, body));
    assert.deepEqual(texts(400, '["Greutatea depaseste limita", "Telefon invalid"]'), [
      { code: 'weight_over_limit', text: 'Greutatea depaseste limita' },
      { code: 'address_incomplete', text: 'Telefon invalid' },
    ]);
    assert.deepEqual(texts(400, '{"Error":"Valoarea rambursului este invalida"}'), [
      { code: 'cod_not_allowed', text: 'Valoarea rambursului este invalida' },
    ]);
    assert.deepEqual(texts(400, '{"message":"Ceva nu a mers"}'), [
      { code: 'courier_said', text: 'Ceva nu a mers' },
    ]);
    assert.deepEqual(texts(400, '"Punctul PUDO nu exista"'), [
      { code: 'locker_unknown', text: 'Punctul PUDO nu exista' },
    ]);
    assert.deepEqual(texts(403, 'Forbidden'), [{ code: 'courier_said', text: 'Forbidden' }]);
    assert.deepEqual(texts(400, ''), [{ code: 'courier_said', text: 'HTTP 400' }]);
  });

  it('maps every listed event id, and an unknown one to in_transit', () => {
    const families = new Set(Object.values(CARGUS_STATUSES));
    for (const s of [
      'handed_over',
      'in_transit',
      'out_for_delivery',
      'delivered',
      'refused',
      'returned',
      'cancelled',
    ])
      assert.ok(families.has(s as never), s);
    assert.equal(cargusStatus(6), 'delivered');
    assert.equal(cargusStatus(12345), 'in_transit');
  });

  it('reads Bucharest wall-clock times across the DST change', () => {
    assert.equal(bucharestTime('2026-03-29T02:30:00'), Date.parse('2026-03-29T00:30:00Z'));
    assert.equal(bucharestTime('2026-03-29T05:00:00'), Date.parse('2026-03-29T02:00:00Z'));
    assert.equal(bucharestTime('2026-10-25 12:00:00'), Date.parse('2026-10-25T10:00:00Z'));
    assert.ok(Number.isNaN(bucharestTime('')));
  });
});
