import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  expectRequest,
  type FixtureServer,
  loadFixture,
  startCourierFixtures,
} from '../../../../../test/support/courier-fixtures.js';
import type { Courier, CourierContext, UnifiedShipment } from '../courier.js';
import type { LabelData } from '../../labels/label-data.js';
import { dpdCourier } from './index.js';
import { cancelMessages, messageOf } from './mapping.js';
import { DPD_STATUSES, dpdStatus } from './statuses.js';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = (name: string) => loadFixture(DIR, name);

const ctx: CourierContext = {
  accountId: 1,
  credentials: { username: 'magazin-dpd', password: 'parola-dpd', client_id: '50123' },
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
  observations: '',
  payer: 'sender',
  sizeCm: { length: 30, width: 20, height: 10 },
  saturday: false,
  openPackage: true,
  locker: null,
  destination: {
    countyId: null,
    countyName: 'Cluj',
    localityId: '68134',
    localityName: 'Cluj-Napoca',
    postcode: '400001',
  },
  content: '2× Tricou alb',
};

function must<T>(op: T | undefined): T {
  assert.ok(op, 'the adapter offers this operation');
  return op;
}
const label = (awb: string) => ({ awb }) as LabelData;

describe('DPD Romania adapter (recorded answers of the documented API)', () => {
  let fx: FixtureServer;
  let dpd: Courier;
  beforeEach(async () => {
    fx = await startCourierFixtures();
    dpd = dpdCourier({ baseUrl: fx.url, timeoutMs: 2000 });
  });
  afterEach(async () => {
    assert.deepEqual(
      fx.pending().map((f) => f.name),
      [],
      'every recorded answer was asked for',
    );
    await fx.close();
  });

  const exchange = async <T>(names: string[], call: () => Promise<T>): Promise<T> => {
    const fixtures = names.map(fixture);
    fx.serve(...fixtures);
    const out = await call();
    assert.equal(fx.requests.length, fixtures.length, 'one request per recorded answer');
    fixtures.forEach((f, i) => expectRequest(fx.requests[i], f.request));
    return out;
  };

  it('makes a COD AWB to the matched site, the login in the body, open package', async () => {
    const made = await exchange(['create-cod'], () => dpd.createShipment(ctx, shipment));
    assert.deepEqual(made, {
      ok: true,
      awb: '80512345678',
      trackingUrl: 'https://tracking.dpd.ro/?shipmentNumber=80512345678&language=ro',
    });
  });

  it('makes a prepaid AWB with Saturday delivery', async () => {
    const made = await exchange(['create-prepaid'], () =>
      dpd.createShipment(ctx, { ...shipment, codMinor: null, saturday: true }),
    );
    assert.equal(made.ok && made.awb, '80512345679');
  });

  it('sends a locker parcel to the pickup office, with no site', async () => {
    const made = await exchange(['create-locker'], () =>
      dpd.createShipment(ctx, {
        ...shipment,
        destination: null,
        locker: { id: '1234', name: 'DPD Pickup Iulius Mall' },
      }),
    );
    assert.equal(made.ok && made.awb, '80512345680');
  });

  it('without a matched site: finds the one site by name, then makes the AWB', async () => {
    const made = await exchange(['site-search', 'create-cod'], () =>
      dpd.createShipment(ctx, { ...shipment, destination: null }),
    );
    assert.equal(made.ok && made.awb, '80512345678');
  });

  it('an unknown locality is refused before any AWB', async () => {
    const made = await exchange(['site-unknown'], () =>
      dpd.createShipment(ctx, {
        ...shipment,
        destination: null,
        recipient: { ...shipment.recipient, city: 'Cluj-Napocaa' },
      }),
    );
    assert.deepEqual(made, {
      ok: false,
      retryable: false,
      messages: [{ code: 'locality_unknown', text: 'Cluj-Napocaa' }],
    });
  });

  it('an HTTP 200 carrying {error} is a failure, in DPD words', async () => {
    const made = await exchange(['create-200-error'], () => dpd.createShipment(ctx, shipment));
    assert.deepEqual(made, {
      ok: false,
      retryable: false,
      messages: [
        {
          code: 'service_unavailable',
          text: 'Serviciul 2505 nu este permis pentru acest destinatar.',
        },
      ],
    });
  });

  it('wrong credentials: recorded, and not sent again for 15 minutes', async () => {
    let now = Date.parse('2026-11-30T10:00:00Z');
    dpd = dpdCourier({ baseUrl: fx.url, timeoutMs: 2000 }, { now: () => now });
    const first = await exchange(['login-refused'], () => dpd.createShipment(ctx, shipment));
    const refused = {
      ok: false,
      retryable: false,
      messages: [{ code: 'credentials_refused', text: 'Invalid username or password' }],
    };
    assert.deepEqual(first, refused);
    assert.deepEqual(await dpd.track(ctx, ['80512345678']), refused);
    assert.equal(fx.requests.length, 1, 'nothing sent while the refusal holds');
    // Other credentials are not held back.
    fx.serve(fixture('find-by-reference'));
    const other = { ...ctx, credentials: { ...ctx.credentials, password: 'alta' } };
    await dpd.findByReference(other, '41-1');
    assert.equal(fx.requests.length, 2);
    now += 15 * 60_000 + 1;
    fx.serve(fixture('cancel'));
    assert.deepEqual(await dpd.cancel(ctx, '80512345678'), { ok: true });
    const none = await dpd.createShipment({ ...ctx, credentials: null }, shipment);
    assert.deepEqual(none.ok ? null : none.messages, [{ code: 'credentials_missing', text: '' }]);
  });

  it('finds the AWB of a lost answer by ref1; a failed search is not "none"', async () => {
    const found = await exchange(['find-by-reference'], () => dpd.findByReference(ctx, '41-1'));
    assert.equal(found?.awb, '80512345678');
    fx.requests.length = 0;
    fx.serve(fixture('find-by-reference'));
    assert.equal(await dpd.findByReference(ctx, '99-1'), null);
    fx.serve({
      ...fixture('find-by-reference'),
      response: { json: { error: { message: 'Temporar indisponibil' } } },
    });
    await assert.rejects(dpd.findByReference(ctx, '41-1'), /did not answer/);
  });

  it('prints the A6 labels of several AWBs as one PDF', async () => {
    const r = await exchange(['label-a6'], () =>
      dpd.label(ctx, [label('80512345678'), label('80512345679')], 'a6'),
    );
    assert.ok(r.ok);
    assert.equal(r.document.pages, 2);
    assert.equal(r.document.filename, 'dpd-2-awb.pdf');
    assert.equal(Buffer.from(r.document.body).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  it('a label refused with HTTP 200 {error} is a failure', async () => {
    const r = await exchange(['label-error'], () => dpd.label(ctx, [label('123')], 'a4x4'));
    assert.deepEqual(r.ok ? null : r.messages, [
      { code: 'awb_not_found', text: 'Parcel 123 not found' },
    ]);
  });

  it('tracks 12 AWBs in two calls (≤ 10 each): every status family, oldest first', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `8051234${String(i + 1).padStart(4, '0')}`);
    const r = await exchange(['track', 'track-rest'], () => dpd.track(ctx, ids));
    assert.ok(r.ok);
    assert.deepEqual(
      r.events.map((e) => `${e.awb.slice(-2)}:${e.code}:${e.status}`),
      [
        '03:128:cancelled',
        '01:1:handed_over',
        '02:2:in_transit',
        '01:12:out_for_delivery',
        '01:-14:delivered',
        '02:43:refused',
        '11:11:in_transit',
        '11:777:in_transit',
        '02:124:returned',
      ],
    );
    const delivered = r.events.find((e) => e.code === '-14');
    assert.equal(delivered?.at, Date.parse('2026-11-28T11:10:00Z'));
    assert.equal(delivered?.text, 'Livrat (Iasi)');
  });

  it('cancels before pickup; after pickup DPD refuses in words we map', async () => {
    assert.deepEqual(await exchange(['cancel'], () => dpd.cancel(ctx, '80512345678')), {
      ok: true,
    });
    fx.requests.length = 0;
    const late = await exchange(['cancel-picked-up'], () => dpd.cancel(ctx, '80512345678'));
    assert.deepEqual(late.ok ? null : late.messages.map((m) => m.code), ['awb_already_picked_up']);
  });

  it('words about a pick-up point on a create are not "already picked up"', () => {
    assert.deepEqual(messageOf('Punctul de ridicare 99 nu există.'), {
      code: 'locker_unknown',
      text: 'Punctul de ridicare 99 nu există.',
    });
    assert.deepEqual(cancelMessages([messageOf('Expediția a fost preluată.')]), [
      { code: 'awb_already_picked_up', text: 'Expediția a fost preluată.' },
    ]);
  });

  it('Test connection: services and the contract clients as pickup points', async () => {
    const r = await exchange(['services', 'client-contract'], () =>
      must(dpd.connect?.bind(dpd))(ctx),
    );
    assert.ok(r.ok);
    assert.deepEqual(
      r.services.map((s) => s.id),
      ['2505', '2002'],
    );
    assert.deepEqual(r.pickupPoints[1], {
      id: '50123',
      name: 'MAGAZIN SRL — DEPOZIT CLUJ',
      address: 'CLUJ-NAPOCA, STR. FABRICII 3',
      isDefault: true,
    });
  });

  it('lists the offices and automats with their size limits, and a county’s sites', async () => {
    const l = await exchange(['offices'], () => must(dpd.lockers?.bind(dpd))(ctx));
    assert.ok(l.ok);
    assert.deepEqual(l.lockers[0], {
      id: '1234',
      name: 'DPD Pickup Iulius Mall',
      address: 'Str. Alexandru Vaida Voevod 53B',
      city: 'CLUJ-NAPOCA',
      county: 'CLUJ',
      postcode: '400436',
      maxSizeCm: { length: 60, width: 40, height: 35 },
      maxWeightGrams: 20_000,
    });
    fx.requests.length = 0;
    const s = await exchange(['sites-county'], () =>
      must(dpd.localities?.bind(dpd))(ctx, { id: null, name: 'Bistrița-Năsăud' }),
    );
    assert.ok(s.ok);
    assert.deepEqual(
      s.localities.map((x) => [x.id, x.name, x.commune]),
      [
        ['5001', 'BISTRITA', null],
        ['5002', 'UNIREA', 'BISTRITA'],
      ],
    );
  });

  it('estimates the price with /calculate', async () => {
    const r = await exchange(['calculate'], () => must(dpd.estimate?.bind(dpd))(ctx, shipment));
    assert.deepEqual(r, { ok: true, amountMinor: 2202, currency: 'RON' });
  });

  it('maps every status family; an unknown code reads in_transit', () => {
    const families = new Set(Object.values(DPD_STATUSES));
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
    assert.equal(dpdStatus(-14), 'delivered');
    assert.equal(dpdStatus(5555), 'in_transit');
  });
});
