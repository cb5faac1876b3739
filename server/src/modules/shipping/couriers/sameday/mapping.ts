import type { CourierAnswer } from '../http/courier-http.js';
import type { LoginResult } from '../http/sessions.js';
import type {
  CourierLocality,
  CourierMessage,
  CourierOutcome,
  CourierService,
  Locker,
  MadeShipment,
  PickupPoint,
  ShipmentStatus,
  TrackingEvent,
  UnifiedShipment,
} from '../courier.js';
import {
  AWB_PAYMENT,
  EASYBOX_MAX_SIZE_CM,
  EASYBOX_MAX_WEIGHT_GRAMS,
  PACKAGE_TYPE_PARCEL,
  SAMEDAY_TIME_ZONE,
} from './settings.js';
import { samedayStatus } from './statuses.js';

// Pure functions: our shipment → Sameday's request, Sameday's answers → our results and
// messages. A business refusal is data; nothing here does I/O.

type Json = Record<string, unknown>;
type Failure = { ok: false; messages: CourierMessage[]; retryable: boolean };

const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const decimal = (minor: number): string => (minor / 100).toFixed(2);
/** Kilograms as Sameday reads them ("1.25"), from grams. */
export const kg = (grams: number): string => String(Math.round(grams) / 1000);

type Box = { length: number; width: number; height: number };
/** Sides compared longest to longest: a box turned on its side still fits. */
function fitsIn(box: Box, max: Box): boolean {
  const sides = (b: Box) => [b.length, b.width, b.height].sort((x, y) => y - x);
  const limit = sides(max);
  return sides(box).every((v, i) => v <= (limit[i] ?? 0));
}

/** Who sends and how: the ids the create and the estimate name. */
export interface SendAs {
  pickupPoint: string;
  contactPerson: string;
  service: string;
}

/** Refusals we can tell before asking Sameday (options it lacks, an easybox too small). */
export function shipmentProblems(s: Omit<UnifiedShipment, 'reference'>): CourierMessage[] {
  const out: CourierMessage[] = [];
  if (s.saturday) out.push({ code: 'option_not_offered', text: 'saturday' });
  if (s.openPackage) out.push({ code: 'option_not_offered', text: 'open_package' });
  if (s.locker) {
    if (s.sizeCm && !fitsIn(s.sizeCm, EASYBOX_MAX_SIZE_CM))
      out.push({ code: 'parcel_too_large_for_locker', text: s.locker.name });
    if (s.weightGrams > EASYBOX_MAX_WEIGHT_GRAMS)
      out.push({ code: 'weight_over_limit', text: kg(s.weightGrams) });
  }
  return out;
}

/** The create (and estimate) form, in Sameday's PHP-style nesting; key order kept. */
export function awbFields(
  s: Omit<UnifiedShipment, 'reference'> & { reference?: string },
  as: SendAs,
): Record<string, unknown> {
  const n = Math.max(1, s.parcels);
  const r = s.recipient;
  const d = s.destination;
  const parcel = {
    weight: kg(s.weightGrams / n),
    ...(s.sizeCm && { width: s.sizeCm.width, length: s.sizeCm.length, height: s.sizeCm.height }),
  };
  return {
    pickupPoint: as.pickupPoint,
    contactPerson: as.contactPerson,
    packageType: PACKAGE_TYPE_PARCEL,
    packageNumber: n,
    packageWeight: kg(s.weightGrams),
    service: as.service,
    awbPayment: AWB_PAYMENT[s.payer],
    cashOnDelivery: decimal(s.codMinor ?? 0),
    insuredValue: decimal(s.declaredValueMinor),
    thirdPartyPickup: 0,
    awbRecipient: {
      name: r.name,
      phoneNumber: r.phone,
      personType: r.company ? 1 : 0,
      ...(r.company && { companyName: r.company }),
      email: r.email,
      address: [r.address1, r.address2].filter(Boolean).join(', '),
      // Ids when the nomenclature step matched the place; Sameday also takes the names.
      ...(d?.localityId ? { city: d.localityId } : { cityString: d?.localityName ?? r.city }),
      ...(d?.countyId ? { county: d.countyId } : { countyString: d?.countyName ?? r.county }),
      postalCode: d?.postcode ?? r.postcode ?? '',
    },
    parcels: Array.from({ length: n }, () => parcel),
    observation: s.observations,
    clientInternalReference: s.reference,
    lockerLastMile: s.locker?.id,
  };
}

