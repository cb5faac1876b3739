import { z } from 'zod';
import { ReasonOut } from '../../shared/reason.schema.js';

const Text = (max: number) => z.string().trim().max(max);
const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** Minor units (bani, cents): sums stay exact integers. */
const AmountMinor = z.number().int().min(0).max(100_000_000);

export const IdParams = z.strictObject({ id: Id });

export const PENALTY_STATES = [
  'proposed',
  'applied',
  'waived',
  'contested',
  'upheld',
  'cancelled',
  'reversed',
] as const;
export type PenaltyState = (typeof PENALTY_STATES)[number];

export const PENALTY_RULES = [
  'scan_mismatch',
  'late_packing',
  'packing_error',
  'awb_cancelled',
] as const;
export type PenaltyRule = (typeof PENALTY_RULES)[number];

/** What happened that a rule proposed a penalty for (the event's id is of that row). */
export const PENALTY_EVENT_KINDS = [
  'scan_mismatch',
  'order_confirmed',
  'order_return',
  'order_complaint',
  'shipment_cancelled',
] as const;
export type PenaltyEventKind = (typeof PENALTY_EVENT_KINDS)[number];

export const DEFAULT_TYPE_CODES = [
  'wrong_item',
  'missing_item',
  'wrong_quantity',
  'damaged_packing',
  'late_packing',
  'wrong_label',
] as const;
export type DefaultTypeCode = (typeof DEFAULT_TYPE_CODES)[number];

export const PenaltyTypeOut = z.object({
  id: z.number(),
  /** One of the defaults' codes; null for types the owner made. */
  code: z.enum(DEFAULT_TYPE_CODES).nullable(),
  /** Null until the owner names a default type: show the code's name in the reader's language. */
  name: z.string().nullable(),
  description: z.string(),
  default_amount_minor: z.number(),
  active: z.boolean(),
});
export type PenaltyTypeOut = z.infer<typeof PenaltyTypeOut>;
export const PenaltyTypesOut = z.object({ items: z.array(PenaltyTypeOut) });

export const PenaltyTypeCreate = z.strictObject({
  name: Text(80).min(1),
  description: Text(500).default(''),
  default_amount_minor: AmountMinor,
  active: z.boolean().default(true),
});
export type PenaltyTypeCreate = z.infer<typeof PenaltyTypeCreate>;

export const PenaltyTypePatch = z.strictObject({
  name: Text(80).min(1).optional(),
  description: Text(500).optional(),
  default_amount_minor: AmountMinor.optional(),
  active: z.boolean().optional(),
});
export type PenaltyTypePatch = z.infer<typeof PenaltyTypePatch>;

export const PenaltyOut = z.object({
  id: z.number(),
  packer_id: z.number(),
  packer_name: z.string(),
  order_id: z.number().nullable(),
  order_number: z.string().nullable(),
  type_id: z.number(),
  type_code: z.enum(DEFAULT_TYPE_CODES).nullable(),
  type_name: z.string().nullable(),
  amount_minor: z.number(),
  currency: z.string(),
  note: z.string(),
  has_photo: z.boolean(),
  state: z.enum(PENALTY_STATES),
  rule: z.enum(PENALTY_RULES).nullable(),
  /** What made the rule propose: a scan mismatch, an order, a shipment. */
  event: z.object({ kind: z.enum(PENALTY_EVENT_KINDS), id: z.number() }).nullable(),
  created_at: z.string(),
  created_by_name: z.string().nullable(),
});
export type PenaltyOut = z.infer<typeof PenaltyOut>;

export const PenaltyEntryOut = z.object({
  state: z.enum(PENALTY_STATES),
  reason: ReasonOut.nullable(),
  comment: z.string().nullable(),
  actor_name: z.string().nullable(),
  actor_role: z.enum(['owner', 'manager', 'packer', 'system']),
  at: z.string(),
});
export type PenaltyEntryOut = z.infer<typeof PenaltyEntryOut>;

