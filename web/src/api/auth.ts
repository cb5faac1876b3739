import { api } from './client';

export type Role = 'owner' | 'manager' | 'packer';
export type Language = 'ro' | 'en';

export interface Account {
  id: number;
  name: string;
  timezone: string;
  currency: string;
  language: Language;
}

export interface Me {
  user: {
    id: number;
    role: Role;
    name: string;
    email: string | null;
    username: string | null;
    packer_id: number | null;
  };
  account: Account;
  csrf_token: string;
}

export interface SetupBody {
  account_name: string;
  name: string;
  email: string;
  password: string;
  language?: Language;
}

export const authApi = {
  setupStatus: () => api.get<{ needs_owner: boolean }>('/setup'),
  setup: (body: SetupBody) => api.post<Me>('/setup', body),
  login: (email: string, password: string) => api.post<Me>('/auth/login', { email, password }),
  packerLogin: (username: string, pin: string) =>
    api.post<Me>('/auth/packer-login', { username, pin }),
  logout: () => api.post<undefined>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
};
