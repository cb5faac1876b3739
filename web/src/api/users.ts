import { api } from './client';

export interface StaffUser {
  id: number;
  role: 'owner' | 'manager';
  name: string;
  email: string | null;
  active: boolean;
}

export interface NewManager {
  name: string;
  email: string;
  password: string;
}

export const usersApi = {
  list: () => api.get<{ items: StaffUser[] }>('/users'),
  createManager: (body: NewManager) => api.post<{ id: number }>('/users', body),
};
