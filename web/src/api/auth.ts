import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

/** Generated from the server's schema (`contract.ts`), not restated here. */
export type Me = ApiJson<'/api/auth/me', 'get'>;
export type SetupBody = ApiBody<'/api/setup', 'post'>;
export type Account = ApiJson<'/api/account', 'get'>;
export type Role = Me['user']['role'];
export type Language = Account['language'];
type SetupStatus = ApiJson<'/api/setup', 'get'>;

export const authApi = {
  setupStatus: () => api.get<SetupStatus>('/setup'),
  setup: (body: SetupBody) => api.post<Me>('/setup', body),
  login: (email: string, password: string) =>
    api.post<Me>('/auth/login', { email, password } satisfies ApiBody<'/api/auth/login', 'post'>),
  packerLogin: (stationCode: string, username: string, pin: string) =>
    api.post<Me>('/auth/packer-login', {
      station_code: stationCode,
      username,
      pin,
    } satisfies ApiBody<'/api/auth/packer-login', 'post'>),
  logout: () => api.post<undefined>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
};
