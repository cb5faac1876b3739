import type {
  CourierContext,
  CourierLocality,
  CourierMessage,
  CourierService,
  Locker,
  MadeShipment,
  PickupPoint,
  TrackingEvent,
  UnifiedShipment,
} from '../courier.js';
import type { CourierAnswer } from '../http/courier-http.js';
import { DEFAULT_SERVICE_ID, ROMANIA, trackingUrlOf } from './settings.js';
import { dpdStatus } from './statuses.js';

// Pure functions: our shipment → DPD's request, DPD's answers → results and messages.

type Refusal = { ok: false; messages: CourierMessage[]; retryable: boolean };
const refuse = (code: string, text = ''): Refusal => ({
  ok: false,
  retryable: false,
  messages: [{ code, text }],
});

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
const OPTION_ALIASES: Record<string, string> = { client_id: 'pickup_point', service_id: 'service' };

export interface DpdError {
  code: string;
  message: string;
  asMessage: CourierMessage;
}

/** Our shared message codes for DPD's words where the meaning is clear; its words otherwise. */
const MEANINGS: readonly [RegExp, string][] = [
  [/\bsite\b|localit/i, 'locality_unknown'],
  [/office|oficiu|automat|punct\w* de ridicare|pick-?up point/i, 'locker_unknown'],
  [/not found|nu a fost g[aă]sit|inexistent/i, 'awb_not_found'],
  [/weight|greutat/i, 'weight_over_limit'],
  [/\bcod\b|ramburs/i, 'cod_not_allowed'],
  [/servic/i, 'service_unavailable'],
  [/address|adres|street|strad|phone|telefon/i, 'address_incomplete'],
];

/** Said to a cancel only: elsewhere "ridicare" is the pick-up point, not the parcel taken. */
const PICKED_UP = /picked ?up|preluat|ridicat|cannot be cancel|nu (mai )?poate fi anulat/i;

/** A refused cancel: "already picked up" when DPD says so, its other words as they are. */
export function cancelMessages(messages: CourierMessage[]): CourierMessage[] {
  return messages.map((m) =>
    PICKED_UP.test(m.text) ? { code: 'awb_already_picked_up', text: m.text } : m,
  );
}

export function messageOf(text: string): CourierMessage {
  return { code: MEANINGS.find(([re]) => re.test(text))?.[1] ?? 'courier_said', text };
}

/** DPD's `{error:{code, message}}` — sent with HTTP 200 as well as with 4xx — or null. */
export function dpdError(a: CourierAnswer): DpdError | null {
  const body = isPdf(a.body) ? undefined : a.json();
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (err && typeof err === 'object') {
    const message = str(err.message).trim() || `DPD error ${str(err.code)}`;
    return { code: str(err.code), message, asMessage: messageOf(message) };
  }
  if (a.status >= 400) {
    const message = a.text().trim().slice(0, 500) || `HTTP ${a.status}`;
    return { code: String(a.status), message, asMessage: messageOf(message) };
  }
  return null;
}

/** A refused login: HTTP 401/403, or DPD's words about the user or the password. */
export function isLoginRefusal(status: number, e: DpdError): boolean {
  return (
    status === 401 ||
    status === 403 ||
    /user ?name|password|parol|utilizator|authenticat|autentific|login/i.test(e.message)
  );
}

export const isPdf = (b: Uint8Array) =>
  b.length > 4 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

/** A scalar as text; anything else (null, an object) is empty. */
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const major = (minor: number) => Math.round(minor) / 100;
const kg = (grams: number) => Math.max(0.1, Math.round(grams / 100) / 10);
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export function serviceIdOf(ctx: CourierContext, s: Pick<UnifiedShipment, 'service'>): number {
  const id = Number(/^\d+$/.test(s.service) ? s.service : optionOf(ctx, 'service_id'));
  return Number.isInteger(id) && id > 0 ? id : DEFAULT_SERVICE_ID;
}

/** The site search used when the nomenclature step found no id: by name, in Romania. */
export function siteSearch(s: Pick<UnifiedShipment, 'recipient'>): Record<string, unknown> {
  return { countryId: ROMANIA, name: s.recipient.city };
}

interface Site {
  id?: number;
  name?: string;
  region?: string;
  municipality?: string;
  postCode?: string;
}

/**
 * The one site the recipient's place is: the same name, then the same county, then the same
 * postcode. Several left (or none): refused with the candidates, never a guess.
 */
