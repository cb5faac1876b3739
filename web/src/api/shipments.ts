import type { ApiJson } from './contract';
import { api } from './client';

type OrderShipments = ApiJson<'/api/orders/{id}/shipments', 'get'>;
export type Shipment = OrderShipments['items'][number];
type BatchStarted = ApiJson<'/api/shipments/bulk', 'post', 202>;

export const shipmentsApi = {
  ofOrder: (orderId: number) => api.get<OrderShipments>(`/orders/${orderId}/shipments`),
  generate: (orderId: number) => api.post<Shipment>(`/orders/${orderId}/shipments`, {}),
  /** The label document's address (opened in a new tab; the browser shows the PDF). */
  labelUrl: (shipmentId: number, format: 'a6' | 'a4x4' | 'zpl' = 'a6') =>
    `/api/shipments/labels?ids=${shipmentId}&format=${format}`,
};

export type ShipmentBatch = ApiJson<'/api/shipments/batches/{id}', 'get'>;

export const batchesApi = {
  start: (order_ids: number[]) => api.post<BatchStarted>('/shipments/bulk', { order_ids }),
  get: (id: number) => api.get<ShipmentBatch>(`/shipments/batches/${id}`),
};
