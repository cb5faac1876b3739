import { api } from './client';
import type { Store } from './stores';

/** The owner's actions on a store: pause and resume its sync, remove it (keeping or deleting its orders). */
export const storeLifecycleApi = {
  pause: (id: number) => api.post<Store>(`/stores/${id}/pause`),
  resume: (id: number) => api.post<Store>(`/stores/${id}/resume`),
  remove: (id: number, keepOrders: boolean) =>
    api.post<{ orders_deleted: number }>(`/stores/${id}/remove`, { keep_orders: keepOrders }),
};
