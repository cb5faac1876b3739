import { api } from './client';
import type { ApiJson } from './contract';

/** `/api/health`: the database answers, and how many job workers are alive (none: nothing syncs). */
export type Health = ApiJson<'/api/health', 'get'>;

export const healthApi = {
  get: () => api.get<Health>('/health'),
};
