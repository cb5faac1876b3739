import { z } from 'zod';
import { STRATEGY_KEYS } from './distribution.types.js';
import { ReasonOut } from '../../shared/reason.schema.js';

const Id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Strategy = z.enum(STRATEGY_KEYS);

export const SettingsPut = z.strictObject({
  /** null: the account default, used for manual (phone) orders. */
  store_id: Id.nullable(),
  strategy: Strategy,
  enabled: z.boolean(),
  store_statuses: z.array(z.string().trim().min(1).max(64)).min(1).max(20).optional(),
});
export type SettingsPut = z.infer<typeof SettingsPut>;

export const DistributionSettingsOut = z.object({
  strategies: z.array(z.object({ key: Strategy, label: z.string() })),
  manual: z.object({ strategy: Strategy, enabled: z.boolean() }),
  stores: z.array(
    z.object({
      store_id: z.number(),
      store_name: z.string(),
      strategy: Strategy,
      enabled: z.boolean(),
      store_statuses: z.array(z.string()),
    }),
  ),
});
export type DistributionSettingsOut = z.infer<typeof DistributionSettingsOut>;

export const DistributeBody = z.strictObject({ order_ids: z.array(Id).min(1).max(1000) });

export const RunResultOut = z.object({
  assigned: z.array(
    z.object({
      id: z.number(),
      packer_id: z.number(),
      packer_name: z.string(),
      reason: ReasonOut,
    }),
  ),
  unassigned: z.array(z.object({ id: z.number(), reason: ReasonOut })),
  skipped: z.array(z.object({ id: z.number(), code: z.string(), message: z.string() })),
});

export const UnassignedOut = z.object({
  items: z.array(
    z.object({
      order_id: z.number(),
      number: z.string(),
      store: z.object({ id: z.number(), name: z.string() }).nullable(),
      customer_name: z.string(),
      created_at: z.string(),
      /** Always set for a queued order (null only for rows older than reasons as codes). */
      reason: ReasonOut.nullable(),
      since: z.string(),
      checked_at: z.string(),
    }),
  ),
});
export type UnassignedOut = z.infer<typeof UnassignedOut>;
