import { api } from './client';
import type { ApiJson } from './contract';

/**
 * The store boundary (server: modules/sync/boundary.routes.ts): divergences and quarantined
 * orders per store, and Retry of a write-back the store refused. Types from the generated
 * contract: `diverged` counts open orders whose packer the store holds differently,
 * `quarantined` the orders that could not be stored (reason: value_out_of_range |
 * store_rejected_row).
 */
type Boundary = ApiJson<'/api/stores/boundary', 'get'>;
type Quarantine = ApiJson<'/api/stores/{id}/quarantine', 'get'>;
type OrderDetailJson = ApiJson<'/api/orders/{id}', 'get'>;

export type StoreBoundaryCounts = Boundary['stores'][number];
export type QuarantinedOrder = Quarantine['items'][number];

/**
 * The order detail's write-back state (GET /api/orders/:id): the store's refusal (with
 * `retrying` when ecomdir keeps trying by itself) and the packer the store holds instead.
 */
export type OrderStorePush = Pick<OrderDetailJson, 'store_push_error' | 'store_divergence'>;

export const storeBoundaryApi = {
  counts: () => api.get<Boundary>('/stores/boundary'),
  quarantine: (storeId: number) => api.get<Quarantine>(`/stores/${storeId}/quarantine`),
  retryPush: (orderId: number) =>
    api.post<ApiJson<'/api/orders/{id}/store-push/retry', 'post', 202>>(
      `/orders/${orderId}/store-push/retry`,
    ),
};
