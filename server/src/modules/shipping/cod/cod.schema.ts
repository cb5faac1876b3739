import { z } from 'zod';
import { DAY_PATTERN } from '../../../shared/local-days.js';

/** Amounts are integer minor units (bani) of the account's currency. */
const Minor = z.number().int();
const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Day = z.string().regex(DAY_PATTERN, 'a day like 2026-11-05');

export const CodImportIdParams = z.strictObject({ id: Id });

export const CodSettings = z.strictObject({ overdue_days: z.number().int().min(1).max(365) });

export const CodSummaryQuery = z.strictObject({ from: Day.optional(), to: Day.optional() });

const DayRow = z.object({
  day: z.string(),
  expected: Minor,
  collected: Minor,
  paid_out: Minor,
  outstanding: Minor,
  /** The day's outstanding amount once the day is `overdue_days` old; else 0. */
  overdue: Minor,
  /** COD parcels of AWBs made that day that came back. */
  returned: z.number().int(),
});

export const CodSummaryOut = z.object({
  timezone: z.string(),
  currency: z.string(),
  overdue_days: z.number().int(),
  from: z.string(),
  to: z.string(),
  days: z.array(DayRow),
  totals: z.object({
    outstanding: Minor,
    overdue: Minor,
    overdue_count: z.number().int(),
    returned: Minor,
    returned_count: z.number().int(),
    unmatched: Minor,
    unmatched_count: z.number().int(),
  }),
});

export const COD_FILTERS = ['outstanding', 'overdue', 'returned', 'all'] as const;
export const CodShipmentsQuery = z.strictObject({
  filter: z.enum(COD_FILTERS).default('outstanding'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const CodStateOut = z.object({
  shipment_id: z.number(),
  order_id: z.number(),
  order_number: z.string(),
  courier: z.string(),
  awb: z.string(),
  status: z.string().nullable(),
  currency: z.string(),
  expected: Minor,
  collected: Minor,
  paid_out: Minor,
  outstanding: Minor,
  delivered_at: z.number().nullable(),
  overdue: z.boolean(),
  returned: z.boolean(),
});

export const CodShipmentsOut = z.object({
  items: z.array(CodStateOut),
  total: z.number().int(),
  page: z.number().int(),
});
export const CodOrderOut = z.object({ items: z.array(CodStateOut) });

const Message = z.object({ code: z.string(), text: z.string() });
export const CodImportOut = z.object({
  id: z.number(),
  courier: z.string(),
  source: z.enum(['api', 'file']),
  file_name: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  range_from: z.string().nullable(),
  range_to: z.string().nullable(),
  lines_total: z.number().int(),
  lines_new: z.number().int(),
  lines_known: z.number().int(),
  lines_unmatched: z.number().int(),
  unmatched_awbs: z.array(z.string()),
  messages: z.array(Message),
  created_by: z.string(),
  created_at: z.number(),
  finished_at: z.number().nullable(),
});
export const CodImportsOut = z.object({ items: z.array(CodImportOut) });

export const CodFileImportOut = CodImportOut.extend({
  /** Rows with an AWB whose amount or date could not be read (row numbers as in the sheet). */
  rejected_rows: z.array(z.object({ row: z.number(), field: z.string() })),
});

const Column = z.number().int().nullable();
export const CodPreviewOut = z.object({
  file_name: z.string(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  row_count: z.number().int(),
  detected: z.object({ awb: Column, amount: Column, paid_at: Column, reference: Column }),
});

/** The form fields of a file import besides the file (multipart text fields). */
export const CodFileFields = z.object({
  courier: z.string().trim().min(1).max(40),
  col_awb: z.coerce.number().int().min(0).max(200),
  col_amount: z.coerce.number().int().min(0).max(200),
  col_paid_at: z.coerce.number().int().min(0).max(200),
  /** Empty: the file has no reference column. */
  col_reference: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : Number(v)))
    .pipe(z.number().int().min(0).max(200).nullable()),
});

export const CodCourierImportBody = z.strictObject({
  courier: z.string().trim().min(1).max(40),
  from: Day.optional(),
  to: Day.optional(),
});

export const CodCouriersOut = z.object({
  items: z.array(z.object({ key: z.string(), name: z.string() })),
});