export function pickSite(
  a: CourierAnswer,
  s: Pick<UnifiedShipment, 'recipient'>,
): { ok: true; siteId: number } | Refusal {
  const sites = ((a.json() as { sites?: Site[] } | undefined)?.sites ?? []).filter(
    (x) => typeof x.id === 'number',
  );
  let left = sites.filter((x) => fold(x.name ?? '') === fold(s.recipient.city));
  if (left.length > 1) {
    const county = left.filter((x) => fold(x.region ?? '') === fold(s.recipient.county));
    if (county.length > 0) left = county;
  }
  if (left.length > 1 && s.recipient.postcode) {
    const pc = left.filter((x) => x.postCode === s.recipient.postcode);
    if (pc.length > 0) left = pc;
  }
  const [only] = left;
  if (left.length === 1 && only?.id !== undefined) return { ok: true, siteId: only.id };
  const candidates = (left.length ? left : sites)
    .slice(0, 5)
    .map((x) => `${x.name ?? ''} (${x.municipality ?? ''}, ${x.region ?? ''})`)
    .join('; ');
  return refuse(
    'locality_unknown',
    candidates ? `${s.recipient.city}: ${candidates}` : s.recipient.city,
  );
}

/** The body of `POST /shipment` (login fields added by the client). */
export function shipmentRequest(
  ctx: CourierContext,
  s: Omit<UnifiedShipment, 'reference'> & { reference?: string },
  siteId: number | null,
): { ok: true; body: Record<string, unknown> } | Refusal {
  if (!s.locker && siteId === null) return refuse('locality_unknown', s.recipient.city);
  if (s.codMinor !== null && s.currency !== 'RON') return refuse('cod_not_allowed', s.currency);
  const r = s.recipient;
  const clientId = Number(optionOf(ctx, 'client_id'));
  const size = s.sizeCm;
  const extra: Record<string, unknown> = {};
  if (s.codMinor !== null) extra.cod = { amount: major(s.codMinor), processingType: 'CASH' };
  if (s.declaredValueMinor > 0) extra.declaredValue = { amount: major(s.declaredValueMinor) };
  if (s.openPackage) extra.obpd = { option: 'OPEN' };
  const body = {
    ...(clientId > 0 ? { sender: { clientId } } : {}),
    recipient: {
      privatePerson: !r.company,
      clientName: r.company || r.name,
      ...(r.company ? { contactName: r.name } : {}),
      phone1: { number: r.phone },
      email: r.email,
      ...(s.locker
        ? { pickupOfficeId: Number(s.locker.id) }
        : {
            address: {
              countryId: ROMANIA,
              siteId,
              addressNote: [r.address1, r.address2].filter(Boolean).join(', '),
              ...(r.postcode ? { postCode: r.postcode } : {}),
            },
          }),
    },
    service: {
      serviceId: serviceIdOf(ctx, s),
      autoAdjustPickupDate: true,
      ...(s.saturday ? { saturdayDelivery: true } : {}),
      ...(Object.keys(extra).length ? { additionalServices: extra } : {}),
    },
    content: {
      parcelsCount: Math.max(1, s.parcels),
      totalWeight: kg(s.weightGrams),
      contents: s.content || 'Colet',
      package: 'BOX',
      ...(size
        ? {
            parcels: [
              {
                seqNo: 1,
                size: { width: size.width, depth: size.length, height: size.height },
                weight: kg(s.weightGrams / Math.max(1, s.parcels)),
              },
            ],
          }
        : {}),
    },
    payment: { courierServicePayer: s.payer === 'recipient' ? 'RECIPIENT' : 'SENDER' },
    ...(s.reference !== undefined ? { ref1: s.reference } : {}),
    ref2: s.orderNumber,
  };
  return { ok: true, body };
}

export function parseCreated(a: CourierAnswer): ({ ok: true } & MadeShipment) | Refusal {
  const id = (a.json() as { id?: unknown } | undefined)?.id;
  const awb = str(id);
  if (awb === '') return refuse('courier_said', a.text().slice(0, 300));
  return { ok: true, awb, trackingUrl: trackingUrlOf(awb) };
}

/** The shipment found by `ref1` (our reference), or null. */
export function parseSearch(a: CourierAnswer, reference: string): MadeShipment | null {
  const list = (a.json() as { shipments?: { id?: unknown; ref1?: unknown }[] } | undefined)
    ?.shipments;
  const hit = (list ?? []).find((x) => x.ref1 === reference && x.id !== undefined);
  return hit && str(hit.id) ? { awb: str(hit.id), trackingUrl: trackingUrlOf(str(hit.id)) } : null;
}

interface TrackedParcel {
  parcelId?: string | number;
  operations?: {
    dateTime?: string;
    operationCode?: number;
    description?: string;
    place?: string;
  }[];
  error?: { message?: string };
}

