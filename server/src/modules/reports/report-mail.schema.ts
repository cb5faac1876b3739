import { z } from 'zod';

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

const Email = z.email().max(254);

/** What the owner edits; an empty (or absent) password keeps the stored one. */
export const ReportMailSettingsIn = z.strictObject({
  enabled: z.boolean(),
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  security: z.enum(SMTP_SECURITY),
  username: z.string().trim().max(255),
  password: z.string().max(500).optional(),
  from: Email,
  recipients: z.array(Email).min(1).max(10),
  /** Local hour (0–23) from which yesterday's summary is sent. */
  hour: z.number().int().min(0).max(23),
  language: z.enum(['ro', 'en']),
});
export type ReportMailSettingsIn = z.infer<typeof ReportMailSettingsIn>;

/** What the API answers: the password never, only whether one is stored. */
export const ReportMailSettingsOut = ReportMailSettingsIn.omit({ password: true }).extend({
  // Empty before the first save.
  host: z.string(),
  from: z.string(),
  recipients: z.array(z.string()),
  password_set: z.boolean(),
  /** The last local day whose summary the SMTP server accepted. */
  last_sent_day: z.string().nullable(),
  /** False until the owner saved the form once. */
  configured: z.boolean(),
});
export type ReportMailSettingsOut = z.infer<typeof ReportMailSettingsOut>;

export const ReportMailTestOut = z.object({ sent_to: z.array(z.string()) });
