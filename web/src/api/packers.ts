import { api } from './client';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ShiftInterval {
  start: string;
  end: string;
}
export type WeeklySchedule = Record<Weekday, ShiftInterval[]>;

export interface Packer {
  id: number;
  name: string;
  username: string;
  active: boolean;
  weight: number;
  max_open_orders: number | null;
  skills: string[];
  allowed_store_ids: number[];
  shifts: WeeklySchedule;
  open_orders: number;
  /** Locked after too many wrong PINs, until a manager unlocks. */
  locked: boolean;
  created_at: string;
  updated_at: string;
}

export interface PackerCreate {
  name: string;
  username: string;
  pin: string;
  active?: boolean;
  weight?: number;
  max_open_orders?: number | null;
  skills?: string[];
  allowed_store_ids?: number[];
  shifts?: WeeklySchedule;
}
export type PackerPatch = Partial<PackerCreate>;

export const emptySchedule = (): WeeklySchedule => ({
  mon: [],
  tue: [],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
});

export const packersApi = {
  list: () => api.get<{ items: Packer[] }>('/packers'),
  get: (id: number) => api.get<Packer>(`/packers/${id}`),
  create: (body: PackerCreate) => api.post<Packer>('/packers', body),
  update: (id: number, body: PackerPatch) => api.patch<Packer>(`/packers/${id}`, body),
};
