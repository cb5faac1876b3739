import { api, request } from './client';
import type { ApiBody, ApiJson } from './contract';

export type SessionInfo = ApiJson<'/api/auth/sessions', 'get'>['items'][number];
export type LoginFailure = ApiJson<'/api/account/login-failures', 'get'>['items'][number];
export type PinPolicy = ApiJson<'/api/account/pin-policy', 'get'>;

type PasswordChange = ApiBody<'/api/auth/password', 'post'>;
type OwnershipTransfer = ApiBody<'/api/account/transfer-ownership', 'post'>;

/** One's own password and sessions, the team's removal and ownership, the PIN policy. */
export const securityApi = {
  changePassword: (current_password: string, new_password: string) =>
    api.post<void>('/auth/password', { current_password, new_password } satisfies PasswordChange),
  sessions: () => api.get<ApiJson<'/api/auth/sessions', 'get'>>('/auth/sessions'),
  endSession: (id: string) => api.del<void>(`/auth/sessions/${id}`),
  removeUser: (id: number) => api.del<void>(`/users/${id}`),
  transferOwnership: (user_id: number, password: string) =>
    api.post<void>('/account/transfer-ownership', {
      user_id,
      password,
    } satisfies OwnershipTransfer),
  loginFailures: () =>
    api.get<ApiJson<'/api/account/login-failures', 'get'>>('/account/login-failures'),
  pinPolicy: () => api.get<PinPolicy>('/account/pin-policy'),
  setPinPolicy: (p: ApiBody<'/api/account/pin-policy', 'put'>) =>
    request<PinPolicy>('PUT', '/account/pin-policy', p),
  unlockPacker: (id: number) => api.post<unknown>(`/packers/${id}/unlock`),
};
