import { z } from 'zod';

const Key = z.string().trim().min(1).max(40);

/** Without a courier: the one the order's AWB would go to now (the shipping rules). */
export const AddressMatchQuery = z.strictObject({ courier: Key.optional() });

export const LocalityOut = z.object({
  id: z.string().nullable(),
  name: z.string(),
  county_id: z.string().nullable(),
  county: z.string(),
  commune: z.string().nullable(),
  postcode: z.string().nullable(),
});

export const AddressMatchOut = z.object({
  courier: z.string(),
  status: z.enum(['matched', 'ambiguous', 'unmatched', 'not_needed']),
  match: LocalityOut.nullable(),
  candidates: z.array(LocalityOut),
  /** Why: how it was matched, or why not (i18n `address_match.reasons.<code>`). */
  reason: z.string().nullable(),
});

export const AddressChoiceBody = z.strictObject({
  courier: Key,
  locality: z.strictObject({
    id: z.string().max(60).nullable(),
    name: z.string().trim().min(1).max(120),
    county: z.string().trim().min(1).max(60),
  }),
});
