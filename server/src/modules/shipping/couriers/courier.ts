import type {
  LabelAddress,
  LabelData,
  LabelFormat,
  RenderedDocument,
} from '../labels/label-data.js';

/**
 * The unified tracking statuses every courier's own codes are mapped to. `delivered`,
 * `returned` and `cancelled` are final: tracking stops there.
 */
export const SHIPMENT_STATUSES = [
  'created',
  'handed_over',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'refused',
  'returned',
  'cancelled',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export const FINAL_STATUSES: ReadonlySet<ShipmentStatus> = new Set([
  'delivered',
  'returned',
  'cancelled',
]);

/** What a courier can do; the core asks before offering an action. */
export interface CourierCapabilities {
  cod: boolean;
  labelFormats: readonly LabelFormat[];
  cancel: boolean;
  /** The courier has a tracking API worth polling (the own courier does not: the shop marks). */
  tracking: boolean;
  lockers: boolean;
}

/** One parcel to send, in the courier-neutral shape the core builds from the order. */
export interface UnifiedShipment {
  /** The idempotency key: sent as the courier's client reference, and looked up after a crash. */
  reference: string;
  orderNumber: string;
  service: string;
  sender: LabelAddress;
  recipient: LabelAddress & { email: string };
  currency: string;
  /** Cash on delivery (ramburs) in minor units; null when the order is paid. */
  codMinor: number | null;
  declaredValueMinor: number;
  parcels: number;
  weightGrams: number;
  observations: string;
  /** Who pays the courier. */
  payer: 'sender' | 'recipient';
}

/** A courier's own message, kept as it said it (code and text), shown to the user as data. */
export interface CourierMessage {
  code: string;
  text: string;
}

export interface MadeShipment {
  awb: string;
  /** The courier's public tracking page; null: ecomdir's own tracking page is used. */
  trackingUrl: string | null;
}

/** A business refusal is data; `retryable` says whether the same request may succeed later. */
export type CourierOutcome<T> =
  ({ ok: true } & T) | { ok: false; messages: CourierMessage[]; retryable: boolean };

export interface TrackingEvent {
  awb: string;
  status: ShipmentStatus;
  /** The courier's own status code and text, kept in the history. */
  code: string;
  text: string;
  at: number;
}

/** Who is asking: the account and, for couriers with logins, its opened credentials. */
export interface CourierContext {
  accountId: number;
  credentials: Record<string, string> | null;
}

/**
 * A courier adapter. Business failures come back as data (`ok:false`); only infrastructure
 * failures (the courier unreachable, a timeout) throw — after a throw from `createShipment`
 * the core does not know whether the AWB was made and asks `findByReference` first.
 */
export interface Courier {
  readonly key: string;
  /** The name printed on labels and sent to the store ("Curier propriu", "FAN Courier"). */
  readonly name: string;
  readonly capabilities: CourierCapabilities;
  /** Called once per reserved attempt; must not be called again for a reference it may have made. */
  createShipment(ctx: CourierContext, s: UnifiedShipment): Promise<CourierOutcome<MadeShipment>>;
  /** The AWB made earlier for this reference, or null when the courier has none. */
  findByReference(ctx: CourierContext, reference: string): Promise<MadeShipment | null>;
  label(
    ctx: CourierContext,
    labels: LabelData[],
    format: LabelFormat,
  ): Promise<CourierOutcome<{ document: RenderedDocument }>>;
  /** The history of each AWB so far, oldest first (the core keeps only events it has not seen). */
  track(ctx: CourierContext, awbs: string[]): Promise<CourierOutcome<{ events: TrackingEvent[] }>>;
  cancel(ctx: CourierContext, awb: string): Promise<CourierOutcome<object>>;
}
