import { api, buildQuery, fetchDocument, postForm } from '../../api/client';
import type { ApiBody, ApiJson, ApiQuery } from '../../api/contract';

/** Generated from the server's schema (`api/contract.ts`), not restated here. */
type PenaltyList = ApiJson<'/api/penalties', 'get'>;
export type Penalty = PenaltyList['items'][number];
export type PenaltyState = Penalty['state'];
export type PenaltyDetail = ApiJson<'/api/penalties/{id}', 'get'>;
export type PenaltyEntry = PenaltyDetail['entries'][number];
export type PenaltyQuery = ApiQuery<'/api/penalties', 'get'>;
export type PenaltyType = ApiJson<'/api/penalty-types', 'get'>['items'][number];
export type NewPenaltyType = ApiBody<'/api/penalty-types', 'post'>;
export type PenaltyTypePatch = ApiBody<'/api/penalty-types/{id}', 'patch'>;
export type PenaltySettings = ApiJson<'/api/penalty-settings', 'get'>;
export type NewPenalty = ApiBody<'/api/penalties', 'post'>;
export type DecideBody = ApiBody<'/api/penalties/decide', 'post'>;
export type DecideResult = ApiJson<'/api/penalties/decide', 'post'>;
export type ResolveBody = ApiBody<'/api/penalties/{id}/resolve', 'post'>;
export type PenaltySummary = ApiJson<'/api/penalties/summary', 'get'>;
export type StationRecord = ApiJson<'/api/station/record', 'get'>;
export type RecordPenalty = StationRecord['penalties'][number];
export type RecordPeriod = StationRecord['period'];
export type PackingErrorBody = ApiBody<'/api/orders/{id}/packing-error', 'post'>;
export type PackingErrorKind = PackingErrorBody['kind'];

/** Every state, in the order a penalty lives through them (the filter's order). */
export const PENALTY_STATES = [
  'proposed',
  'applied',
  'waived',
  'contested',
  'upheld',
  'cancelled',
  'reversed',
] as const satisfies readonly PenaltyState[];

export const PAGE_SIZE = 50;
export const PENALTIES_KEY = ['penalties'] as const;
export const TYPES_KEY = ['penalty-types'] as const;
export const SETTINGS_KEY = ['penalty-settings'] as const;
export const RECORD_KEY = ['station', 'record'] as const;
export const penaltyKey = (id: number) => ['penalties', 'detail', id] as const;

/** The photo as the browser sends it: one image, the server checks size and kind again. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export const penaltiesApi = {
  list: (q: PenaltyQuery) => api.get<PenaltyList>('/penalties', q),
  get: (id: number) => api.get<PenaltyDetail>(`/penalties/${id}`),
  create: (body: NewPenalty) =>
    api.post<ApiJson<'/api/penalties', 'post', 201>>('/penalties', body),
  decide: (body: DecideBody) => api.post<DecideResult>('/penalties/decide', body),
  reverse: (id: number, reason: string) =>
    api.post<ApiJson<'/api/penalties/{id}/reverse', 'post'>>(`/penalties/${id}/reverse`, {
      reason,
    } satisfies ApiBody<'/api/penalties/{id}/reverse', 'post'>),
  resolve: (id: number, body: ResolveBody) =>
    api.post<ApiJson<'/api/penalties/{id}/resolve', 'post'>>(`/penalties/${id}/resolve`, body),
  photoUrl: (id: number) => `/api/penalties/${id}/photo`,
  uploadPhoto: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return postForm<ApiJson<'/api/penalties/{id}/photo', 'post'>>(`/penalties/${id}/photo`, form);
  },
  types: () => api.get<ApiJson<'/api/penalty-types', 'get'>>('/penalty-types'),
  addType: (body: NewPenaltyType) =>
    api.post<ApiJson<'/api/penalty-types', 'post', 201>>('/penalty-types', body),
  updateType: (id: number, body: PenaltyTypePatch) =>
    api.patch<ApiJson<'/api/penalty-types/{id}', 'patch'>>(`/penalty-types/${id}`, body),
  settings: () => api.get<PenaltySettings>('/penalty-settings'),
  saveSettings: (body: ApiBody<'/api/penalty-settings', 'put'>) =>
    api.put<ApiJson<'/api/penalty-settings', 'put'>>('/penalty-settings', body),
  summary: (month: string) => api.get<PenaltySummary>('/penalties/summary', { month }),
  exportSummary: (month: string, format: 'csv' | 'xlsx') =>
    fetchDocument('/penalties/summary/export', { month, format }),
  exportUrl: (month: string, format: 'csv' | 'xlsx') =>
    `/api/penalties/summary/export${buildQuery({ month, format })}`,
  /** Marks a return or a complaint as a packing error: the rule proposes once per order and kind. */
  markPackingError: (orderId: number, body: PackingErrorBody) =>
    api.post<ApiJson<'/api/orders/{id}/packing-error', 'post'>>(
      `/orders/${orderId}/packing-error`,
      body,
    ),
  record: (period: RecordPeriod) => api.get<StationRecord>('/station/record', { period }),
  contest: (id: number, comment: string) =>
    api.post<ApiJson<'/api/station/penalties/{id}/contest', 'post'>>(
      `/station/penalties/${id}/contest`,
      { comment } satisfies ApiBody<'/api/station/penalties/{id}/contest', 'post'>,
    ),
};