/** The field a Sameday validation error names → the shared meaning, where there is one. */
const FIELD_CODES: readonly (readonly [RegExp, string])[] = [
  [/lockerLastMile/i, 'locker_unknown'],
  [/city|county|postalCode/i, 'locality_unknown'],
  [/cashOnDelivery/i, 'cod_not_allowed'],
  [/service/i, 'service_unavailable'],
  [/address|phoneNumber|awbRecipient/i, 'address_incomplete'],
];

/**
 * Sameday's error bodies: `{code, message}` and, for a rejected form, a tree
 * `errors.children.<field>(.children…).errors[]` naming the fields. Kept verbatim as text.
 */
export function messagesOf(answer: CourierAnswer): CourierMessage[] {
  const body = answer.json();
  const out: CourierMessage[] = [];
  const walk = (node: unknown, path: string[]) => {
    const n = obj(node);
    for (const e of list(n.errors)) {
      const text = str(e);
      if (!text) continue;
      const field = path.join('.');
      const code = FIELD_CODES.find(([re]) => re.test(field))?.[1] ?? 'courier_said';
      out.push({ code, text: field ? `${field}: ${text}` : text });
    }
    for (const [k, child] of Object.entries(obj(n.children))) walk(child, [...path, k]);
  };
  const b = obj(body);
  walk(b.errors, []);
  if (out.length) return out;
  const text = str(b.message) || str(obj(b.error).message) || answer.text().slice(0, 300);
  return [{ code: 'courier_said', text: text || `HTTP ${answer.status}` }];
}

export function failureOf(answer: CourierAnswer, notFound?: string): Failure {
  const retryable = answer.status >= 500 || answer.status === 429;
  if (answer.status === 404 && notFound)
    return { ok: false, retryable: false, messages: [{ code: notFound, text: '' }] };
  return { ok: false, retryable, messages: messagesOf(answer) };
}

export function parseLogin(answer: CourierAnswer): LoginResult {
  const b = obj(answer.json());
  const token = str(b.token);
  const expiresAt = bucharestMs(str(b.expire_at));
  if (answer.status === 200 && token && expiresAt !== null) return { ok: true, token, expiresAt };
  const [first] = messagesOf(answer);
  return { ok: false, messages: [{ code: 'credentials_refused', text: first?.text ?? '' }] };
}

/** A 2xx without an AWB number is a failure too (an error carried in a success). */
export function parseCreated(answer: CourierAnswer): CourierOutcome<MadeShipment> {
  const awb = str(obj(answer.json()).awbNumber);
  if (answer.status >= 200 && answer.status < 300 && awb)
    // No documented public tracking link: ecomdir's own page is shown.
    return { ok: true, awb, trackingUrl: null };
  return failureOf(answer);
}

// ---- dates -------------------------------------------------------------------------------

