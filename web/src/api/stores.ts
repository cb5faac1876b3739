import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

type StoreList = ApiJson<'/api/stores', 'get'>;

/**
 * A store as the server answers it (generated contract). `health` stalled: marked syncing,
 * but no live worker holds its sync; `paused` says since when and why (`owner`, or
 * `credentials_rejected` automatically); `first_sync_days_editable` is false once the first
 * sync has begun.
 */
export type Store = StoreList['items'][number];
export type StoreHealth = Store['health'];

/** What a store without its own settings gets (SYNC_FIRST_DAYS, SYNC_POLL_SECONDS). */
export type SyncDefaults = StoreList['defaults'];

/** A change of a store's sync settings; a field left out keeps its value. */
export type StoreSettings = ApiBody<'/api/stores/{id}', 'patch'>;

/** ecomdir Connect (application password) or WooCommerce's own REST keys. */
export type NewStore = ApiBody<'/api/stores', 'post'>;

export type DeadJob = ApiJson<'/api/jobs/dead', 'get'>['items'][number];

export const storesApi = {
  list: () => api.get<StoreList>('/stores'),
  add: (body: NewStore) => api.post<ApiJson<'/api/stores', 'post', 201>>('/stores', body),
  updateSettings: (id: number, body: StoreSettings) => api.patch<Store>(`/stores/${id}`, body),
  syncNow: (id: number) =>
    api.post<ApiJson<'/api/stores/{id}/sync', 'post', 202>>(`/stores/${id}/sync`),
  deadJobs: () => api.get<ApiJson<'/api/jobs/dead', 'get'>>('/jobs/dead'),
  retryJob: (id: number) => api.post<void>(`/jobs/${id}/retry`),
};
