import { z } from 'zod';
import { parseNetwork } from '../../shared/networks.js';

export const Email = z.email().max(254);
export const Password = z.string().min(8, 'at least 8 characters').max(200);
export const Name = z.string().trim().min(1).max(120);
export const Language = z.enum(['ro', 'en']);
export const Timezone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'a three-letter currency code');

export const SetupBody = z.strictObject({
  account_name: Name,
  name: Name,
  email: Email,
  password: Password,
  language: Language.optional(),
});

export const LoginBody = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});
export const PackerLoginBody = z.strictObject({
  /** The account's station code, from the station's address `/station/<code>`. */
  station_code: z.string().min(1).max(32),
  username: z.string().min(1).max(64),
  pin: z.string().min(1).max(32),
});

export const AccountOut = z.object({
  id: z.number(),
  name: z.string(),
  timezone: z.string(),
  currency: z.string(),
  language: Language,
  /** The packer station's address is `/station/<station_code>`. */
  station_code: z.string(),
});

export const MeOut = z.object({
  user: z.object({
    id: z.number(),
    role: z.enum(['owner', 'manager', 'packer']),
    name: z.string(),
    email: z.string().nullable(),
    username: z.string().nullable(),
    packer_id: z.number().nullable(),
  }),
  account: AccountOut,
  csrf_token: z.string(),
});

export const AccountPatch = z
  .strictObject({ name: Name, timezone: Timezone, currency: Currency, language: Language })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const ManagerBody = z.strictObject({ name: Name, email: Email, password: Password });
export const StaffOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      role: z.enum(['owner', 'manager']),
      name: z.string(),
      email: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
});

/** Addresses/CIDRs (`192.168.1.0/24`) the packer station may log in from when short PINs are on. */
export const StationNetwork = z
  .string()
  .trim()
  .max(64)
  .refine((s) => parseNetwork(s) !== null, 'an IP address or CIDR block');

export const PinPolicy = z.object({
  short_pins: z.boolean(),
  station_networks: z.array(z.string()),
});
export const PinPolicyPatch = z.strictObject({
  short_pins: z.boolean(),
  station_networks: z.array(StationNetwork).max(50),
});

export const LoginFailuresOut = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['password', 'pin', 'connect']),
      ip: z.string(),
      at: z.string(),
      user_id: z.number(),
      user_name: z.string(),
      role: z.enum(['owner', 'manager', 'packer']),
    }),
  ),
});

export const PasswordChangeBody = z.strictObject({
  current_password: z.string().min(1).max(200),
  new_password: Password,
});

export const SessionsOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      created_at: z.string(),
      expires_at: z.string(),
      ip: z.string(),
      user_agent: z.string(),
    }),
  ),
});

export const SessionParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{64}$/) });
export const UserParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export const TransferBody = z.strictObject({
  user_id: z.number().int().positive(),
  password: z.string().min(1).max(200),
});
