import { z } from 'zod';
import { SHIPMENT_STATUSES } from './couriers/courier.js';
import { OWN_MARK_KEYS } from './couriers/own/mapping.js';
import { LABEL_FORMATS } from './shipping-settings.js';

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ShipmentIdParams = z.strictObject({ id: Id });
export const CourierAccountIdParams = z.strictObject({ id: Id });

export const GenerateBody = z.strictObject({
  courier: z.string().trim().min(1).max(40).optional(),
  service: z.string().trim().min(1).max(80).optional(),
  parcels: z.number().int().min(1).max(50).optional(),
  weight_kg: z
    .string()
    .regex(/^\d{1,4}(\.\d{1,3})?$/, 'kilograms like 1.5')
    .optional(),
  observations: z.string().trim().max(200).optional(),
});

export const ShipmentOut = z.object({
  id: z.number(),
  order_id: z.number(),
  courier: z.string(),
  courier_name: z.string(),
  service: z.string(),
  attempt: z.number(),
  /** pending: reserved, the courier's answer not stored yet; failed: refused (see messages). */
  state: z.enum(['pending', 'made', 'failed', 'cancelled']),
  awb: z.string().nullable(),
  status: z.enum(SHIPMENT_STATUSES).nullable(),
  tracking_url: z.string().nullable(),
  currency: z.string(),
  cod: z.string().nullable(),
  declared_value: z.string(),
  parcels: z.number(),
  weight_kg: z.string(),
  reason: z.object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  messages: z.array(z.object({ code: z.string(), text: z.string() })),
  events: z.array(
    z.object({
      status: z.enum(SHIPMENT_STATUSES),
      code: z.string(),
      text: z.string(),
      at: z.string(),
    }),
  ),
  created_at: z.string(),
});
export type ShipmentOut = z.infer<typeof ShipmentOut>;

const IdList = z
  .string()
  .max(20_000)
  .transform((s) => s.split(',').map((x) => x.trim()))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,15}$/)
          .transform(Number),
      )
      .min(1)
      .max(1000),
  );

export const LabelsQuery = z.strictObject({
  ids: IdList,
  format: z.enum(LABEL_FORMATS).default('a6'),
  sort: z.enum(['packer', 'courier', 'order']).default('order'),
});

export const MarkBody = z.strictObject({ status: z.enum(OWN_MARK_KEYS as [string, ...string[]]) });

export const TrackingParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
});

/** What the public tracking page shows: no names, phones or addresses (anyone with the link). */
export const PublicTrackingOut = z.object({
  awb: z.string(),
  courier_name: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  city: z.string(),
  events: z.array(z.object({ status: z.enum(SHIPMENT_STATUSES), at: z.string() })),
});

export const CourierAccountBody = z.strictObject({
  courier: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(80),
  credentials: z.record(z.string().min(1).max(60), z.string().max(2000)),
});
export const CourierAccountOut = z.object({
  id: z.number(),
  courier: z.string(),
  name: z.string(),
  created_at: z.string(),
});
export const CourierAccountsOut = z.object({ items: z.array(CourierAccountOut) });
export const CouriersOut = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      capabilities: z.object({
        cod: z.boolean(),
        label_formats: z.array(z.enum(LABEL_FORMATS)),
        cancel: z.boolean(),
        tracking: z.boolean(),
        lockers: z.boolean(),
      }),
    }),
  ),
});

export const BulkBody = z.strictObject({
  order_ids: z.array(Id).min(1).max(500),
  courier: z.string().trim().min(1).max(40).optional(),
  service: z.string().trim().min(1).max(80).optional(),
});
export const BulkStartedOut = z.object({ batch_id: z.number(), total: z.number() });
export const BatchIdParams = z.strictObject({ id: Id });
export const BatchOut = z.object({
  id: z.number(),
  total: z.number(),
  done: z.number(),
  made: z.number(),
  failed: z.number(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  items: z.array(
    z.object({
      order_id: z.number(),
      order_number: z.string(),
      result: z.enum(['queued', 'made', 'failed']),
      shipment_id: z.number().nullable(),
      awb: z.string().nullable(),
      /** The courier's own message (code + its text), or an ecomdir error code with no text. */
      message: z.object({ code: z.string(), text: z.string() }).nullable(),
    }),
  ),
});
/** What the station needs of the shipping settings: whether packing makes the AWB. */
export const StationShippingOut = z.object({ on_pack: z.enum(['off', 'button', 'automatic']) });

export const StationLabelQuery = z.strictObject({
  format: z.enum(LABEL_FORMATS).default('a6'),
});

export const SlipsQuery = z.strictObject({
  order_ids: IdList,
  kind: z.enum(['picking', 'packing']),
});

/** Cancelling an AWB; `packing_error` lets the penalty rule propose for the order's packer. */
export const CancelBody = z.strictObject({ packing_error: z.boolean().default(false) });
