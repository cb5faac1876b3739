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
  /** Saturday delivery and open-package offered (absent: not offered; the order page hides them). */
  saturday?: boolean;
  openPackage?: boolean;
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
  /** Box size of the (first) parcel; null: the courier's default. */
  sizeCm: { length: number; width: number; height: number } | null;
  /** Options the courier may offer; an adapter without them refuses `true` as a business error. */
  saturday: boolean;
  openPackage: boolean;
  /** The locker or pick-up point the parcel goes to (the courier's own id), or null: to the door. */
  locker: { id: string; name: string } | null;
  /**
   * The recipient's place matched to this courier's nomenclature (the `nomenclature` step of the
   * core), or null when the courier needs none (routing by postal code and name).
   */
  destination: ResolvedDestination | null;
  /** What is in the parcel, for the courier's "content" field (item names, shortened). */
  content: string;
}

/** A recipient's county and locality as the courier knows them (ids where the courier has ids). */
export interface ResolvedDestination {
  countyId: string | null;
  countyName: string;
  localityId: string | null;
  localityName: string;
  postcode: string | null;
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

/**
 * Who is asking: the account and, for couriers with logins, its opened credentials, and the
 * non-secret choices made for that login (pickup point, contact person, client id) — keys are
 * the adapter's own, listed in its `credentialFields` / `optionFields`.
 */
export interface CourierContext {
  accountId: number;
  credentials: Record<string, string> | null;
  options: Record<string, string>;
}

/** A field of a login at a courier, as the dashboard asks for it (label: i18n `courier_fields.<key>`). */
export interface CredentialField {
  key: string;
  /** A password box, sealed at rest and never sent back. */
  secret: boolean;
  required: boolean;
}

/** A service of the courier (the id is what the create request names). */
export interface CourierService {
  id: string;
  name: string;
  /** Delivers to a locker or pick-up point instead of the door. */
  locker: boolean;
}

/** A place the courier picks parcels up from (the shop's warehouse, as registered at the courier). */
export interface PickupPoint {
  id: string;
  name: string;
  address: string;
  isDefault: boolean;
}

/** A locker or pick-up point a customer may collect from (easybox, FANbox, Ship & Go…). */
export interface Locker {
  id: string;
  name: string;
  address: string;
  city: string;
  county: string;
  postcode: string | null;
  /** The largest parcel it takes; null when the courier does not say. */
  maxSizeCm: { length: number; width: number; height: number } | null;
  maxWeightGrams: number | null;
}

/** One place in the courier's nomenclature (villages name their commune). */
export interface CourierLocality {
  id: string | null;
  name: string;
  countyId: string | null;
  countyName: string;
  commune: string | null;
  postcode: string | null;
}

/** One cash-on-delivery amount the courier paid out (or reports collected) for an AWB. */
export interface CodSettlementLine {
  awb: string;
  amountMinor: number;
  currency: string;
  /** When the courier paid it to the shop (ms); null: collected, not yet paid out. */
  paidAt: number | null;
  /** The bank transfer or report reference. */
  reference: string;
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
  /** What a login at this courier needs (empty for the own courier). */
  readonly credentialFields: readonly CredentialField[];
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

  // What the couriers with an API offer besides shipments; absent where a courier has none.
  /** Test connection: log in and read the services and the pickup points (choices for settings). */
  connect?(
    ctx: CourierContext,
  ): Promise<CourierOutcome<{ services: CourierService[]; pickupPoints: PickupPoint[] }>>;
  /** The courier's lockers / pick-up points customers collect from. */
  lockers?(ctx: CourierContext): Promise<CourierOutcome<{ lockers: Locker[] }>>;
  /** The courier's localities (of one county when the courier lists them per county). */
  localities?(
    ctx: CourierContext,
    county: { id: string | null; name: string } | null,
  ): Promise<CourierOutcome<{ localities: CourierLocality[] }>>;
  /** The price the courier would charge for this shipment, before making it. */
  estimate?(
    ctx: CourierContext,
    s: Omit<UnifiedShipment, 'reference'>,
  ): Promise<CourierOutcome<{ amountMinor: number; currency: string }>>;
  /** Cash-on-delivery amounts the courier paid out between two days (YYYY-MM-DD, inclusive). */
  codSettlements?(
    ctx: CourierContext,
    range: { from: string; to: string },
  ): Promise<CourierOutcome<{ lines: CodSettlementLine[] }>>;
}
