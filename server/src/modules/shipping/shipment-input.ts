import type { Kysely, Transaction } from 'kysely';
import type { DB, OrderRow } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import { findOrderAddresses, findOrderItems } from '../orders/orders.repo.js';
import { Invalid } from '../../shared/errors.js';
import type { UnifiedShipment } from './couriers/courier.js';
import { findLocker } from './lockers.repo.js';
import type { LabelAddress } from './labels/label-data.js';
import { type CourierChoice, chooseCourier } from './rules.js';
import type { SenderAddress, ShippingSettings } from './shipping-settings.js';

type Db = Kysely<DB> | Transaction<DB>;

/** What the person generating may set; the rest comes from the order and the settings. */
export interface GenerateOptions {
  courier?: string | undefined;
  service?: string | undefined;
  parcels?: number | undefined;
  weight_kg?: string | undefined;
  observations?: string | undefined;
  /** The box, in whole centimetres; absent: the settings' default size. */
  size_cm?: { length: number; width: number; height: number } | undefined;
  saturday?: boolean | undefined;
  open_package?: boolean | undefined;
  /** A locker of the chosen courier (its id in the cached list); absent: to the door. */
  locker_id?: string | undefined;
}

export function senderLabel(a: SenderAddress): LabelAddress {
  return {
    name: a.name,
    company: a.company,
    phone: a.phone,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    county: a.county,
    postcode: a.postcode,
    country: a.country,
  };
}

/**
 * The unified shipment for an order: recipient from the shipping address (the billing one
 * when the order has none), COD when the order is cash on delivery and unpaid, weight from the
 * items when every item's weight is known (else the default), the order number as reference
 * text, and the courier and service from the first matching rule (or chosen by hand).
 */
export async function shipmentForOrder(
  db: Db,
  order: OrderRow,
  settings: ShippingSettings,
  sender: SenderAddress,
  opts: GenerateOptions,
): Promise<{ unified: Omit<UnifiedShipment, 'reference'>; choice: CourierChoice }> {
  const [items, addresses] = await Promise.all([
    findOrderItems(db, order.account_id, order.id),
    findOrderAddresses(db, order.account_id, order.id),
  ]);
  const billing = addresses.find((a) => a.kind === 'billing');
  const shipping = addresses.find((a) => a.kind === 'shipping' && a.address_1) ?? billing;
  const known = items.length > 0 && items.every((i) => i.weight_grams !== null);
  const itemGrams = items.reduce((g, i) => g + (i.weight_grams ?? 0) * i.quantity, 0);
  const weightGrams = opts.weight_kg
    ? Math.round(Number(opts.weight_kg) * 1000)
    : known && itemGrams > 0
      ? itemGrams
      : Math.round(Number(settings.default_weight_kg) * 1000);
  const cod = order.is_cod === 1 && order.paid === 0;
  const lines = parseJsonColumn<{ method_id?: string }[]>(order.shipping_lines, []);
  const choice: CourierChoice = opts.courier
    ? {
        courier: opts.courier,
        service: opts.service ?? settings.default_service,
        reason: { code: 'chosen_by_hand', params: {} },
      }
    : chooseCourier(settings, {
        storeId: order.store_id,
        shippingMethodIds: lines.map((l) => l.method_id ?? '').filter(Boolean),
        cod,
        weightGrams,
        valueMinor: order.total_minor,
      });
  if (!opts.courier && opts.service) choice.service = opts.service;
  const sizeCm = opts.size_cm ?? settings.default_size_cm;
  const locker = opts.locker_id
    ? await lockerFor(db, order.account_id, choice.courier, opts.locker_id, sizeCm, weightGrams)
    : null;
  const name = shipping
    ? `${shipping.first_name} ${shipping.last_name}`.trim()
    : order.customer_name;
  return {
    choice,
    unified: {
      orderNumber: order.number,
      service: choice.service,
      sender: senderLabel(sender),
      recipient: {
        name: name || order.customer_name,
        company: shipping?.company || null,
        phone: shipping?.phone || billing?.phone || order.customer_phone,
        email: billing?.email || order.customer_email,
        address1: shipping?.address_1 ?? '',
        address2: shipping?.address_2 || null,
        city: shipping?.city ?? order.shipping_city,
        county: shipping?.state ?? '',
        postcode: shipping?.postcode || null,
        country: shipping?.country || 'RO',
      },
      currency: order.currency,
      codMinor: cod ? order.total_minor : null,
      declaredValueMinor: order.total_minor,
      parcels: opts.parcels ?? 1,
      weightGrams,
      observations: opts.observations ?? order.customer_note.slice(0, 200),
      payer: settings.payer,
      sizeCm,
      saturday: opts.saturday ?? false,
      openPackage: opts.open_package ?? false,
      locker,
      destination: null,
      content: items
        .map((i) => (i.quantity > 1 ? `${i.quantity}× ${i.name}` : i.name))
        .join(', ')
        .slice(0, 100),
    },
  };
}

/**
 * The cached locker, checked against the parcel before the courier is asked: a box that does
 * not fit (any orientation) or is too heavy is refused here, not by the courier after an AWB.
 */
async function lockerFor(
  db: Db,
  accountId: number,
  courier: string,
  lockerId: string,
  size: { length: number; width: number; height: number },
  weightGrams: number,
): Promise<{ id: string; name: string }> {
  const l = await findLocker(db, accountId, courier, lockerId);
  if (!l) throw new Invalid('locker_unknown', "This locker is not in the courier's list.");
  const tooHeavy = l.max_weight_grams !== null && weightGrams > l.max_weight_grams;
  const limits = [l.max_length_cm, l.max_width_cm, l.max_height_cm];
  let tooBig = false;
  if (limits.every((x) => x !== null)) {
    const box = [size.length, size.width, size.height].sort((a, b) => b - a);
    const room = limits.map(Number).sort((a, b) => b - a);
    tooBig = box.some((d, i) => d > (room[i] ?? 0));
  }
  if (tooHeavy || tooBig)
    throw new Invalid('parcel_too_large_for_locker', 'This parcel does not fit this locker.');
  return { id: l.locker_id, name: l.name };
}

/** What a shipment row keeps as JSON beyond its columns (migration 1410). */
export type ShipmentDetails = Pick<
  UnifiedShipment,
  'sizeCm' | 'saturday' | 'openPackage' | 'locker' | 'destination' | 'content'
>;

export const NO_DETAILS: ShipmentDetails = {
  sizeCm: null,
  saturday: false,
  openPackage: false,
  locker: null,
  destination: null,
  content: '',
};

export function detailsOf(u: ShipmentDetails): ShipmentDetails {
  const { sizeCm, saturday, openPackage, locker, destination, content } = u;
  return { sizeCm, saturday, openPackage, locker, destination, content };
}

/** The stored details; rows written before migration 1410 hold `{}` and read as none. */
export function parseDetails(text: string): ShipmentDetails {
  return { ...NO_DETAILS, ...parseJsonColumn<Partial<ShipmentDetails>>(text, {}) };
}
