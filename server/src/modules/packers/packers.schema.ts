import { z } from 'zod';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');
export const ShiftInterval = z
  .strictObject({ start: Time, end: Time })
  .refine((s) => s.start < s.end, 'a shift must end after it starts');
const Day = z.array(ShiftInterval).max(4).default([]);

/**
 * The weekly schedule in the account's time zone. A schedule empty on every day means
 * "always available" (small shops do not plan shifts).
 */
export const WeeklySchedule = z.strictObject({
  mon: Day,
  tue: Day,
  wed: Day,
  thu: Day,
  fri: Day,
  sat: Day,
  sun: Day,
});
export type WeeklySchedule = z.infer<typeof WeeklySchedule>;
export const EMPTY_SCHEDULE: WeeklySchedule = {
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, '3 to 32 letters, digits, dot, dash or underscore');
/** 4 to 8 digits here; fewer than 6 only when the owner allows short PINs (packers.service.ts). */
export const Pin = z.string().regex(/^\d{4,8}$/, '4 to 8 digits');
const Skill = z.string().trim().min(1).max(64);

const PackerFields = {
  name: z.string().trim().min(1).max(120),
  username: Username,
  pin: Pin,
  active: z.boolean(),
  weight: z.number().int().min(1).max(100),
  max_open_orders: z.number().int().min(1).max(10_000).nullable(),
  skills: z.array(Skill).max(50),
  allowed_store_ids: z.array(z.number().int().positive()).max(500),
  shifts: WeeklySchedule,
};

export const PackerCreate = z.strictObject({
  ...PackerFields,
  active: PackerFields.active.default(true),
  weight: PackerFields.weight.default(1),
  max_open_orders: PackerFields.max_open_orders.default(null),
  skills: PackerFields.skills.default([]),
  allowed_store_ids: PackerFields.allowed_store_ids.default([]),
  shifts: WeeklySchedule.default(EMPTY_SCHEDULE),
});
export type PackerCreate = z.infer<typeof PackerCreate>;

export const PackerPatch = z
  .strictObject(PackerFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');
export type PackerPatch = z.infer<typeof PackerPatch>;

export const PackerOut = z.object({
  id: z.number(),
  name: z.string(),
  username: z.string(),
  active: z.boolean(),
  weight: z.number(),
  max_open_orders: z.number().nullable(),
  skills: z.array(z.string()),
  allowed_store_ids: z.array(z.number()),
  shifts: WeeklySchedule,
  open_orders: z.number(),
  /** Locked after too many wrong PINs, until a manager unlocks. */
  locked: z.boolean(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type PackerOut = z.infer<typeof PackerOut>;

export const IdParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const WrongScansQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type WrongScansQuery = z.infer<typeof WrongScansQuery>;

/** A packer's scans at the station that did not belong to the order, newest first. */
export const WrongScansOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      order: z.object({ id: z.number(), number: z.string() }),
      /** What the packer scanned. */
      code: z.string(),
      /** wrong_item: matched no line of the order; too_many: a line already complete. */
      kind: z.enum(['wrong_item', 'too_many']),
      /** What the order expected: the complete line (too_many) or the order's lines. */
      expected: z.array(z.object({ sku: z.string(), name: z.string() })),
      created_at: z.string(),
    }),
  ),
  next_cursor: z.string().nullable(),
});
export type WrongScansOut = z.infer<typeof WrongScansOut>;