export const PenaltyDetailOut = PenaltyOut.extend({ entries: z.array(PenaltyEntryOut) });
export type PenaltyDetailOut = z.infer<typeof PenaltyDetailOut>;

const Instant = z.iso.datetime({ offset: true });

export const PenaltiesQuery = z.strictObject({
  state: z.enum(PENALTY_STATES).optional(),
  packer_id: Id.optional(),
  order_id: Id.optional(),
  /** Created at or after / before these instants (ISO 8601). */
  from: Instant.optional(),
  to: Instant.optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PenaltiesQuery = z.infer<typeof PenaltiesQuery>;

export const PenaltiesOut = z.object({
  items: z.array(PenaltyOut),
  next_cursor: z.string().nullable(),
});

export const PenaltyCreate = z.strictObject({
  packer_id: z.number().int().positive(),
  order_id: z.number().int().positive().nullable().optional(),
  type_id: z.number().int().positive(),
  /** Default: the type's default amount. */
  amount_minor: AmountMinor.optional(),
  note: Text(1000).default(''),
});
export type PenaltyCreate = z.infer<typeof PenaltyCreate>;

const ReasonText = Text(500);

export const DecideBody = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(200),
  decision: z.enum(['apply', 'waive']),
  reason: ReasonText.default(''),
});
export type DecideBody = z.infer<typeof DecideBody>;

export const DecideOut = z.object({
  items: z.array(z.object({ id: z.number(), ok: z.boolean(), error_code: z.string().nullable() })),
});
export type DecideOut = z.infer<typeof DecideOut>;

export const ReverseBody = z.strictObject({ reason: ReasonText.min(1) });
export const ResolveBody = z.strictObject({
  outcome: z.enum(['upheld', 'cancelled']),
  comment: Text(1000).default(''),
});
export const ContestBody = z.strictObject({ comment: Text(1000).min(1) });

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11');
export const SummaryQuery = z.strictObject({ month: Month });
export const ExportQuery = z.strictObject({ month: Month, format: z.enum(['csv', 'xlsx']) });

export const SummaryOut = z.object({
  month: z.string(),
  currency: z.string(),
  items: z.array(
    z.object({
      packer_id: z.number(),
      packer_name: z.string(),
      total_minor: z.number(),
      count: z.number(),
      by_type: z.array(
        z.object({
          type_id: z.number(),
          type_code: z.enum(DEFAULT_TYPE_CODES).nullable(),
          type_name: z.string().nullable(),
          count: z.number(),
          total_minor: z.number(),
        }),
      ),
    }),
  ),
});
export type SummaryOut = z.infer<typeof SummaryOut>;

export const RecordQuery = z.strictObject({ period: z.enum(['week', 'month']).default('week') });

export const StationPenaltyOut = PenaltyOut.extend({
  contest_comment: z.string().nullable(),
  answer: z.object({ outcome: z.enum(['upheld', 'cancelled']), comment: z.string() }).nullable(),
});
export type StationPenaltyOut = z.infer<typeof StationPenaltyOut>;

export const RecordOut = z.object({
  period: z.enum(['week', 'month']),
  from: z.string(),
  to: z.string(),
  packed_orders: z.number(),
  median_pack_seconds: z.number().nullable(),
  penalties: z.array(StationPenaltyOut),
  total_applied_minor: z.number(),
});
export type RecordOut = z.infer<typeof RecordOut>;

export const PackingErrorBody = z.strictObject({
  kind: z.enum(['return', 'complaint']),
  note: Text(1000).default(''),
  /** Default: wrong item for a return, damaged packing for a complaint. */
  type_id: z.number().int().positive().optional(),
});
export type PackingErrorBody = z.infer<typeof PackingErrorBody>;
export const PackingErrorOut = z.object({
  order_id: z.number(),
  kind: z.enum(['return', 'complaint']),
  /** The penalty the rule proposed; null when the rule is off or the order has no packer. */
  penalty_id: z.number().nullable(),
});
