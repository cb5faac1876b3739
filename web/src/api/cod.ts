import type { ApiBody, ApiJson, ApiQuery } from './contract';
import { api, postForm } from './client';

export type CodSummary = ApiJson<'/api/cod/summary', 'get'>;
export type CodDay = CodSummary['days'][number];
export type CodShipments = ApiJson<'/api/cod/shipments', 'get'>;
export type CodState = CodShipments['items'][number];
export type CodFilter = NonNullable<ApiQuery<'/api/cod/shipments', 'get'>['filter']>;
export type CodImport = ApiJson<'/api/cod/imports/{id}', 'get'>;
export type CodFileImport = ApiJson<'/api/cod/files/import', 'post'>;
export type CodPreview = ApiJson<'/api/cod/files/preview', 'post'>;
export type CodColumns = CodPreview['detected'];
type CodSettings = ApiJson<'/api/cod/settings', 'get'>;
type CodCouriers = ApiJson<'/api/cod/couriers', 'get'>;
type CourierImportBody = ApiBody<'/api/cod/imports/courier', 'post'>;

export const COD_FILTERS = [
  'outstanding',
  'overdue',
  'returned',
  'all',
] as const satisfies readonly CodFilter[];

export const codApi = {
  summary: (q: ApiQuery<'/api/cod/summary', 'get'>) => api.get<CodSummary>('/cod/summary', q),
  shipments: (q: ApiQuery<'/api/cod/shipments', 'get'>) =>
    api.get<CodShipments>('/cod/shipments', q),
  ofOrder: (orderId: number) =>
    api.get<ApiJson<'/api/orders/{id}/cod', 'get'>>(`/orders/${orderId}/cod`),
  settings: () => api.get<CodSettings>('/cod/settings'),
  saveSettings: (s: CodSettings) => api.put<CodSettings>('/cod/settings', s),
  couriers: () => api.get<CodCouriers>('/cod/couriers'),
  importOf: (id: number) => api.get<CodImport>(`/cod/imports/${id}`),
  fromCourier: (body: CourierImportBody) =>
    api.post<ApiJson<'/api/cod/imports/courier', 'post', 202>>('/cod/imports/courier', body),
  preview: (file: File) => {
    const f = new FormData();
    f.append('file', file);
    return postForm<CodPreview>('/cod/files/preview', f);
  },
  importFile: (file: File, courier: string, cols: CodColumns) => {
    const f = new FormData();
    f.append('file', file);
    f.append('courier', courier);
    f.append('col_awb', String(cols.awb ?? ''));
    f.append('col_amount', String(cols.amount ?? ''));
    f.append('col_paid_at', String(cols.paid_at ?? ''));
    f.append('col_reference', cols.reference === null ? '' : String(cols.reference));
    return postForm<CodFileImport>('/cod/files/import', f);
  },
};

/** Minor units (bani) as the decimal amount the money formatter takes. */
export const fromMinor = (minor: number): number => minor / 100;
