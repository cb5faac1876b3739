import type { ApiBody, ApiJson, ApiQuery } from './contract';
import { api } from './client';

export const ORDER_STATUSES = [
  'new',
  'assigned',
  'confirmed',
  'packed',
  'shipped',
  'delivered',
  'returned',
  'cancelled',
] as const satisfies readonly OrderStatus[];

type OrderList = ApiJson<'/api/orders', 'get'>;
export type OrderStatus = OrderList['items'][number]['status'];
type OrderQuery = ApiQuery<'/api/orders', 'get'>;
export type OrderSort = NonNullable<OrderQuery['sort']>;
/** An AWB's unified tracking status (the query takes them comma-separated). */
export type ShipmentStatus = NonNullable<
  ApiJson<'/api/orders/{id}/shipments', 'get'>['items'][number]['status']
>;
export type ShippingFilter = NonNullable<OrderQuery['shipping']>;

/** Generated from the server's schema (`contract.ts`), not restated here. */
export type OrderSummary = OrderList['items'][number];
export type Ref = NonNullable<OrderSummary['store']>;
export type OrderDetail = ApiJson<'/api/orders/{id}', 'get'>;
export type Address = OrderDetail['billing'];
export type OrderItem = OrderDetail['items'][number];
export type Assignment = OrderDetail['assignments'][number];
export type AuditEvent = OrderDetail['audit'][number];

export interface OrderFilters {
  status?: OrderStatus[];
  store_id?: number | null;
  /** A packer id, or 'none' for unassigned orders. */
  packer_id?: number | 'none' | null;
  cod?: boolean | null;
  payment_method?: string | null;
  created_from?: string | null;
  created_to?: string | null;
  q?: string;
  courier?: string | null;
  shipment_status?: ShipmentStatus[];
  shipping?: ShippingFilter | null;
  sort?: OrderSort;
}

export type OrderPage = OrderList;
export type NewOrderBody = ApiBody<'/api/orders', 'post'>;
export type NewOrderItem = NewOrderBody['items'][number];
export type BulkAssignResult = ApiJson<'/api/orders/bulk-assign', 'post'>;
type BulkAssignBody = ApiBody<'/api/orders/bulk-assign', 'post'>;

export const PAGE_SIZE = 50;

export const ordersApi = {
  list: (f: OrderFilters, cursor: string | null, limit = PAGE_SIZE) =>
    api.get<OrderPage>('/orders', {
      status: f.status?.length ? f.status.join(',') : undefined,
      store_id: f.store_id,
      packer_id: f.packer_id,
      cod: f.cod,
      payment_method: f.payment_method,
      created_from: f.created_from,
      created_to: f.created_to,
      q: f.q?.trim(),
      courier: f.courier,
      shipment_status: f.shipment_status?.length ? f.shipment_status.join(',') : undefined,
      shipping: f.shipping,
      sort: f.sort,
      cursor,
      limit,
    }),
  get: (id: number) => api.get<OrderDetail>(`/orders/${id}`),
  create: (body: NewOrderBody) => api.post<ApiJson<'/api/orders', 'post', 201>>('/orders', body),
  bulkAssign: (order_ids: number[], packer_id: number | null, reason?: string) =>
    api.post<BulkAssignResult>('/orders/bulk-assign', {
      order_ids,
      packer_id,
      reason,
    } satisfies BulkAssignBody),
};
