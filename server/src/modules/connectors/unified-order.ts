import { z } from 'zod';

/**
 * The unified order of the connector contract v1 (docs/connector-api.md,
 * docs/schemas/unified-order.schema.json): what every connector returns, whatever the
 * platform. Money is a decimal string, instants are ISO-8601 UTC.
 */
const money = z.string().regex(/^-?\d+(\.\d+)?$/, 'money must be a decimal string');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 date-time');

export const AddressSchema = z.object({
  first_name: z.string(),
  last_name: z.string(),
  company: z.string(),
  email: z.string(),
  phone: z.string(),
  address_1: z.string(),
  address_2: z.string(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  country: z.string(),
});

export const ItemSchema = z.object({
  id: z.number().int().nonnegative(),
  product_id: z.number().int().nonnegative(),
  variation_id: z.number().int().nonnegative(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unit_price: money,
  total: money,
  weight_kg: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .nullable(),
  meta: z.array(z.object({ key: z.string(), value: z.string() })),
});

export const PackerSchema = z.object({
  id: z.string(),
  name: z.string(),
  assigned_at: instant,
  confirmed_at: instant.nullable(),
  locked: z.boolean(),
});

export const ShipmentSchema = z.object({
  courier: z.string(),
  awb: z.string(),
  tracking_url: z.string(),
  label_url: z.string().nullable(),
  shipped_at: instant,
});

export const UnifiedOrderSchema = z.object({
  id: z.number().int().positive(),
  number: z.string().min(1),
  status: z.string().min(1),
  created_at: instant,
  modified_at: instant,
  currency: z.string(),
  total: money,
  subtotal: money,
  shipping_total: money,
  discount_total: money,
  tax_total: money,
  payment_method: z.string(),
  payment_method_title: z.string(),
  paid: z.boolean(),
  customer_note: z.string(),
  billing: AddressSchema,
  shipping: AddressSchema,
  items: z.array(ItemSchema),
  shipping_lines: z.array(
    z.object({ method_id: z.string(), method_title: z.string(), total: money }),
  ),
  packer: PackerSchema.nullable(),
  shipment: ShipmentSchema.nullable(),
});

export const CursorSchema = z.object({
  modified_after: instant,
  after_id: z.number().int().nonnegative(),
});

export const OrdersPageSchema = z.object({
  orders: z.array(UnifiedOrderSchema),
  next_cursor: CursorSchema.nullable(),
});

export const StoreStatusSchema = z.object({
  contract_version: z.literal(1),
  plugin_version: z.string(),
  wordpress_version: z.string(),
  woocommerce_version: z.string(),
  hpos: z.boolean(),
  site_url: z.string(),
  timezone: z.string(),
  currency: z.string(),
});

/** An instant as the contract writes it: ISO-8601 UTC to the second ("2026-11-28T15:57:29Z"). */
export const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type UnifiedAddress = z.infer<typeof AddressSchema>;
export type UnifiedItem = z.infer<typeof ItemSchema>;
export type UnifiedOrder = z.infer<typeof UnifiedOrderSchema>;
export type StoreStatus = z.infer<typeof StoreStatusSchema>;
