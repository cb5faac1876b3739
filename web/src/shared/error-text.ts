import type { i18n as I18n } from 'i18next';
import { ApiError } from '../api/client';

export interface ErrorText {
  /** The sentence to show, always in the reader's language. */
  headline: string;
  /** What the store itself answered, in the reader's language, when the error carries it. */
  cause?: string;
  /** The server's own (English) text, shown only small, under the headline. */
  detail?: string;
}

/**
 * Every error the dashboard shows goes through here: an `ApiError` by its `code` under
 * `errors.<code>` (its other fields are the sentence's parameters), an unknown code by a
 * generic sentence; the server's message never becomes the headline.
 */
export function errorText(error: unknown, i18n: I18n): ErrorText {
  const t = i18n.t.bind(i18n);
  if (!(error instanceof ApiError)) return { headline: t('errors.unknown') };
  const key = `errors.${error.code}`;
  const headline = i18n.exists(key) ? t(key, error.details) : t('errors.unknown');
  const causeCode = error.details.cause_code;
  const causeKey = typeof causeCode === 'string' ? `errors.${causeCode}` : null;
  const cause =
    causeKey && i18n.exists(causeKey)
      ? t(causeKey, error.details)
      : courierWords(error.details.courier_messages, i18n);
  const detail = error.message && error.message !== headline ? error.message : undefined;
  return { headline, cause, detail };
}

/**
 * What a courier said when it refused: our sentence for a code we know
 * (`shipping.messages.<code>`), else the courier's own words with its code, as it wrote them.
 */
function courierWords(messages: unknown, i18n: I18n): string | undefined {
  if (!Array.isArray(messages) || messages.length === 0) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return (messages as { code?: unknown; text?: unknown }[])
    .map((m) => {
      const code = str(m.code);
      const text = str(m.text);
      const key = `shipping.messages.${code}`;
      if (i18n.exists(key)) return i18n.t(key, { text });
      return text ? `${text} (${code})` : code;
    })
    .join(' · ');
}
