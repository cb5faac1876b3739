import { api } from '../../api/client';
import type { OrderStatus } from '../../api/orders';

export interface QueueItem {
  id: number;
  number: string;
  status: OrderStatus;
  customer_name: string;
  shipping_city: string;
  items_count: number;
  total: string;
  currency: string;
  is_cod: boolean;
  customer_note: string;
  assigned_at: string | null;
  confirmed_at: string | null;
}

export interface StationItem {
  id: number;
  sku: string;
  ean: string;
  name: string;
  quantity: number;
  scanned: number;
}

export interface StationOrder {
  id: number;
  number: string;
  status: OrderStatus;
  customer_name: string;
  shipping_city: string;
  customer_note: string;
  items: StationItem[];
  units_total: number;
  units_scanned: number;
}

export interface ScanResult {
  result: 'ok';
  item_id: number;
  packed: boolean;
  order: StationOrder;
}

export const QUEUE_KEY = ['station', 'queue'] as const;
export const orderKey = (id: number) => ['station', 'order', id] as const;

export const stationApi = {
  queue: () => api.get<{ items: QueueItem[] }>('/station/queue'),
  order: (id: number) => api.get<StationOrder>(`/station/orders/${id}`),
  confirm: (id: number) => api.post<{ id: number; status: OrderStatus }>(`/orders/${id}/confirm`),
  scan: (id: number, code: string) => api.post<ScanResult>(`/station/orders/${id}/scan`, { code }),
};
