import crypto from 'node:crypto';
import type {
  CourierMessage,
  CourierOutcome,
  MadeShipment,
  TrackingEvent,
  UnifiedShipment,
} from '../courier.js';
import type { LabelAddress } from '../../labels/label-data.js';
import { GLS_LOGIN_ERROR_CODES } from './settings.js';
import { glsStatus } from './statuses.js';

// Pure functions between our unified shapes and MyGLS's JSON. No I/O here: `client.ts` sends.

export interface GlsAuth {
  Username: string;
  /** The password's SHA-512 digest as a JSON array of its 64 bytes, as MyGLS expects. */
  Password: number[];
}

export function authOf(credentials: Record<string, string> | null): GlsAuth {
  const digest = crypto
    .createHash('sha512')
    .update(credentials?.password ?? '', 'utf8')
    .digest();
  return { Username: credentials?.username ?? '', Password: [...digest] };
}

/** A .NET JSON date, as WCF writes and reads them: `/Date(1700000000000)/`. */
export const wcfDate = (ms: number) => `/Date(${ms})/`;

/** The milliseconds of a WCF date (an offset suffix such as `+0200` does not move the instant). */
export function parseWcfDate(text: unknown): number | null {
  const m = typeof text === 'string' ? /\/Date\((-?\d+)([+-]\d{4})?\)\//.exec(text) : null;
  return m?.[1] ? Number(m[1]) : null;
}

/** "Str. Fabricii 3A" → street "Str. Fabricii", number "3A"; GLS keeps the two apart. */
export function splitStreet(line: string): { street: string; number: string } {
  const m = /^(.*?)[\s,]+(?:nr\.?\s*)?(\d+[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)\s*$/i.exec(line.trim());
  return m?.[1] && m[2] ? { street: m[1], number: m[2] } : { street: line.trim(), number: '' };
}

function address(a: LabelAddress, email: string) {
  const { street, number } = splitStreet(a.address1);
  return {
    Name: a.company || a.name,
    Street: street,
    HouseNumber: number,
    HouseNumberInfo: a.address2 ?? '',
    City: a.city,
    ZipCode: a.postcode ?? '',
    CountryIsoCode: a.country,
    ContactName: a.name,
    ContactPhone: a.phone,
    ContactEmail: email,
  };
}

/** Options GLS has no service for here: refused before any call, in plain words. */
export function unsupportedOptions(s: Omit<UnifiedShipment, 'reference'>): CourierMessage[] {
  const out: CourierMessage[] = [];
  if (s.saturday) out.push({ code: 'option_not_offered', text: 'saturday' });
  if (s.openPackage) out.push({ code: 'option_not_offered', text: 'open_package' });
  if (s.service === 'PSD' && !s.locker) out.push({ code: 'locker_missing', text: '' });
  return out;
}

/** One parcel of `PrintLabels`, from the unified shipment. Amounts in RON, as decimals. */
export function parcelOf(s: UnifiedShipment, clientNumber: string, now: number) {
  const services: { Code: string; StringValue?: string }[] = [];
  if (s.service === 'PSD' && s.locker) services.push({ Code: 'PSD', StringValue: s.locker.id });
  if (s.recipient.email) services.push({ Code: 'FDS', StringValue: s.recipient.email });
  return {
    ClientNumber: Number(clientNumber),
    ClientReference: s.reference,
    Count: s.parcels,
    Content: (s.content || s.observations).slice(0, 40),
    CODAmount: s.codMinor === null ? 0 : s.codMinor / 100,
    CODReference: s.codMinor === null ? '' : s.orderNumber,
    CODCurrency: s.codMinor === null ? '' : s.currency,
    PickupDate: wcfDate(now),
    PickupAddress: address(s.sender, ''),
    DeliveryAddress: address(s.recipient, s.recipient.email),
    ServiceList: services,
  };
}

interface GlsError {
  ErrorCode?: number;
  ErrorDescription?: string;
}

/** GLS's error list as messages; a login refusal becomes `credentials_refused`. */
export function messagesOf(errors: unknown): CourierMessage[] {
  if (!Array.isArray(errors)) return [];
  return (errors as GlsError[]).map((e) =>
    GLS_LOGIN_ERROR_CODES.has(Number(e.ErrorCode))
      ? { code: 'credentials_refused', text: e.ErrorDescription ?? '' }
      : { code: `gls_${String(e.ErrorCode ?? 'error')}`, text: e.ErrorDescription ?? '' },
  );
}

export const isLoginRefusal = (messages: CourierMessage[]) =>
  messages.some((m) => m.code === 'credentials_refused');

/** The first error list an answer carries (each method names its own), or none. */
export function errorsIn(body: unknown): CourierMessage[] {
  if (!body || typeof body !== 'object') return [{ code: 'courier_said', text: 'empty answer' }];
  for (const [k, v] of Object.entries(body as Record<string, unknown>))
    if (/Error(s|List)$/.test(k) && Array.isArray(v) && v.length > 0) return messagesOf(v);
  return [];
}

/** The parcel number `PrintLabels` gave our reference. */
export function madeFrom(body: unknown, reference: string): CourierOutcome<MadeShipment> {
  const errors = errorsIn(body);
  if (errors.length) return { ok: false, retryable: false, messages: errors };
  const info = (
    body as { PrintLabelsInfoList?: { ClientReference?: string; ParcelNumber?: number }[] }
  ).PrintLabelsInfoList;
  const mine = info?.find((i) => i.ClientReference === reference) ?? info?.[0];
  if (!mine?.ParcelNumber)
    return {
      ok: false,
      retryable: false,
      messages: [{ code: 'courier_said', text: 'no parcel number in the answer' }],
    };
  return { ok: true, awb: String(mine.ParcelNumber), trackingUrl: null };
}

export interface GlsParcel {
  ClientReference?: string;
  ParcelId?: number;
  ParcelNumber?: number;
}

/** The parcels `GetParcelList` returned. */
export function parcelsOf(body: unknown): GlsParcel[] {
  const list = (
    body as {
      PrintDataInfoList?: { Parcel?: GlsParcel; ParcelId?: number; ParcelNumber?: number }[];
    }
  )?.PrintDataInfoList;
  return (list ?? []).map((p) => ({
    ClientReference: p.Parcel?.ClientReference,
    ParcelId: p.ParcelId,
    ParcelNumber: p.ParcelNumber,
  }));
}

/** The PDF `PrintLabels` / `GetPrintedLabels` sent: bytes as a JSON array (WCF) or base64. */
export function labelBytes(body: unknown): Uint8Array | null {
  const labels = (body as { Labels?: unknown })?.Labels;
  if (Array.isArray(labels) && labels.length > 0) return Uint8Array.from(labels as number[]);
  if (typeof labels === 'string' && labels) return new Uint8Array(Buffer.from(labels, 'base64'));
  return null;
}

interface GlsStatus {
  StatusCode?: string | number;
  StatusDate?: string;
  StatusDescription?: string;
  DepotCity?: string;
}

/** `GetParcelStatuses`' history for one parcel, oldest first. */
export function eventsOf(body: unknown, awb: string): TrackingEvent[] {
  const list = (body as { ParcelStatusList?: GlsStatus[] })?.ParcelStatusList ?? [];
  return list
    .map((st) => {
      const code = String(st.StatusCode ?? '');
      const place = st.DepotCity ? ` (${st.DepotCity})` : '';
      return {
        awb,
        status: glsStatus(code),
        code,
        text: `${st.StatusDescription ?? ''}${place}`.trim(),
        at: parseWcfDate(st.StatusDate) ?? 0,
      };
    })
    .sort((a, b) => a.at - b.at);
}
