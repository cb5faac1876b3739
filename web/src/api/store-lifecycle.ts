import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

type Removal = ApiBody<'/api/stores/{id}/remove', 'post'>;

/** The owner's actions on a store: pause and resume its sync, remove it (keeping or deleting its orders). */
export const storeLifecycleApi = {
  pause: (id: number) => api.post<ApiJson<'/api/stores/{id}/pause', 'post'>>(`/stores/${id}/pause`),
  resume: (id: number) =>
    api.post<ApiJson<'/api/stores/{id}/resume', 'post'>>(`/stores/${id}/resume`),
  remove: (id: number, keepOrders: boolean) =>
    api.post<ApiJson<'/api/stores/{id}/remove', 'post'>>(`/stores/${id}/remove`, {
      keep_orders: keepOrders,
    } satisfies Removal),
};