const zoneParts = new Intl.DateTimeFormat('en-US', {
  timeZone: SAMEDAY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** How far Bucharest's wall clock is ahead of UTC at an instant (2 h in winter, 3 h in summer). */
function offsetAt(ms: number): number {
  const p = Object.fromEntries(zoneParts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * A Sameday date in ms: with an offset ("2026-11-30T10:00:00+0200") as written; without one
 * ("2026-11-30 10:00", the token's expire_at) as Bucharest wall-clock time. Null: unreadable.
 */
export function bucharestMs(text: string): number | null {
  const m =
    /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', zone] = m;
  const wall = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s);
  if (zone) {
    if (zone === 'Z') return wall;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return wall - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  }
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const first = wall - offsetAt(wall);
  return wall - offsetAt(first);
}

// ---- tracking ----------------------------------------------------------------------------

/**
 * One AWB's history, oldest first. An event whose status neither the id nor the words tell
 * keeps the status before it (created at first), with Sameday's code and words kept.
 */
export function parseHistory(awb: string, body: unknown): TrackingEvent[] {
  const rows = list(obj(body).expeditionHistory)
    .map((raw) => {
      const e = obj(raw);
      const label = str(e.statusLabel) || str(e.status);
      const reason = str(e.reason);
      return {
        id: Number(e.statusId),
        words: [e.status, e.statusLabel, e.statusState].map(str).join(' '),
        text: reason ? `${label}: ${reason}` : label,
        at: bucharestMs(str(e.statusDate)),
      };
    })
    .filter((e): e is typeof e & { at: number } => e.at !== null)
    .sort((a, b) => a.at - b.at);
  let last: ShipmentStatus = 'created';
  return rows.map((e) => {
    last = samedayStatus(e.id, e.words) ?? last;
    return { awb, status: last, code: String(e.id), text: e.text, at: e.at };
  });
}

// ---- lists -------------------------------------------------------------------------------

/** One page of a Sameday list: its rows and how many pages there are. */
export function pageOf(body: unknown): { rows: Json[]; pages: number } {
  const b = obj(body);
  return { rows: list(b.data).map(obj), pages: Number(b.pages) || 1 };
}

export function toService(row: Json): CourierService {
  const name = str(row.name);
  const kind = `${name} ${str(obj(row.deliveryType).name)}`;
  return {
    id: str(row.id),
    name,
    // easybox services: "Locker NextDay" (code LN) and the like.
    locker: /locker|easybox/i.test(kind) || /^LN$/i.test(str(row.serviceCode)),
  };
}

export interface SamedayPickupPoint extends PickupPoint {
  /** The contact person to name in the create: the default one, else the first. */
  contactPerson: string | null;
}

export function toPickupPoint(row: Json): SamedayPickupPoint {
  const people = list(row.pickupPointContactPerson).map(obj);
  const person = people.find((p) => p.defaultContactPerson === true) ?? people[0];
  const address = [str(row.address), str(obj(row.city).name), str(obj(row.county).name)]
    .filter(Boolean)
    .join(', ');
  return {
    id: str(row.id),
    name: str(row.alias) || str(row.address),
    address,
    isDefault: row.defaultPickupPoint === true,
    contactPerson: person ? str(person.id) : null,
  };
}

export function toLocker(row: Json): Locker {
  return {
    id: str(row.lockerId),
    name: str(row.name),
    address: str(row.address),
    city: str(row.city),
    county: str(row.county),
    postcode: str(row.postalCode) || null,
    maxSizeCm: EASYBOX_MAX_SIZE_CM,
    maxWeightGrams: EASYBOX_MAX_WEIGHT_GRAMS,
  };
}

export function toLocality(row: Json): CourierLocality {
  const county = obj(row.county);
  return {
    id: str(row.id) || null,
    name: str(row.name),
    countyId: str(county.id) || null,
    countyName: str(county.name),
    // Sameday names the commune a village belongs to in `village` (empty for towns).
    commune: str(row.village) || null,
    postcode: str(row.postalCode) || null,
  };
}

export function parseEstimate(
  answer: CourierAnswer,
): CourierOutcome<{ amountMinor: number; currency: string }> {
  const b = obj(answer.json());
  const amount = Number(b.amount);
  if (answer.status === 200 && b.amount !== undefined && Number.isFinite(amount))
    return { ok: true, amountMinor: Math.round(amount * 100), currency: str(b.currency) || 'RON' };
  return failureOf(answer);
}

/** Folds names for matching ("Bistrița-Năsăud" = "bistrita nasaud"). */
export function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
