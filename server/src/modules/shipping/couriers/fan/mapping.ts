import type {
  CodSettlementLine,
  CourierLocality,
  CourierMessage,
  CourierOutcome,
  CourierService,
  Locker,
  MadeShipment,
  PickupPoint,
  TrackingEvent,
  UnifiedShipment,
} from '../courier.js';
import {
  COD_TWIN,
  FANBOX_MAX_PARCELS,
  fanTrackingUrl,
  OPTION_OPEN_PACKAGE,
  OPTION_SATURDAY,
  SERVICE_FANBOX,
  SERVICE_STANDARD,
} from './settings.js';
import { fanCounty, withoutDiacritics } from './counties.js';
import { fanStatus } from './statuses.js';

// Pure translation between ecomdir's shapes and FAN's (no I/O here: `client.ts` sends).

type Json = Record<string, unknown>;
type Refusal = { ok: false; messages: CourierMessage[]; retryable: boolean };

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
const num = (v: unknown): number => {
  const n = typeof v === 'number' ? v : Number(str(v).replace(',', '.'));
  return Number.isFinite(n) ? n : 0;
};
const refuse = (code: string, text = '', retryable = false): Refusal => ({
  ok: false,
  retryable,
  messages: [{ code, text }],
});

/** FAN's client id is numeric in its examples; a non-numeric one is sent as written. */
export const clientIdValue = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

/**
 * FAN writes local Romanian time without a zone ("2023-11-28 18:58:00", "20.11.2023"): read as
 * Europe/Bucharest. NaN when the text is neither shape.
 */
export function bucharestMs(text: string): number {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text.trim()) ??
    /^(\d{2})\.(\d{2})\.(\d{4})()()()/.exec(text.trim());
  if (!m) return NaN;
  const [y, mo, d] = m[1]?.length === 4 ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const asUtc = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    +(m[4] || 0),
    +(m[5] || 0),
    +(m[6] || 0),
  );
  // The zone's offset at that moment (looked up twice: right across a DST change too).
  const offset = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Bucharest',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(t);
    const p = (k: string) => Number(parts.find((x) => x.type === k)?.value);
    return Date.UTC(p('year'), p('month') - 1, p('day'), p('hour'), p('minute'), p('second')) - t;
  };
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

/** The calendar day (YYYY-MM-DD) in Bucharest of a moment, as FAN's reports take it. */
export function bucharestDay(ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Bucharest' }).format(ms);
}

/** Words FAN uses about the place → our shared code; the text stays FAN's own. */
function codeOf(field: string, text: string): string {
  const s = `${field} ${text}`.toLowerCase();
  if (/pickuplocation|fanbox|pudo/.test(s)) return 'locker_unknown';
  if (/localit|county|jude[tț]/.test(s)) return 'locality_unknown';
  return 'courier_said';
}

/**
 * FAN's refusals come as `{status:"fail"|"error", message}`, Laravel-style
 * `{message, errors:{field:[…]}}`, or per shipment `errors:{field:"…"}`: every text kept.
 */
export function messagesOf(body: unknown, fallback: string): CourierMessage[] {
  const out: CourierMessage[] = [];
  if (isObj(body)) {
    const errors = body.errors;
    if (isObj(errors))
      for (const [field, v] of Object.entries(errors))
        for (const text of (Array.isArray(v) ? v : [v]).map(str).filter(Boolean))
          out.push({ code: codeOf(field, text), text });
    const message = str(body.message);
    if (out.length === 0 && message) out.push({ code: codeOf('', message), text: message });
  }
  return out.length > 0 ? out : [{ code: 'courier_said', text: fallback }];
}

/** An answer FAN did not succeed with: a server error may pass, a refusal will not. */
export function failure(status: number, body: unknown): Refusal {
  const retryable = status >= 500 || status === 429;
  return { ok: false, retryable, messages: messagesOf(body, `HTTP ${status}`) };
}

/** FAN's envelope `{status:"success", data}`; anything else (HTTP 200 included) is a failure. */
export function dataOf(status: number, body: unknown): { ok: true; data: unknown } | Refusal {
  if (status >= 200 && status < 300 && isObj(body) && body.status === 'success')
    return { ok: true, data: body.data };
  return failure(status, body);
}

const list = (data: unknown): Json[] =>
  (Array.isArray(data) ? data : isObj(data) ? Object.values(data) : []).filter(isObj);

/**
 * A service as a rule or a setting names it ("standard", "cont-colector") → FAN's own name;
 * a name FAN did not list here is sent as written.
 */
