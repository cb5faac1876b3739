import { api } from './client';

export type StoreHealth = 'ok' | 'syncing' | 'error' | 'pending';

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
  error: { code: string; message: string; since: string | null } | null;
  first_sync: {
    done: boolean;
    from: string | null;
    progress_pct: number | null;
    orders_so_far: number;
  };
  store_info: Record<string, unknown>;
}

export type NewStore =
  | { connector: 'woocommerce'; url: string; name?: string; app_user: string; app_password: string }
  | {
      connector: 'woocommerce-rest';
      url: string;
      name?: string;
      consumer_key: string;
      consumer_secret: string;
    };

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
  list: () => api.get<{ items: Store[] }>('/stores'),
  add: (body: NewStore) => api.post<{ id: number }>('/stores', body),
  syncNow: (id: number) => api.post<{ job_id: number }>(`/stores/${id}/sync`),
  deadJobs: () => api.get<{ items: DeadJob[] }>('/jobs/dead'),
  retryJob: (id: number) => api.post<void>(`/jobs/${id}/retry`),
};
