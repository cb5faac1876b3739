import { api } from './client';

/** stalled: marked syncing, but no live worker holds its sync; paused; removed (orders kept). */
export type StoreHealth = 'ok' | 'syncing' | 'error' | 'pending' | 'stalled' | 'paused' | 'removed';

export interface Store {
  id: number;
  name: string;
  platform: string;
  url: string;
  status: string;
  /** 'woocommerce' (ecomdir Connect) or 'woocommerce-rest' (WooCommerce's own API). */
  connector: string;
  orders_count: number;
  last_sync_at: string | null;
  health: StoreHealth;
  /** Set while paused: since when and why (`owner`, or `credentials_rejected` automatically). */
  paused: { since: string; reason: string } | null;
  removed_at: string | null;
  error: { code: string; message: string; since: string | null } | null;
  first_sync: {
    done: boolean;
    from: string | null;
    progress_pct: number | null;
    orders_so_far: number;
  };
  store_info: Record<string, unknown>;
  /** The effective sync settings: the store's own, else the server's defaults. */
  first_sync_days: number;
  poll_seconds: number;
  /** False once the first sync has begun: how far back it goes is fixed then. */
  first_sync_days_editable: boolean;
}

/** What a store without its own settings gets (SYNC_FIRST_DAYS, SYNC_POLL_SECONDS). */
export interface SyncDefaults {
  first_sync_days: number;
  poll_seconds: number;
}

/** A change of a store's sync settings; a field left out keeps its value. */
export interface StoreSettings {
  first_sync_days?: number;
  poll_seconds?: number;
}

export type NewStore = { url: string; name?: string; first_sync_days?: number } & (
  | { connector: 'woocommerce'; app_user: string; app_password: string }
  | { connector: 'woocommerce-rest'; consumer_key: string; consumer_secret: string }
);

export interface DeadJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  last_error: string | null;
  created_at: string;
  failed_at: string;
}

export const storesApi = {
  list: () => api.get<{ items: Store[]; defaults: SyncDefaults }>('/stores'),
  add: (body: NewStore) => api.post<{ id: number }>('/stores', body),
  updateSettings: (id: number, body: StoreSettings) => api.patch<Store>(`/stores/${id}`, body),
  syncNow: (id: number) => api.post<{ job_id: number }>(`/stores/${id}/sync`),
  deadJobs: () => api.get<{ items: DeadJob[] }>('/jobs/dead'),
  retryJob: (id: number) => api.post<void>(`/jobs/${id}/retry`),
};
