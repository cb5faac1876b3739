import { api, request } from '../../api/client';
import type { ApiBody, ApiJson } from '../../api/contract';

/** Generated from the server's schema (`api/contract.ts`), not restated here. */
export type DistributionSettings = ApiJson<'/api/distribution/settings', 'get'>;
export type StoreSettings = DistributionSettings['stores'][number];
export type StrategyKey = StoreSettings['strategy'];
export type SettingsPut = ApiBody<'/api/distribution/settings', 'put'>;
type Unassigned = ApiJson<'/api/distribution/unassigned', 'get'>;
export type UnassignedItem = Unassigned['items'][number];
export type RunResult = ApiJson<'/api/orders/distribute', 'post'>;
type Reassign = ApiBody<'/api/orders/{id}/reassign', 'post'>;

/** The strategies in the order the settings page offers them. */
export const STRATEGY_KEYS: StrategyKey[] = ['least-loaded', 'round-robin', 'weighted'];

export const SETTINGS_KEY = ['distribution', 'settings'] as const;
export const UNASSIGNED_KEY = ['distribution', 'unassigned'] as const;

export const distributionApi = {
  settings: () => api.get<DistributionSettings>('/distribution/settings'),
  save: (body: SettingsPut) => request<DistributionSettings>('PUT', '/distribution/settings', body),
  unassigned: () => api.get<Unassigned>('/distribution/unassigned'),
  distribute: (orderIds: number[]) =>
    api.post<RunResult>('/orders/distribute', {
      order_ids: orderIds,
    } satisfies ApiBody<'/api/orders/distribute', 'post'>),
  reassign: (orderId: number, body: Reassign) =>
    api.post<ApiJson<'/api/orders/{id}/reassign', 'post'>>(`/orders/${orderId}/reassign`, body),
};