/** `/track` → events, oldest first; a parcel DPD does not know is skipped (no history yet). */
export function parseTrack(a: CourierAnswer): TrackingEvent[] {
  const parcels = (a.json() as { parcels?: TrackedParcel[] } | undefined)?.parcels ?? [];
  const events: TrackingEvent[] = [];
  for (const p of parcels) {
    const awb = String(p.parcelId ?? '');
    for (const op of p.operations ?? []) {
      const at = Date.parse(op.dateTime ?? '');
      if (!awb || Number.isNaN(at) || typeof op.operationCode !== 'number') continue;
      events.push({
        awb,
        status: dpdStatus(op.operationCode),
        code: String(op.operationCode),
        text: `${op.description ?? ''}${op.place ? ` (${op.place})` : ''}`.trim(),
        at,
      });
    }
  }
  return events.sort((x, y) => x.at - y.at);
}

export function parseServices(a: CourierAnswer): CourierService[] {
  const list = (a.json() as { services?: { id?: number; name?: string; nameEn?: string }[] })
    ?.services;
  return (list ?? []).map((x) => ({
    id: String(x.id ?? ''),
    name: x.name ?? x.nameEn ?? '',
    // Delivery to an office or automat is the same service with a pickupOfficeId.
    locker: false,
  }));
}

export function parseClients(a: CourierAnswer, chosen: string): PickupPoint[] {
  type C = {
    clientId?: number;
    clientName?: string;
    objectName?: string;
    address?: { fullAddressString?: string };
  };
  const list = (a.json() as { clients?: C[] } | undefined)?.clients ?? [];
  return list.map((c, i) => ({
    id: String(c.clientId ?? ''),
    name: [c.clientName, c.objectName].filter(Boolean).join(' — '),
    address: c.address?.fullAddressString ?? '',
    isDefault: chosen ? String(c.clientId) === chosen : i === 0,
  }));
}

export function parseOffices(a: CourierAnswer): Locker[] {
  type O = {
    id?: number;
    name?: string;
    address?: {
      fullAddressString?: string;
      siteName?: string;
      regionName?: string;
      postCode?: string;
    };
    maxParcelDimensions?: { width?: number; height?: number; depth?: number };
    maxParcelWeight?: number;
  };
  const list = (a.json() as { offices?: O[] } | undefined)?.offices ?? [];
  return list.map((o) => {
    const d = o.maxParcelDimensions;
    return {
      id: String(o.id ?? ''),
      name: o.name ?? '',
      address: o.address?.fullAddressString ?? '',
      city: o.address?.siteName ?? '',
      county: o.address?.regionName ?? '',
      postcode: o.address?.postCode ?? null,
      maxSizeCm:
        d?.width && d.height && d.depth
          ? { length: d.depth, width: d.width, height: d.height }
          : null,
      maxWeightGrams:
        typeof o.maxParcelWeight === 'number' ? Math.round(o.maxParcelWeight * 1000) : null,
    };
  });
}

export function parseSites(a: CourierAnswer, county: string): CourierLocality[] {
  const list = (a.json() as { sites?: (Site & { type?: string })[] } | undefined)?.sites ?? [];
  return list.map((x) => ({
    id: x.id === undefined ? null : String(x.id),
    name: x.name ?? '',
    countyId: null,
    countyName: x.region ?? county,
    // A village names its commune (the municipality) when that is another place.
    commune: x.municipality && fold(x.municipality) !== fold(x.name ?? '') ? x.municipality : null,
    postcode: x.postCode ?? null,
  }));
}

/** `/calculate` → the total of the first service's price, in bani. */
export function parseCalculation(
  a: CourierAnswer,
): { ok: true; amountMinor: number; currency: string } | Refusal {
  type Calc = { price?: { total?: number; currency?: string }; error?: { message?: string } };
  const [first] = (a.json() as { calculations?: Calc[] } | undefined)?.calculations ?? [];
  if (first?.error)
    return { ok: false, retryable: false, messages: [messageOf(first.error.message ?? '')] };
  const total = first?.price?.total;
  if (typeof total !== 'number') return refuse('courier_said', a.text().slice(0, 300));
  return {
    ok: true,
    amountMinor: Math.round(total * 100),
    currency: first?.price?.currency ?? 'RON',
  };
}

/** `/calculate` asks what `/shipment` would make: the same parties, the service as a list. */
export function calculationRequest(shipment: Record<string, unknown>): Record<string, unknown> {
  const { serviceId, ...service } = shipment.service as Record<string, unknown>;
  const r = shipment.recipient as {
    privatePerson: boolean;
    pickupOfficeId?: number;
    address?: { countryId: number; siteId: number };
  };
  return {
    ...(shipment.sender ? { sender: shipment.sender } : {}),
    recipient: {
      privatePerson: r.privatePerson,
      ...(r.pickupOfficeId !== undefined
        ? { pickupOfficeId: r.pickupOfficeId }
        : { addressLocation: { countryId: r.address?.countryId, siteId: r.address?.siteId } }),
    },
    service: { ...service, serviceIds: [serviceId] },
    content: shipment.content,
    payment: shipment.payment,
  };
}
