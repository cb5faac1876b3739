import { api } from './client';
import type { ApiBody, ApiJson } from './contract';

export type StaffUser = ApiJson<'/api/users', 'get'>['items'][number];
export type NewManager = ApiBody<'/api/users', 'post'>;

export const usersApi = {
  list: () => api.get<ApiJson<'/api/users', 'get'>>('/users'),
  createManager: (body: NewManager) => api.post<ApiJson<'/api/users', 'post', 201>>('/users', body),
};
