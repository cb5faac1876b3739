import { api, request } from '../../api/client';
import type { OrderStatus } from '../../api/orders';
import type { ApiJson } from '../../api/contract';

export type StrategyKey = 'round-robin' | 'least-loaded' | 'weighted';
export const STRATEGY_KEYS: StrategyKey[] = ['least-loaded', 'round-robin', 'weighted'];

export interface StoreSettings {
  store_id: number;
  store_name: string;
  strategy: StrategyKey;
  enabled: boolean;
  store_statuses: string[];
}

export interface DistributionSettings {
  strategies: { key: StrategyKey; label: string }[];
  manual: { strategy: StrategyKey; enabled: boolean };
  stores: StoreSettings[];
}

export interface SettingsPut {
  store_id: number | null;
  strategy: StrategyKey;
  enabled: boolean;
  store_statuses?: string[];
}

/** From the generated contract: the reason is a code with parameters (shared/reason-text.ts). */
export type UnassignedItem = ApiJson<'/api/distribution/unassigned', 'get'>['items'][number];
export type RunResult = ApiJson<'/api/orders/distribute', 'post'>;

export const SETTINGS_KEY = ['distribution', 'settings'] as const;
export const UNASSIGNED_KEY = ['distribution', 'unassigned'] as const;

export const distributionApi = {
  settings: () => api.get<DistributionSettings>('/distribution/settings'),
  save: (body: SettingsPut) => request<DistributionSettings>('PUT', '/distribution/settings', body),
  unassigned: () => api.get<{ items: UnassignedItem[] }>('/distribution/unassigned'),
  distribute: (orderIds: number[]) =>
    api.post<RunResult>('/orders/distribute', { order_ids: orderIds }),
  reassign: (orderId: number, body: { packer_id: number; reason: string; override: boolean }) =>
    api.post<{ id: number; status: OrderStatus }>(`/orders/${orderId}/reassign`, body),
};
