import { api, request } from './client';

export interface SessionInfo {
  id: string;
  current: boolean;
  created_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

export interface LoginFailure {
  id: number;
  kind: 'password' | 'pin' | 'connect';
  ip: string;
  at: string;
  user_id: number;
  user_name: string;
  role: 'owner' | 'manager' | 'packer';
}

export interface PinPolicy {
  short_pins: boolean;
  station_networks: string[];
}

/** One's own password and sessions, the team's removal and ownership, the PIN policy. */
export const securityApi = {
  changePassword: (current_password: string, new_password: string) =>
    api.post<void>('/auth/password', { current_password, new_password }),
  sessions: () => api.get<{ items: SessionInfo[] }>('/auth/sessions'),
  endSession: (id: string) => api.del<void>(`/auth/sessions/${id}`),
  removeUser: (id: number) => api.del<void>(`/users/${id}`),
  transferOwnership: (user_id: number, password: string) =>
    api.post<void>('/account/transfer-ownership', { user_id, password }),
  loginFailures: () => api.get<{ items: LoginFailure[] }>('/account/login-failures'),
  pinPolicy: () => api.get<PinPolicy>('/account/pin-policy'),
  setPinPolicy: (p: PinPolicy) => request<PinPolicy>('PUT', '/account/pin-policy', p),
  unlockPacker: (id: number) => api.post<unknown>(`/packers/${id}/unlock`),
};
