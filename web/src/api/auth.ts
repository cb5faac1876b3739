import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

export type Role = 'owner' | 'manager' | 'packer';
export type Language = 'ro' | 'en';

export interface Account {
  id: number;
  name: string;
  timezone: string;
  currency: string;
  language: Language;
  /** The packer station's address is `/station/<station_code>`. */
  station_code: string;
}

/** Generated from the server's schema (`contract.ts`), not restated here. */
export type Me = ApiJson<'/api/auth/me', 'get'>;
export type SetupBody = ApiBody<'/api/setup', 'post'>;

export const authApi = {
  setupStatus: () => api.get<{ needs_owner: boolean }>('/setup'),
  setup: (body: SetupBody) => api.post<Me>('/setup', body),
  login: (email: string, password: string) => api.post<Me>('/auth/login', { email, password }),
  packerLogin: (stationCode: string, username: string, pin: string) =>
    api.post<Me>('/auth/packer-login', { station_code: stationCode, username, pin }),
  logout: () => api.post<undefined>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
};
