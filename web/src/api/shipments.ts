import type { ApiBody, ApiJson, ApiQuery } from './contract';
import { api, fetchDocument } from './client';

type OrderShipments = ApiJson<'/api/orders/{id}/shipments', 'get'>;
export type Shipment = OrderShipments['items'][number];
type Couriers = ApiJson<'/api/shipping/couriers', 'get'>;
export type LabelFormat = NonNullable<ApiQuery<'/api/shipments/labels', 'get'>['format']>;
export type LabelSort = NonNullable<ApiQuery<'/api/shipments/labels', 'get'>['sort']>;
export type SlipKind = ApiQuery<'/api/shipments/slips', 'get'>['kind'];
export type GenerateBody = ApiBody<'/api/orders/{id}/shipments', 'post'>;
export type Estimates = ApiJson<'/api/orders/{id}/shipping-estimates', 'get'>;
export type Lockers = ApiJson<'/api/shipping/lockers', 'get'>;
export type Locker = Lockers['items'][number];
type LockersRefreshed = ApiJson<'/api/shipping/lockers/refresh', 'post'>;
type BatchStarted = ApiJson<'/api/shipments/bulk', 'post', 202>;
/** The order's recipient matched to a courier's list of localities (nomenclature). */
export type AddressMatch = ApiJson<'/api/orders/{id}/address-match', 'get'>;
export type AddressChoice = ApiBody<'/api/orders/{id}/address-match', 'put'>;
/** Where the shop can say an own-courier parcel is (the own courier has no tracking of its own). */
export type MarkStatus = ApiBody<'/api/shipments/{id}/mark', 'post'>['status'];
export const MARK_STATUSES = [
  'handed_over',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'refused',
  'returned',
] as const satisfies readonly MarkStatus[];

export const shipmentsApi = {
  ofOrder: (orderId: number) => api.get<OrderShipments>(`/orders/${orderId}/shipments`),
  generate: (orderId: number, body: GenerateBody = {}) =>
    api.post<Shipment>(`/orders/${orderId}/shipments`, body),
  /** The price at each courier with a login whose API estimates. */
  estimates: (orderId: number) => api.get<Estimates>(`/orders/${orderId}/shipping-estimates`),
  /** The label document's address (opened in a new tab; the browser shows the PDF). */
  labelUrl: (shipmentId: number, format: 'a6' | 'a4x4' | 'zpl' = 'a6') =>
    `/api/shipments/labels?ids=${shipmentId}&format=${format}`,
  couriers: () => api.get<Couriers>('/shipping/couriers'),
  /** Without a courier: the one the order's AWB would go to now. */
  addressMatch: (orderId: number) => api.get<AddressMatch>(`/orders/${orderId}/address-match`),
  chooseLocality: (orderId: number, choice: AddressChoice) =>
    api.put<AddressMatch>(`/orders/${orderId}/address-match`, choice),
  mark: (shipmentId: number, status: MarkStatus) =>
    api.post<Shipment>(`/shipments/${shipmentId}/mark`, { status }),
  cancel: (shipmentId: number, packingError = false) =>
    api.post<Shipment>(`/shipments/${shipmentId}/cancel`, { packing_error: packingError }),
  /** The labels of these shipments in one document, in the order chosen. */
  labels: (shipmentIds: number[], format: LabelFormat, sort: LabelSort) =>
    fetchDocument('/shipments/labels', { ids: shipmentIds.join(','), format, sort }),
  /** A picking list (summed by SKU) or one packing slip per order, as a PDF. */
  slips: (orderIds: number[], kind: SlipKind) =>
    fetchDocument('/shipments/slips', { order_ids: orderIds.join(','), kind }),
};

export type ShipmentBatch = ApiJson<'/api/shipments/batches/{id}', 'get'>;

export const batchesApi = {
  start: (order_ids: number[]) => api.post<BatchStarted>('/shipments/bulk', { order_ids }),
  get: (id: number) => api.get<ShipmentBatch>(`/shipments/batches/${id}`),
};

export const lockersApi = {
  search: (courier: string, q: string) =>
    api.get<Lockers>(
      `/shipping/lockers?courier=${encodeURIComponent(courier)}&q=${encodeURIComponent(q)}`,
    ),
  refresh: (courier: string) =>
    api.post<LockersRefreshed>('/shipping/lockers/refresh', { courier }),
};
