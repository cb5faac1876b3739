import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import { Money } from '../orders/orders.schema.js';

type Db = Kysely<DB> | Transaction<DB>;
const Text = (max: number) => z.string().trim().max(max);

export const SenderAddress = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  label: Text(80).min(1),
  name: Text(120).min(1),
  company: Text(120).nullable().default(null),
  phone: Text(40).min(1),
  address1: Text(200).min(1),
  address2: Text(200).nullable().default(null),
  city: Text(80).min(1),
  county: Text(80).min(1),
  postcode: Text(20).nullable().default(null),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('RO'),
  is_default: z.boolean().default(false),
});
export type SenderAddress = z.infer<typeof SenderAddress>;

const Kg = z.string().regex(/^\d{1,4}(\.\d{1,3})?$/, 'kilograms like 1.5');

/**
 * A rule picks a courier and service for the orders it matches; the first matching rule wins,
 * and the order shows which one (reason code `shipping_rule` with its number and name).
 * An empty condition matches every order.
 */
export const ShippingRule = z.strictObject({
  name: Text(80).min(1),
  courier: Text(40).min(1),
  service: Text(80).min(1),
  store_ids: z.array(z.number().int().positive()).max(100).default([]),
  shipping_method_ids: z.array(Text(80).min(1)).max(50).default([]),
  cod: z.boolean().nullable().default(null),
  min_weight_kg: Kg.nullable().default(null),
  max_weight_kg: Kg.nullable().default(null),
  min_value: Money.nullable().default(null),
  max_value: Money.nullable().default(null),
});
export type ShippingRule = z.infer<typeof ShippingRule>;

export const LABEL_FORMATS = ['a6', 'a4x4', 'zpl'] as const;

export const ShippingSettings = z.strictObject({
  sender_addresses: z.array(SenderAddress).max(20).default([]),
  default_weight_kg: Kg.default('1'),
  default_size_cm: z
    .strictObject({
      length: z.number().int().min(1).max(500),
      width: z.number().int().min(1).max(500),
      height: z.number().int().min(1).max(500),
    })
    .default({ length: 30, width: 20, height: 10 }),
  default_courier: Text(40).min(1).default('own'),
  default_service: Text(80).min(1).default('standard'),
  payer: z.enum(['sender', 'recipient']).default('sender'),
  /** Label format per printer (the printer's name as the shop calls it). */
  printers: z
    .array(z.strictObject({ name: Text(80).min(1), format: z.enum(LABEL_FORMATS) }))
    .max(20)
    .default([{ name: 'Default', format: 'a6' }]),
  /** At packing: make the AWB by itself, offer a button, or do nothing. */
  on_pack: z.enum(['off', 'button', 'automatic']).default('button'),
  own_awb_prefix: z
    .string()
    .regex(/^[A-Z]{1,6}$/, 'one to six capital letters')
    .default('ED'),
  rules: z.array(ShippingRule).max(100).default([]),
});
export type ShippingSettings = z.infer<typeof ShippingSettings>;

export const DEFAULT_SETTINGS: ShippingSettings = ShippingSettings.parse({});

/** The account's settings; defaults when none were saved, or a saved value no longer parses. */
export async function readShippingSettings(db: Db, accountId: number): Promise<ShippingSettings> {
  const row = await db
    .selectFrom('shipping_settings')
    .select('settings')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  const parsed = ShippingSettings.safeParse(parseJsonColumn(row.settings, {}));
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function writeShippingSettings(
  db: Db,
  accountId: number,
  settings: ShippingSettings,
): Promise<void> {
  const now = Date.now();
  const text = JSON.stringify(settings);
  await db
    .insertInto('shipping_settings')
    .values({ account_id: accountId, settings: text, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ settings: text, updated_at: now }))
    .execute();
}

/** The default sender address (the one marked, else the first), or null when none is set. */
export function defaultSender(s: ShippingSettings): SenderAddress | null {
  return s.sender_addresses.find((a) => a.is_default) ?? s.sender_addresses[0] ?? null;
}
