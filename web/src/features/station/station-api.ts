import { api, fetchDocument } from '../../api/client';
import type { ApiBody, ApiJson } from '../../api/contract';

/** Generated from the server's schema (`api/contract.ts`), not restated here. */
type Queue = ApiJson<'/api/station/queue', 'get'>;
export type QueueItem = Queue['items'][number];
export type StationOrder = ApiJson<'/api/station/orders/{id}', 'get'>;
export type StationItem = StationOrder['items'][number];
export type ScanResult = ApiJson<'/api/station/orders/{id}/scan', 'post'>;
export type StationShipping = ApiJson<'/api/station/shipping', 'get'>;
export type StationShipment = ApiJson<'/api/station/orders/{id}/shipment', 'post'>;
type Scan = ApiBody<'/api/station/orders/{id}/scan', 'post'>;

export const QUEUE_KEY = ['station', 'queue'] as const;
export const orderKey = (id: number) => ['station', 'order', id] as const;

export const stationApi = {
  queue: () => api.get<Queue>('/station/queue'),
  order: (id: number) => api.get<StationOrder>(`/station/orders/${id}`),
  confirm: (id: number) =>
    api.post<ApiJson<'/api/orders/{id}/confirm', 'post'>>(`/orders/${id}/confirm`),
  scan: (id: number, code: string) =>
    api.post<ScanResult>(`/station/orders/${id}/scan`, { code } satisfies Scan),
  shipping: () => api.get<StationShipping>('/station/shipping'),
  /** Makes the order's AWB, or returns the one already made (never a second). */
  shipment: (id: number) => api.post<StationShipment>(`/station/orders/${id}/shipment`),
  /** The label of the order's AWB as an A6 PDF. */
  label: (id: number) => fetchDocument(`/station/orders/${id}/label`, { format: 'a6' }),
};
