import { z } from 'zod';
import { REASON_CODES } from './reasons.js';

/** A reason as the API gives it: the dashboard renders `reasons.<code>` with the params. */
export const ReasonOut = z.object({
  code: z.enum(REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
