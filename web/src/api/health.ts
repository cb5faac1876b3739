import { api } from './client';

/** `/api/health`: the database answers, and how many job workers are alive (none: nothing syncs). */
export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  workers: { alive: number; last_heartbeat_at: string | null };
}

export const healthApi = {
  get: () => api.get<Health>('/health'),
};
