import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

/** Generated from the server's schema (`contract.ts`), not restated here. */
export type ShippingSettings = ApiJson<'/api/shipping/settings', 'get'>;
export type ShippingSettingsBody = ApiBody<'/api/shipping/settings', 'put'>;
export type SenderAddress = ShippingSettings['sender_addresses'][number];
export type ShippingRule = ShippingSettings['rules'][number];
export type LabelFormat = ShippingSettings['printers'][number]['format'];
export type CourierInfo = ApiJson<'/api/shipping/couriers', 'get'>['items'][number];
export type CourierAccount = ApiJson<'/api/shipping/courier-accounts', 'get'>['items'][number];
export type NewCourierAccount = ApiBody<'/api/shipping/courier-accounts', 'post'>;
export type CourierAccountEdit = ApiBody<'/api/shipping/courier-accounts/{id}', 'patch'>;
export type ConnectionTest = ApiJson<'/api/shipping/courier-accounts/{id}/test', 'post'>;

export const shippingSettingsApi = {
  get: () => api.get<ShippingSettings>('/shipping/settings'),
  save: (body: ShippingSettingsBody) => api.put<ShippingSettings>('/shipping/settings', body),
  couriers: () => api.get<ApiJson<'/api/shipping/couriers', 'get'>>('/shipping/couriers'),
  accounts: () =>
    api.get<ApiJson<'/api/shipping/courier-accounts', 'get'>>('/shipping/courier-accounts'),
  addAccount: (body: NewCourierAccount) =>
    api.post<ApiJson<'/api/shipping/courier-accounts', 'post', 201>>(
      '/shipping/courier-accounts',
      body,
    ),
  removeAccount: (id: number) => api.del<void>(`/shipping/courier-accounts/${id}`),
  editAccount: (id: number, body: CourierAccountEdit) =>
    api.patch<CourierAccount>(`/shipping/courier-accounts/${id}`, body),
  /** Test connection: the courier's services and pickup points, or its messages. */
  testAccount: (id: number) => api.post<ConnectionTest>(`/shipping/courier-accounts/${id}/test`),
};
