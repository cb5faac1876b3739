import type { Account } from './auth';
import { api } from './client';
import type { ApiBody } from './contract';

export type AccountPatch = ApiBody<'/api/account', 'patch'>;

export const accountApi = {
  get: () => api.get<Account>('/account'),
  update: (patch: AccountPatch) => api.patch<Account>('/account', patch),
};
