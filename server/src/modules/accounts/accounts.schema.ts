import { z } from 'zod';

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
  username: z.string().min(1).max(64),
  pin: z.string().min(1).max(32),
});

export const AccountOut = z.object({
  id: z.number(),
  name: z.string(),
  timezone: z.string(),
  currency: z.string(),
  language: z.string(),
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
      role: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
});
