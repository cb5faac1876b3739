import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';

type Db = Kysely<DB> | Transaction<DB>;

const Hours = z.number().int().min(1).max(720);

/**
 * The rules an owner switches on and off, and whether managers may apply. Every rule only ever
 * proposes; an owner (or, if allowed, a manager) decides.
 */
export const PenaltySettings = z.strictObject({
  rules: z
    .strictObject({
      scan_mismatch: z
        .strictObject({
          enabled: z.boolean().default(true),
          /** per_mismatch: every wrong scan; per_order: the first wrong scan of an order only. */
          mode: z.enum(['per_mismatch', 'per_order']).default('per_order'),
        })
        .default({ enabled: true, mode: 'per_order' }),
      late_packing: z
        .strictObject({
          enabled: z.boolean().default(false),
          /** Working hours of the packer's shifts between confirmation and packing. */
          default_hours: Hours.default(24),
          store_hours: z
            .array(z.strictObject({ store_id: z.number().int().positive(), hours: Hours }))
            .max(200)
            .default([]),
        })
        .default({ enabled: false, default_hours: 24, store_hours: [] }),
      packing_error: z
        .strictObject({ enabled: z.boolean().default(true) })
        .default({ enabled: true }),
      awb_cancelled_packing_error: z
        .strictObject({ enabled: z.boolean().default(true) })
        .default({ enabled: true }),
    })
    .default({
      scan_mismatch: { enabled: true, mode: 'per_order' },
      late_packing: { enabled: false, default_hours: 24, store_hours: [] },
      packing_error: { enabled: true },
      awb_cancelled_packing_error: { enabled: true },
    }),
  managers_may_apply: z.boolean().default(false),
});
export type PenaltySettings = z.infer<typeof PenaltySettings>;

export const DEFAULT_PENALTY_SETTINGS: PenaltySettings = PenaltySettings.parse({});

export async function readPenaltySettings(db: Db, accountId: number): Promise<PenaltySettings> {
  const row = await db
    .selectFrom('penalty_settings')
    .select('settings')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) return DEFAULT_PENALTY_SETTINGS;
  // A document an older server wrote gets today's defaults for what it lacks.
  const parsed = PenaltySettings.safeParse(parseJsonColumn<unknown>(row.settings, {}));
  return parsed.success ? parsed.data : DEFAULT_PENALTY_SETTINGS;
}

export async function writePenaltySettings(
  db: Db,
  accountId: number,
  settings: PenaltySettings,
): Promise<void> {
  const now = Date.now();
  const text = JSON.stringify(settings);
  await db
    .insertInto('penalty_settings')
    .values({ account_id: accountId, settings: text, updated_at: now })
    .onConflict((oc) => oc.column('account_id').doUpdateSet({ settings: text, updated_at: now }))
    .execute();
}