export function canonicalService(name: string): string {
  const key = (n: string) =>
    n
      .toLowerCase()
      .replace(/[-_\s]+/g, ' ')
      .trim();
  if (key(name) === '') return SERVICE_STANDARD;
  const known = [...Object.keys(COD_TWIN), ...Object.values(COD_TWIN)];
  return known.find((k) => key(k) === key(name)) ?? name.trim();
}

/** The FAN service for this shipment: the locker service for a locker, COD's twin for COD. */
export function serviceFor(s: Pick<UnifiedShipment, 'service' | 'codMinor' | 'locker'>) {
  const plainOf = (name: string) =>
    Object.entries(COD_TWIN).find(([, twin]) => twin.toLowerCase() === name.toLowerCase())?.[0];
  const asked = canonicalService(s.service);
  let base = plainOf(asked) ?? asked;
  if (s.locker && !/fanbox|collectpoint/i.test(base)) base = SERVICE_FANBOX;
  if (!s.codMinor) return { ok: true as const, service: base };
  const twin = COD_TWIN[base];
  return twin ? { ok: true as const, service: twin } : refuse('cod_not_allowed', base);
}

/**
 * County and locality by name as FAN spells them: the nomenclature's match when there is one,
 * else the address as typed, its county code turned into a name and diacritics dropped.
 */
export function placeOf(s: Pick<UnifiedShipment, 'destination' | 'recipient'>) {
  if (s.destination)
    return { county: s.destination.countyName, locality: s.destination.localityName };
  return { county: fanCounty(s.recipient.county), locality: withoutDiacritics(s.recipient.city) };
}

/**
 * The `intern-awb` body for one shipment, or a refusal made before any call (nothing FAN
 * would accept). The reference goes in `costCenter`: the one free field FAN gives back in
 * its AWB list (`reports/awb`), which is how `findByReference` finds a lost answer.
 */
export function createBody(
  s: Omit<UnifiedShipment, 'reference'> & { reference: string },
  clientId: string,
): { ok: true; json: Json } | Refusal {
  const svc = serviceFor(s);
  if (!svc.ok) return svc;
  const { county, locality } = placeOf(s);
  if (!county.trim() || !locality.trim()) return refuse('address_incomplete');
  if (s.locker && s.parcels > FANBOX_MAX_PARCELS) return refuse('locker_single_parcel');
  const options = [
    ...(s.saturday ? [OPTION_SATURDAY] : []),
    ...(s.openPackage ? [OPTION_OPEN_PACKAGE] : []),
  ];
  const street = [s.recipient.address1, s.recipient.address2].filter(Boolean).join(', ');
  return {
    ok: true,
    json: {
      clientId: clientIdValue(clientId),
      shipments: [
        {
          info: {
            service: svc.service,
            packages: { parcel: s.parcels, envelope: 0 },
            // FAN's weight is whole kilograms (its examples and the tariff): rounded up.
            weight: Math.max(1, Math.ceil(s.weightGrams / 1000)),
            cod: s.codMinor ? s.codMinor / 100 : 0,
            currency: s.currency,
            declaredValue: s.declaredValueMinor / 100,
            payment: s.payer === 'sender' ? 'expeditor' : 'destinatar',
            observation: s.observations,
            content: s.content,
            ...(s.sizeCm && {
              dimensions: {
                length: s.sizeCm.length,
                height: s.sizeCm.height,
                width: s.sizeCm.width,
              },
            }),
            costCenter: s.reference,
            options,
          },
          recipient: {
            name: s.recipient.company || s.recipient.name,
            contactPerson: s.recipient.name,
            phone: s.recipient.phone,
            email: s.recipient.email,
            address: {
              county,
              locality,
              street: s.locker ? '' : street,
              // FAN demands a string; the number is already in the street line.
              streetNo: '',
              zipCode: s.destination?.postcode ?? s.recipient.postcode ?? '',
              ...(s.locker && { pickupLocationId: s.locker.id }),
            },
          },
        },
      ],
    },
  };
}

/** `{response:[{awbNumber,…,errors:null}]}`; a refused shipment has `awbNumber:null, errors`. */
export function createResult(status: number, body: unknown): CourierOutcome<MadeShipment> {
  const first: unknown = isObj(body) ? list(body.response)[0] : undefined;
  if (status < 200 || status >= 300 || !isObj(first)) return failure(status, body);
  const awb = str(first.awbNumber);
  if (awb && (first.errors === null || first.errors === undefined))
    return { ok: true, awb, trackingUrl: fanTrackingUrl(awb) };
  return { ok: false, retryable: false, messages: messagesOf(first, 'AWB not made') };
}

/** The AWB whose `costCenter` is the reference, in one page of FAN's AWB list. */
export function awbInSlip(data: unknown, reference: string): string | null {
  for (const row of list(data)) {
    const info = isObj(row.info) ? row.info : {};
    if (str(info.costCenter) === reference && str(info.awbNumber)) return str(info.awbNumber);
  }
  return null;
}

