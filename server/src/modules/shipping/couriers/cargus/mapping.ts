import type {
  CourierContext,
  CourierLocality,
  CourierMessage,
  CourierOutcome,
  Locker,
  MadeShipment,
  PickupPoint,
  TrackingEvent,
  UnifiedShipment,
} from '../courier.js';
import type { CourierAnswer } from '../http/courier-http.js';
import {
  LOCKER_MAX_GRAMS,
  SERVICE_HEAVY,
  SERVICE_PALLET,
  SERVICE_SHIP_AND_GO,
  SERVICE_STANDARD,
  trackingUrlOf,
} from './settings.js';
import { cargusStatus } from './statuses.js';

// Pure functions: our shipment → Cargus' request, Cargus' answers → results and messages.

type Refusal = { ok: false; messages: CourierMessage[]; retryable: boolean };
const refuse = (code: string, text = ''): Refusal => ({
  ok: false,
  retryable: false,
  messages: [{ code, text }],
});

/** A scalar as text; anything else (null, an object) is empty. */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** A non-secret choice: the context's options first, else the login (one form in the dashboard). */
export function optionOf(ctx: CourierContext, key: string): string {
  const chosen = OPTION_ALIASES[key];
  return (
    ctx.options[key] ??
    (chosen ? ctx.options[chosen] : undefined) ??
    ctx.credentials?.[key] ??
    ''
  ).trim();
}

/** The dashboard saves the chosen pickup point and default service under these names. */
const OPTION_ALIASES: Record<string, string> = {
  location_id: 'pickup_point',
  service_id: 'service',
};

/** The documented service by weight; the locker service for Ship & Go; a chosen id as it is. */
export function serviceIdFor(
  s: Pick<UnifiedShipment, 'service' | 'locker' | 'weightGrams'>,
  chosen: string,
): number {
  if (s.locker) return SERVICE_SHIP_AND_GO;
  const explicit = Number(/^\d+$/.test(s.service) ? s.service : chosen);
  if (Number.isInteger(explicit) && explicit > 0) return explicit;
  if (s.weightGrams <= 31_000) return SERVICE_STANDARD;
  if (s.weightGrams <= 50_000) return SERVICE_HEAVY;
  return SERVICE_PALLET;
}

const major = (minor: number) => Math.round(minor) / 100;
/** Cargus counts whole kilograms; a parcel under one still weighs one. */
const kg = (grams: number) => Math.max(1, Math.ceil(grams / 1000));

/** The AWB request of `Awbs/WithGetAwb`, or the reason it cannot be sent. */
export function awbRequest(
  ctx: CourierContext,
  s: Omit<UnifiedShipment, 'reference'> & { reference?: string },
): { ok: true; body: Record<string, unknown> } | Refusal {
  const locationId = Number(optionOf(ctx, 'location_id'));
  if (!Number.isInteger(locationId) || locationId <= 0) return refuse('pickup_point_missing');
  if (s.codMinor !== null && s.currency !== 'RON') return refuse('cod_not_allowed', s.currency);
  if (s.locker && s.weightGrams > LOCKER_MAX_GRAMS) return refuse('parcel_too_large_for_locker');
  const r = s.recipient;
  const d = s.destination;
  const size = s.sizeCm;
  const parcels = Math.max(1, s.parcels);
  const each = Math.max(1, Math.round(kg(s.weightGrams) / parcels));
  return {
    ok: true,
    body: {
      Sender: { LocationId: locationId },
      Recipient: {
        Name: r.company || r.name,
        // Ids where the nomenclature step matched them; Cargus matches the names otherwise.
        ...(d?.countyId ? { CountyId: Number(d.countyId) } : {}),
        CountyName: d?.countyName ?? r.county,
        ...(d?.localityId ? { LocalityId: Number(d.localityId) } : {}),
        LocalityName: d?.localityName ?? r.city,
        AddressText: [r.address1, r.address2].filter(Boolean).join(', '),
        ContactPerson: r.name,
        PhoneNumber: r.phone,
        Email: r.email,
        CodPostal: d?.postcode ?? r.postcode ?? '',
      },
      ...(s.locker ? { DeliveryPudoPoint: Number(s.locker.id) } : {}),
      Parcels: parcels,
      Envelopes: 0,
      TotalWeight: kg(s.weightGrams),
      ServiceId: serviceIdFor(s, optionOf(ctx, 'service_id')),
      DeclaredValue: major(s.declaredValueMinor),
      CashRepayment: s.codMinor === null ? 0 : major(s.codMinor),
      BankRepayment: 0,
      OpenPackage: s.openPackage,
      SaturdayDelivery: s.saturday,
      ShipmentPayer: s.payer === 'recipient' ? 2 : 1,
      Observations: s.observations,
      PackageContent: s.content,
      ...(s.reference !== undefined ? { CustomString: s.reference } : {}),
      SenderReference1: s.orderNumber,
      ParcelCodes: Array.from({ length: parcels }, (_, i) => ({
        Code: String(i),
        Type: 1,
        Weight: each,
        ...(size ? { Length: size.length, Width: size.width, Height: size.height } : {}),
      })),
    },
  };
}

