import type { OrderStorePush } from './store-boundary';
import type { ApiJson } from './contract';
import { api } from './client';
import type { Reason } from '../shared/reason-text';

export const ORDER_STATUSES = [
  'new',
  'assigned',
  'confirmed',
  'packed',
  'shipped',
  'delivered',
  'returned',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderSort = '-created_at' | 'created_at' | '-total' | 'total';

export interface Ref {
  id: number;
  name: string;
}

export interface OrderSummary {
  id: number;
  number: string;
  status: OrderStatus;
  store: Ref | null;
  created_at: string;
  customer_name: string;
  customer_phone: string;
  customer_email: string;
  shipping_city: string;
  total: string;
  currency: string;
  payment_method: string;
  payment_method_title: string;
  is_cod: boolean;
  paid: boolean;
  items_count: number;
  packer: Ref | null;
}

export interface Address {
  first_name: string;
  last_name: string;
  company: string;
  email: string;
  phone: string;
  address_1: string;
  address_2: string;
  city: string;
  state: string;
  postcode: string;
  country: string;
}

export interface OrderItem {
  id: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price: string;
  total: string;
  weight_kg: number | null;
}

export interface Assignment {
  id: number;
  packer: Ref;
  assigned_at: string;
  confirmed_at: string | null;
  ended_at: string | null;
  reason: Reason | null;
  override: boolean;
  assigned_by: string | null;
}

export interface AuditEvent {
  id: number;
  action: string;
  actor: string;
  from: string | null;
  to: string | null;
  reason: Reason | null;
  created_at: string;
}

export interface OrderDetail extends OrderSummary {
  /** From the generated contract (the rest of this file is still written by hand). */
  wrong_scans: ApiJson<'/api/orders/{id}', 'get'>['wrong_scans'];
  store_status: string;
  store_push_error: OrderStorePush['store_push_error'];
  store_divergence: OrderStorePush['store_divergence'];
  source: 'manual' | 'woocommerce';
  modified_at: string;
  subtotal: string;
  shipping_total: string;
  discount_total: string;
  tax_total: string;
  customer_note: string;
  billing: Address;
  shipping: Address;
  items: OrderItem[];
  shipping_lines: { method_id: string; method_title: string; total: string }[];
  assignments: Assignment[];
  audit: AuditEvent[];
}

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
  sort?: OrderSort;
}

export interface OrderPage {
  items: OrderSummary[];
  next_cursor: string | null;
}

export interface NewOrderItem {
  sku?: string;
  name: string;
  quantity: number;
  unit_price: string;
}

export interface NewOrderBody {
  billing: Partial<Address>;
  shipping?: Partial<Address>;
  items: NewOrderItem[];
  shipping_total?: string;
  discount_total?: string;
  payment_method: string;
  payment_method_title?: string;
  paid?: boolean;
  customer_note?: string;
  currency?: string;
}

export interface BulkAssignResult {
  updated: number[];
  skipped: { id: number; code: string; message: string }[];
}

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
      sort: f.sort,
      cursor,
      limit,
    }),
  get: (id: number) => api.get<OrderDetail>(`/orders/${id}`),
  create: (body: NewOrderBody) => api.post<OrderDetail>('/orders', body),
  bulkAssign: (order_ids: number[], packer_id: number | null, reason?: string) =>
    api.post<BulkAssignResult>('/orders/bulk-assign', { order_ids, packer_id, reason }),
};
