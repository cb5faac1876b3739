import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

/** Generated from the server's schema (`contract.ts`), not restated here. */
export type Packer = ApiJson<'/api/packers/{id}', 'get'>;
export type PackerCreate = ApiBody<'/api/packers', 'post'>;
export type PackerPatch = ApiBody<'/api/packers/{id}', 'patch'>;
export type WeeklySchedule = Packer['shifts'];
export type Weekday = keyof WeeklySchedule;
export type ShiftInterval = WeeklySchedule[Weekday][number];

/** The week in display order; `satisfies` fails the build on a day the server does not know. */
export const WEEKDAYS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
] as const satisfies readonly Weekday[];

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
  list: () => api.get<ApiJson<'/api/packers', 'get'>>('/packers'),
  get: (id: number) => api.get<Packer>(`/packers/${id}`),
  create: (body: PackerCreate) => api.post<ApiJson<'/api/packers', 'post', 201>>('/packers', body),
  update: (id: number, body: PackerPatch) => api.patch<Packer>(`/packers/${id}`, body),
  wrongScans: (id: number, cursor: string | null) =>
    api.get<PackerWrongScans>(`/packers/${id}/wrong-scans`, { cursor: cursor ?? undefined }),
};
