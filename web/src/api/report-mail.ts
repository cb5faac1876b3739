import type { ApiBody, ApiJson } from './contract';
import { api } from './client';

export type DailySummary = ApiJson<'/api/reports/summary', 'get'>;
export type DayFigures = DailySummary['figures'];
export type ReportMailSettings = ApiJson<'/api/settings/report-mail', 'get'>;
export type ReportMailForm = ApiBody<'/api/settings/report-mail', 'put'>;

/** Yesterday's summary (first page) and the owner's morning e-mail settings. */
export const reportMailApi = {
  summary: () => api.get<DailySummary>('/reports/summary'),
  settings: () => api.get<ReportMailSettings>('/settings/report-mail'),
  save: (form: ReportMailForm) => api.put<ReportMailSettings>('/settings/report-mail', form),
  sendTest: (form: ReportMailForm) =>
    api.post<ApiJson<'/api/settings/report-mail/test', 'post'>>('/settings/report-mail/test', form),
};