/** Cargus' error texts from any documented shape: an array, `{Error}`, `{message}`, a string. */
export function cargusTexts(a: CourierAnswer): string[] {
  const body = a.json();
  const of = (v: unknown): string[] => {
    if (typeof v === 'string') return [v];
    if (Array.isArray(v)) return v.flatMap(of);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['Error', 'error', 'message', 'Message', 'Errors', 'errors'])
        if (o[k] !== undefined) return of(o[k]);
    }
    return [];
  };
  const texts = body === undefined ? [a.text()] : of(body);
  return texts.map((t) => t.trim()).filter(Boolean);
}

/** Our shared message codes for Cargus' words where the meaning is clear; its words otherwise. */
const MEANINGS: readonly [RegExp, string][] = [
  [/localit|jude[tț]|county/i, 'locality_unknown'],
  [/greutat|weight/i, 'weight_over_limit'],
  [/ramburs|repayment/i, 'cod_not_allowed'],
  [/pudo|ship ?& ?go/i, 'locker_unknown'],
  [/strad|street|adres|address|telefon|phone/i, 'address_incomplete'],
  [/servic/i, 'service_unavailable'],
];

export function cargusMessages(a: CourierAnswer): CourierMessage[] {
  const texts = cargusTexts(a);
  if (texts.length === 0) return [{ code: 'courier_said', text: `HTTP ${a.status}` }];
  return texts.map((text) => ({
    code: MEANINGS.find(([re]) => re.test(text))?.[1] ?? 'courier_said',
    text,
  }));
}

export function failure(a: CourierAnswer): Refusal {
  return { ok: false, retryable: a.status === 429, messages: cargusMessages(a) };
}

/** The barcode of `Awbs/WithGetAwb` (an array of AWBs, one AWB, or the bare barcode). */
export function parseCreated(a: CourierAnswer): CourierOutcome<MadeShipment> {
  if (a.status !== 200) return failure(a);
  const body = a.json();
  const first: unknown = Array.isArray(body) ? body[0] : body;
  const code =
    typeof first === 'string' || typeof first === 'number'
      ? String(first)
      : first && typeof first === 'object'
        ? str((first as { BarCode?: unknown }).BarCode)
        : '';
  if (!/^\d+$/.test(code)) return failure(a);
  return { ok: true, awb: code, trackingUrl: trackingUrlOf(code) };
}

/** The AWBs of a listing answer, or null when Cargus did not give a list. */
export function awbList(a: CourierAnswer): Record<string, unknown>[] | null {
  const body = a.json();
  return a.status === 200 && Array.isArray(body) ? (body as Record<string, unknown>[]) : null;
}

/** The AWB listed with our reference in `CustomString`, or null. */
export function findReference(
  list: readonly Record<string, unknown>[],
  reference: string,
): MadeShipment | null {
  const hit = list.find((x) => x.CustomString === reference && x.BarCode !== undefined);
  if (!hit) return null;
  const awb = str(hit.BarCode);
  return { awb, trackingUrl: trackingUrlOf(awb) };
}

/** The label PDF: a JSON string holding the PDF in base64. */
export function parseLabel(a: CourierAnswer): { ok: true; pdf: Uint8Array } | Refusal {
  const body = a.json();
  if (a.status !== 200 || typeof body !== 'string') return failure(a);
  const pdf = Buffer.from(body, 'base64');
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return refuse('courier_said', 'not a PDF');
  return { ok: true, pdf: new Uint8Array(pdf) };
}

/**
 * A wall-clock time in Bucharest ("2026-11-30T10:15:00", as Cargus writes its dates, with no
 * zone) → ms. The zone's offset at that moment is read from Intl (EET/EEST change twice a year).
 */
