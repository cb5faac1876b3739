import { api } from './client';

export interface Store {
  id: number;
  name: string;
  platform: string;
  url: string;
  status: string;
}

export const storesApi = {
  list: () => api.get<{ items: Store[] }>('/stores'),
};
