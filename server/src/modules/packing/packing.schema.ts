import { z } from 'zod';
import { ORDER_STATUSES } from '../../db/schema.js';

export const ReassignBody = z.strictObject({
  packer_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  reason: z.string().trim().max(500).default(''),
  /** Required (with a reason, by the owner) to move an order its packer has confirmed. */
  override: z.boolean().default(false),
});
export type ReassignBody = z.infer<typeof ReassignBody>;

export const ScanBody = z.strictObject({ code: z.string().trim().min(1).max(200) });

const Status = z.enum(ORDER_STATUSES);

export const LockOut = z.object({
  id: z.number(),
  status: Status,
  packer: z.object({ id: z.number(), name: z.string() }).nullable(),
  confirmed_at: z.string().nullable(),
});
export type LockOut = z.infer<typeof LockOut>;

export const QueueOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      status: Status,
      customer_name: z.string(),
      shipping_city: z.string(),
      items_count: z.number(),
      total: z.string(),
      currency: z.string(),
      is_cod: z.boolean(),
      customer_note: z.string(),
      assigned_at: z.string().nullable(),
      confirmed_at: z.string().nullable(),
    }),
  ),
});
export type QueueOut = z.infer<typeof QueueOut>;

export const StationOrderOut = z.object({
  id: z.number(),
  number: z.string(),
  status: Status,
  customer_name: z.string(),
  shipping_city: z.string(),
  customer_note: z.string(),
  items: z.array(
    z.object({
      id: z.number(),
      sku: z.string(),
      ean: z.string(),
      name: z.string(),
      quantity: z.number(),
      scanned: z.number(),
    }),
  ),
  units_total: z.number(),
  units_scanned: z.number(),
});
export type StationOrderOut = z.infer<typeof StationOrderOut>;

export const ScanOut = z.object({
  result: z.literal('ok'),
  item_id: z.number(),
  packed: z.boolean(),
  order: StationOrderOut,
});
export type ScanOut = z.infer<typeof ScanOut>;
