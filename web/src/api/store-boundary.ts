import { api } from './client';

/**
 * The store boundary (server: modules/sync/boundary.routes.ts): divergences and quarantined
 * orders per store, and Retry of a write-back the store refused.
 */
export interface StoreBoundaryCounts {
  store_id: number;
  /** Open orders whose packer the store holds differently from ecomdir. */
  diverged: number;
  /** Orders that could not be stored (quarantined with the reason). */
  quarantined: number;
}

export interface QuarantinedOrder {
  external_id: string;
  number: string;
  /** value_out_of_range | store_rejected_row */
  reason: string;
  detail: string;
  since: string;
}

/** The order detail's write-back state (GET /api/orders/:id). */
export interface OrderStorePush {
  store_push_error: {
    /** The store's code: ecomdir_packer_locked, credentials_rejected, timeout, … */
    code: string;
    message: string;
    at: string;
    /** ecomdir keeps trying by itself; else the cause must be fixed, then Retry. */
    retrying: boolean;
  } | null;
  store_divergence: {
    packer_id: string | null;
    packer_name: string | null;
    confirmed: boolean;
    since: string;
  } | null;
}

export const storeBoundaryApi = {
  counts: () => api.get<{ stores: StoreBoundaryCounts[] }>('/stores/boundary'),
  quarantine: (storeId: number) =>
    api.get<{ items: QuarantinedOrder[] }>(`/stores/${storeId}/quarantine`),
  retryPush: (orderId: number) => api.post<{ queued: true }>(`/orders/${orderId}/store-push/retry`),
};
