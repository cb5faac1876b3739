import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ShiftInterval {
  start: string;
  end: string;
}
export type WeeklySchedule = Record<Weekday, ShiftInterval[]>;

/** Generated from the server's schema (`contract.ts`), not restated here. */
export type Packer = ApiJson<'/api/packers/{id}', 'get'>;
export type PackerCreate = ApiBody<'/api/packers', 'post'>;
export type PackerPatch = ApiBody<'/api/packers/{id}', 'patch'>;

export const emptySchedule = (): WeeklySchedule => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
});

export type PackerWrongScans = ApiJson<'/api/packers/{id}/wrong-scans', 'get'>;

export const packersApi = {
  list: () => api.get<{ items: Packer[] }>('/packers'),
  get: (id: number) => api.get<Packer>(`/packers/${id}`),
  create: (body: PackerCreate) => api.post<Packer>('/packers', body),
  update: (id: number, body: PackerPatch) => api.patch<Packer>(`/packers/${id}`, body),
  wrongScans: (id: number, cursor: string | null) =>
    api.get<PackerWrongScans>(`/packers/${id}/wrong-scans`, { cursor: cursor ?? undefined }),
};
