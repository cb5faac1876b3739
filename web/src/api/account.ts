import type { Account } from './auth';
import { api } from './client';

export type AccountPatch = Partial<Pick<Account, 'name' | 'timezone' | 'currency' | 'language'>>;

export const accountApi = {
  get: () => api.get<Account>('/account'),
  update: (patch: AccountPatch) => api.patch<Account>('/account', patch),
};