export function bucharestTime(local: string): number {
  const asUtc = Date.parse(`${local.replace(' ', 'T').slice(0, 19)}Z`);
  if (Number.isNaN(asUtc)) return NaN;
  const offsetAt = (ms: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Bucharest',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(ms);
    const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
    return Date.parse(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`) - ms;
  };
  const guess = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(guess);
}

interface TraceItem {
  Code?: string | number;
  Event?: { Date?: string; EventId?: number; Description?: string; LocalityName?: string }[];
}

/** `AwbTrace` → events per AWB, oldest first. */
export function parseTrace(a: CourierAnswer): CourierOutcome<{ events: TrackingEvent[] }> {
  const body = a.json();
  if (a.status !== 200 || !Array.isArray(body)) return failure(a);
  const events: TrackingEvent[] = [];
  for (const item of body as TraceItem[]) {
    const awb = String(item.Code ?? '');
    for (const e of item.Event ?? []) {
      const at = bucharestTime(e.Date ?? '');
      if (!awb || Number.isNaN(at) || typeof e.EventId !== 'number') continue;
      const place = e.LocalityName ? ` (${e.LocalityName})` : '';
      events.push({
        awb,
        status: cargusStatus(e.EventId),
        code: String(e.EventId),
        text: `${e.Description ?? ''}${place}`.trim(),
        at,
      });
    }
  }
  events.sort((x, y) => x.at - y.at);
  return { ok: true, events };
}

/** `DELETE Awbs` says true, or false once Cargus scanned the parcel. */
export function parseCancel(a: CourierAnswer): CourierOutcome<object> {
  if (a.status === 404) return refuse('awb_not_found', cargusTexts(a).join(' '));
  if (a.status !== 200) return failure(a);
  const body = a.json();
  if (body === true) return { ok: true };
  if (body === false) return refuse('awb_already_picked_up');
  return failure(a);
}

export function parsePickupPoints(a: CourierAnswer, chosen: string): PickupPoint[] | Refusal {
  const body = a.json();
  if (a.status !== 200 || !Array.isArray(body)) return failure(a);
  return (body as Record<string, unknown>[]).map((p, i) => ({
    id: str(p.LocationId),
    name: str(p.Name),
    address: [p.AddressText ?? p.StreetName, p.LocalityName, p.CountyName]
      .map(str)
      .filter(Boolean)
      .join(', '),
    isDefault: chosen ? str(p.LocationId) === chosen : i === 0,
  }));
}

export function parseLockers(a: CourierAnswer): Locker[] | Refusal {
  const body = a.json();
  if (a.status !== 200 || !Array.isArray(body)) return failure(a);
  return (body as Record<string, unknown>[]).map((p) => ({
    id: str(p.Id),
    name: str(p.Name),
    address: str(p.Address ?? p.AddressText),
    city: str(p.City ?? p.LocalityName),
    county: str(p.County ?? p.CountyName),
    postcode: str(p.ZipCode ?? p.PostalCode) || null,
    maxSizeCm: null,
    maxWeightGrams: LOCKER_MAX_GRAMS,
  }));
}

export function parseCounties(a: CourierAnswer): { id: string; name: string }[] | Refusal {
  const body = a.json();
  if (a.status !== 200 || !Array.isArray(body)) return failure(a);
  return (body as Record<string, unknown>[]).map((c) => ({
    id: str(c.CountyId),
    name: str(c.Name),
  }));
}

export function parseLocalities(
  a: CourierAnswer,
  county: { id: string; name: string },
): CourierLocality[] | Refusal {
  const body = a.json();
  if (a.status !== 200 || !Array.isArray(body)) return failure(a);
  return (body as Record<string, unknown>[]).map((l) => ({
    id: str(l.LocalityId),
    name: str(l.Name),
    countyId: county.id,
    countyName: county.name,
    // A village names its commune (ParentName); a town has none.
    commune: str(l.ParentName) || null,
    postcode: str(l.PostalCode) || null,
  }));
}

/** `ShippingCalculation` → the total with VAT, in bani. */
export function parseEstimate(
  a: CourierAnswer,
): CourierOutcome<{ amountMinor: number; currency: string }> {
  const body = a.json() as { GrandTotal?: unknown } | undefined;
  const total = Number(body?.GrandTotal);
  if (a.status !== 200 || !Number.isFinite(total)) return failure(a);
  return { ok: true, amountMinor: Math.round(total * 100), currency: 'RON' };
}

/** The request of `ShippingCalculation`: the places by name (ids where matched), the parcel. */
export function estimateRequest(
  ctx: CourierContext,
  s: Omit<UnifiedShipment, 'reference'>,
): Record<string, unknown> {
  const d = s.destination;
  return {
    FromCountyName: s.sender.county,
    FromLocalityName: s.sender.city,
    ...(d?.localityId ? { ToLocalityId: Number(d.localityId) } : {}),
    ToCountyName: d?.countyName ?? s.recipient.county,
    ToLocalityName: d?.localityName ?? s.recipient.city,
    Parcels: Math.max(1, s.parcels),
    Envelopes: 0,
    TotalWeight: kg(s.weightGrams),
    ServiceId: serviceIdFor(s, optionOf(ctx, 'service_id')),
    DeclaredValue: major(s.declaredValueMinor),
    CashRepayment: s.codMinor === null ? 0 : major(s.codMinor),
    BankRepayment: 0,
    OpenPackage: s.openPackage,
    SaturdayDelivery: s.saturday,
    ShipmentPayer: s.payer === 'recipient' ? 2 : 1,
  };
}