export function trackingEvents(data: unknown): TrackingEvent[] {
  const out: TrackingEvent[] = [];
  for (const t of list(data)) {
    const awb = str(t.awbNumber);
    for (const e of list(t.events)) {
      const code = str(e.id);
      const at = bucharestMs(str(e.date));
      if (!code || Number.isNaN(at)) continue;
      const place = str(e.location);
      const text = place ? `${str(e.name)} (${place})` : str(e.name);
      out.push({ awb, status: fanStatus(code), code, text, at });
    }
  }
  return out;
}

export function servicesOf(data: unknown): CourierService[] {
  return list(data).map((s) => ({
    id: str(s.name),
    name: str(s.description) || str(s.name),
    locker: /fanbox|collectpoint/i.test(str(s.name)),
  }));
}

/** FAN's branches ("sucursale") of the login: each is a client id AWBs can be billed to. */
export function branchesOf(data: unknown): PickupPoint[] {
  return list(data).map((b, i) => {
    const a = isObj(b.address) ? b.address : {};
    const address = [str(a.street), str(a.streetNo), str(a.locality), str(a.county)]
      .filter(Boolean)
      .join(', ');
    return { id: str(b.id), name: str(b.name), address, isDefault: i === 0 };
  });
}

export function lockersOf(data: unknown): Locker[] {
  return list(data).map((p) => {
    const a = isObj(p.address) ? p.address : {};
    return {
      id: str(p.id),
      name: str(p.name),
      address: [str(a.street), str(a.streetNo)].filter(Boolean).join(' '),
      city: str(a.locality),
      county: str(a.county),
      postcode: str(a.zipCode) || null,
      // FAN lists compartments by type, not by size in cm: the limits are not in the answer.
      maxSizeCm: null,
      maxWeightGrams: null,
    };
  });
}

export function localitiesOf(data: unknown, counties: Map<string, string>): CourierLocality[] {
  return list(data).map((l) => ({
    id: str(l.id) || null,
    name: str(l.name),
    countyId: counties.get(str(l.county).toLowerCase()) ?? null,
    countyName: str(l.county),
    commune: null,
    postcode: null,
  }));
}

export function countiesOf(data: unknown): Map<string, string> {
  return new Map(list(data).map((c) => [str(c.name).toLowerCase(), str(c.id)]));
}

/** The tariff query (PHP-style nested keys, as FAN reads them). */
export function tariffQuery(s: Omit<UnifiedShipment, 'reference'>, clientId: string) {
  const svc = serviceFor(s);
  if (!svc.ok) return svc;
  return {
    ok: true as const,
    query: {
      clientId: clientIdValue(clientId),
      info: {
        service: svc.service,
        payment: s.payer === 'sender' ? 'expeditor' : 'destinatar',
        weight: Math.max(1, Math.ceil(s.weightGrams / 1000)),
        packages: { parcel: s.parcels },
        ...(s.declaredValueMinor > 0 && { declaredValue: s.declaredValueMinor / 100 }),
        ...(s.sizeCm && { dimensions: { ...s.sizeCm } }),
      },
      recipient: { locality: placeOf(s).locality, county: placeOf(s).county },
    },
  };
}

/** `{total}` is FAN's price with VAT, in lei. */
export function tariffOf(data: unknown) {
  const d = isObj(data) ? data : {};
  if (d.total === undefined) return refuse('courier_said', 'no tariff');
  return { ok: true as const, amountMinor: Math.round(num(d.total) * 100), currency: 'RON' };
}

/**
 * One day of `reports/bank-transfers`: each row is an AWB whose cash on delivery FAN paid out
 * (`amountCollected` in lei, `transferDate` dd.mm.yyyy). The reimbursement AWB, when FAN gives
 * one, names the payment; otherwise the transfer day does.
 */
export function settlementLines(data: unknown): CodSettlementLine[] {
  return list(data).flatMap((row) => {
    const info = isObj(row.info) ? row.info : {};
    const awb = str(info.awbNumber);
    if (!awb) return [];
    const paidAt = bucharestMs(str(info.transferDate));
    return [
      {
        awb,
        amountMinor: Math.round(num(info.amountCollected) * 100),
        currency: 'RON',
        paidAt: Number.isNaN(paidAt) ? null : paidAt,
        reference: str(info.reimbursementAwbNumber) || `FAN ${str(info.transferDate)}`,
      },
    ];
  });
}

/** The rows of one page of a paged report (FAN sends a list; an object keyed by id is read too). */
export const rowsOf = (data: unknown): unknown[] => list(data);
