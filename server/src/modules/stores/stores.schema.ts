import { z } from 'zod';
import { iso, isoOrNull, parseJsonColumn } from '../../shared/json.js';
import type { listStoresWithHealth } from './stores.repo.js';

/** How far back a store's first sync goes, in days. */
const FirstSyncDays = z.number().int().min(1).max(3650);

export const ConnectBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  app_user: z.string().min(1).max(200),
  app_password: z.string().min(1).max(200),
  store_url: z.url().max(2000),
  platform: z.literal('woocommerce').default('woocommerce'),
  plugin_version: z.string().max(50).optional(),
  /** Chosen on the plugin's Connect page; plugins built before it leave it out. */
  first_sync_days: FirstSyncDays.optional(),
});
/** How often a store is polled, in seconds: from half a minute to a day. */
const PollSeconds = z.number().int().min(30).max(86_400);

export const AddStoreBody = z.discriminatedUnion('connector', [
  z.strictObject({
    connector: z.literal('woocommerce'),
    url: z.url().max(2000),
    name: z.string().min(1).max(200).optional(),
    app_user: z.string().min(1).max(200).default('ecomdir'),
    app_password: z.string().min(1).max(200),
    first_sync_days: FirstSyncDays.optional(),
  }),
  z.strictObject({
    connector: z.literal('woocommerce-rest'),
    url: z.url().max(2000),
    name: z.string().min(1).max(200).optional(),
    consumer_key: z.string().min(1).max(200),
    consumer_secret: z.string().min(1).max(200),
    first_sync_days: FirstSyncDays.optional(),
  }),
]);

/** The store's sync settings; a field left out keeps its value. */
export const StoreSettingsBody = z.strictObject({
  first_sync_days: FirstSyncDays.optional(),
  poll_seconds: PollSeconds.optional(),
});

/** 422: the store could not be verified; its own answer is passed on (the plugin shows it). */
export const UnverifiedOut = z.object({
  error: z.object({
    code: z.string(),
    /** The stable reason (store_timeout, store_tls_error, …), also for the plugin. */
    reason: z.string(),
    message: z.string(),
    /** What the store answered, as a code (`STORE_CAUSE_CODES`) the dashboard renders. */
    cause_code: z.string(),
    store_status: z.number().nullable(),
    store_answer: z.string(),
  }),
});

export const StoreOut = z.object({
  id: z.number(),
  name: z.string(),
  platform: z.string(),
  connector: z.string(),
  url: z.string(),
  status: z.string(),
  orders_count: z.number(),
  last_sync_at: z.string().nullable(),
  /**
   * ok | syncing | error | pending (never synced yet) | stalled (marked syncing, but no live
   * worker holds its sync) | paused | removed (orders kept)
   */
  health: z.enum(['ok', 'syncing', 'error', 'pending', 'stalled', 'paused', 'removed']),
  /** Set while paused: since when and why (`owner`, or `credentials_rejected` automatically). */
  paused: z.object({ since: z.string(), reason: z.string() }).nullable(),
  removed_at: z.string().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), since: z.string().nullable() })
    .nullable(),
  first_sync: z.object({
    done: z.boolean(),
    from: z.string().nullable(),
    progress_pct: z.number().nullable(),
    orders_so_far: z.number(),
  }),
  store_info: z.record(z.string(), z.unknown()),
  /** The effective settings: the store's own, or the configured defaults. */
  first_sync_days: z.number(),
  poll_seconds: z.number(),
  /** False once the first sync has begun: how far back it goes is fixed then. */
  first_sync_days_editable: z.boolean(),
});
export type StoreOutT = z.infer<typeof StoreOut>;

/** The settings of a store without its own (SYNC_FIRST_DAYS, SYNC_POLL_SECONDS). */
export const SyncDefaultsOut = z.object({ first_sync_days: z.number(), poll_seconds: z.number() });

/** A store as listed, its settings already resolved against the defaults (StoresService). */
export type StoreRow = Awaited<ReturnType<typeof listStoresWithHealth>>[number] & {
  first_sync_days: number;
  poll_seconds: number;
};

function healthOf(r: StoreRow): StoreOutT['health'] {
  if (r.removed_at !== null) return 'removed';
  if (r.paused_at !== null) return 'paused';
  if (r.last_error_code) return 'error';
  if (r.sync_started_at !== null) return Number(r.sync_stalled) === 1 ? 'stalled' : 'syncing';
  return r.last_sync_at ? 'ok' : 'pending';
}

export function toStoreOut(r: StoreRow, now = Date.now()): StoreOutT {
  const syncing = r.sync_started_at !== null;
  const firstDone = r.first_synced_at !== null;
  let pct: number | null = null;
  if (!firstDone && r.sync_from !== null) {
    const span = Math.max(1, now - r.sync_from);
    pct = Math.max(
      0,
      Math.min(
        100,
        Math.round((((r.cursor_modified_at ?? r.sync_from) - r.sync_from) / span) * 100),
      ),
    );
  }
  return {
    id: r.id,
    name: r.name,
    paused:
      r.paused_at === null ? null : { since: iso(r.paused_at), reason: r.paused_reason ?? 'owner' },
    removed_at: isoOrNull(r.removed_at),
    platform: r.platform,
    connector: r.connector,
    url: r.url,
    status: r.status,
    orders_count: Number(r.orders_count ?? 0),
    last_sync_at: isoOrNull(r.last_sync_at),
    health: healthOf(r),
    error: r.last_error_code
      ? { code: r.last_error_code, message: r.last_error ?? '', since: isoOrNull(r.error_since) }
      : null,
    first_sync: {
      done: firstDone,
      from: isoOrNull(r.sync_from),
      progress_pct: firstDone ? 100 : pct,
      orders_so_far: r.sync_progress,
    },
    store_info: parseJsonColumn<Record<string, unknown>>(r.store_info, {}),
    first_sync_days: r.first_sync_days,
    poll_seconds: r.poll_seconds,
    first_sync_days_editable: !firstDone && r.cursor_modified_at === null && !syncing,
  };
}

export const DeadJobOut = z.object({
  id: z.number(),
  kind: z.string(),
  payload: z.record(z.string(), z.unknown()),
  attempts: z.number(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  failed_at: z.string(),
});

/** Removing a store: keep its orders readable (store marked removed), or delete them all. */
export const RemoveStoreBody = z.strictObject({ keep_orders: z.boolean() });
