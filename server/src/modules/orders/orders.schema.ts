import { z } from 'zod';
import { ORDER_STATUSES } from '../../db/schema.js';
import { DECIMAL_PATTERN } from '../../shared/money.js';
import { ReasonOut } from '../../shared/reason.schema.js';
import { CONNECTOR_KEYS } from '../connectors/connector.js';

export const Money = z.string().regex(DECIMAL_PATTERN, 'a decimal amount like 123.45');
const Text = (max: number) => z.string().trim().max(max);
const OrderStatus = z.enum(ORDER_STATUSES);
/** Where an order came from: entered by hand, or the key of the store's connector. */
export const OrderSource = z.enum(['manual', ...CONNECTOR_KEYS]);

export const SORTS = ['-created_at', 'created_at', '-total', 'total'] as const;
export type OrderSort = (typeof SORTS)[number];

const Csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(20));

const IsoDate = z.iso.datetime({ offset: true });
// The unified tracking statuses (modules/shipping/couriers/courier.ts), spelled here so the
// orders module does not import shipping's.
const SHIPMENT_STATUS_VALUES = [
  'created',
  'handed_over',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'refused',
  'returned',
  'cancelled',
] as const;

export const OrderListQuery = z.strictObject({
  status: Csv(OrderStatus).optional(),
  store_id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  packer_id: z
    .union([z.literal('none'), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)])
    .optional(),
  cod: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  payment_method: Text(64).min(1).optional(),
  created_from: IsoDate.optional(),
  created_to: IsoDate.optional(),
  q: Text(200).optional(),
  /** Orders whose current AWB is of this courier (registry key, e.g. own). */
  courier: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  /** Orders whose current AWB has one of these tracking statuses. */
  shipment_status: Csv(z.enum(SHIPMENT_STATUS_VALUES)).optional(),
  /** packed_no_awb: packed, no AWB yet; awb_not_handed_over: an AWB the courier has not taken. */
  shipping: z.enum(['packed_no_awb', 'awb_not_handed_over']).optional(),
  sort: z.enum(SORTS).default('-created_at'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OrderListQuery = z.infer<typeof OrderListQuery>;

const Ref = z.object({ id: z.number(), name: z.string() });

export const OrderSummaryOut = z.object({
  id: z.number(),
  number: z.string(),
  status: OrderStatus,
  store: Ref.nullable(),
  created_at: z.string(),
  customer_name: z.string(),
  customer_phone: z.string(),
  customer_email: z.string(),
  shipping_city: z.string(),
  total: z.string(),
  currency: z.string(),
  payment_method: z.string(),
  payment_method_title: z.string(),
  is_cod: z.boolean(),
  paid: z.boolean(),
  items_count: z.number(),
  packer: Ref.nullable(),
});
export type OrderSummaryOut = z.infer<typeof OrderSummaryOut>;

export const OrderListOut = z.object({
  items: z.array(OrderSummaryOut),
  next_cursor: z.string().nullable(),
});

const AddressFields = {
  first_name: Text(100),
  last_name: Text(100),
  company: Text(200),
  email: z.union([z.literal(''), z.email().max(254)]),
  phone: Text(40),
  address_1: Text(300),
  address_2: Text(300),
  city: Text(100),
  state: Text(100),
  postcode: Text(20),
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code'),
};
export const AddressOut = z.object(
  Object.fromEntries(Object.keys(AddressFields).map((k) => [k, z.string()])) as Record<
    keyof typeof AddressFields,
    z.ZodString
  >,
);
export type Address = z.infer<typeof AddressOut>;

/** A phone order's billing address: who to call and where to send, the rest optional. */
export const BillingIn = z.strictObject({
  ...AddressFields,
  first_name: Text(100).min(1),
  last_name: Text(100).min(1),
  phone: Text(40).min(6),
  address_1: Text(300).min(1),
  city: Text(100).min(1),
  state: Text(100).min(1),
  company: AddressFields.company.default(''),
  email: AddressFields.email.default(''),
  address_2: AddressFields.address_2.default(''),
  postcode: AddressFields.postcode.default(''),
  country: AddressFields.country.default('RO'),
});
export const ShippingIn = BillingIn.partial().extend({
  first_name: Text(100).min(1),
  last_name: Text(100).min(1),
});

export const ItemIn = z.strictObject({
  sku: Text(100).default(''),
  name: Text(300).min(1),
  quantity: z.number().int().min(1).max(10_000),
  unit_price: Money,
  weight_kg: z.number().min(0).max(10_000).nullable().default(null),
});

export const OrderCreate = z.strictObject({
  number: Text(40).min(1).optional(),
  billing: BillingIn,
  shipping: ShippingIn.optional(),
  items: z.array(ItemIn).min(1).max(200),
  shipping_total: Money.default('0.00'),
  discount_total: Money.default('0.00'),
  payment_method: Text(64).min(1),
  payment_method_title: Text(200).optional(),
  paid: z.boolean().default(false),
  customer_note: Text(2000).default(''),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
});
export type OrderCreate = z.infer<typeof OrderCreate>;

export const OrderDetailOut = OrderSummaryOut.extend({
  store_status: z.string(),
  /**
   * The store's last refusal of a change sent to it, until one succeeds: `code` is the
   * store's (ecomdir_packer_locked, credentials_rejected, timeout, …); `retrying` says that
   * ecomdir keeps trying by itself (the store is down, paused or locked us out), else the
   * owner fixes the cause and presses Retry.
   */
  store_push_error: z
    .object({ code: z.string(), message: z.string(), at: z.string(), retrying: z.boolean() })
    .nullable(),
  /** What the store holds of the packer when it disagrees with ecomdir (sync/divergence.ts). */
  store_divergence: z
    .object({
      packer_id: z.string().nullable(),
      packer_name: z.string().nullable(),
      confirmed: z.boolean(),
      since: z.string(),
    })
    .nullable(),
  source: OrderSource,
  modified_at: z.string(),
  subtotal: z.string(),
  shipping_total: z.string(),
  discount_total: z.string(),
  tax_total: z.string(),
  customer_note: z.string(),
  billing: AddressOut,
  shipping: AddressOut,
  items: z.array(
    z.object({
      id: z.number(),
      sku: z.string(),
      name: z.string(),
      quantity: z.number(),
      unit_price: z.string(),
      total: z.string(),
      weight_kg: z.number().nullable(),
    }),
  ),
  shipping_lines: z.array(
    z.object({ method_id: z.string(), method_title: z.string(), total: z.string() }),
  ),
  assignments: z.array(
    z.object({
      id: z.number(),
      packer: Ref,
      assigned_at: z.string(),
      confirmed_at: z.string().nullable(),
      ended_at: z.string().nullable(),
      reason: ReasonOut.nullable(),
      override: z.boolean(),
      assigned_by: z.string().nullable(),
    }),
  ),
  audit: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actor: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: ReasonOut.nullable(),
      created_at: z.string(),
    }),
  ),
  /** The order's AWBs, oldest first (details and history: GET /api/orders/{id}/shipments). */
  shipments: z.array(
    z.object({
      id: z.number(),
      courier: z.string(),
      awb: z.string().nullable(),
      state: z.enum(['pending', 'made', 'failed', 'cancelled']),
      status: z.string().nullable(),
      tracking_url: z.string().nullable(),
      created_at: z.string(),
    }),
  ),
  /** Scans at the station that matched no line (wrong_item) or one already complete (too_many). */
  wrong_scans: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      kind: z.enum(['wrong_item', 'too_many']),
      packer: z.string().nullable(),
      created_at: z.string(),
    }),
  ),
});
export type OrderDetailOut = z.infer<typeof OrderDetailOut>;

export const BulkAssignBody = z.strictObject({
  order_ids: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(500),
  packer_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
  reason: Text(500).default(''),
});
export const BulkAssignOut = z.object({
  updated: z.array(z.number()),
  skipped: z.array(z.object({ id: z.number(), code: z.string(), message: z.string() })),
});

export const OrderIdParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
