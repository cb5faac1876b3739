import type { Role } from '../../api/auth';

/** Where a user lands after logging in. */
export const homeOf = (role: Role): string => (role === 'packer' ? '/station' : '/orders');
