import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

const locales: Record<string, string> = { ro: 'ro-RO', en: 'en-GB' };
export const localeOf = (lang: string): string => locales[lang] ?? 'ro-RO';

/** Money arrives as a decimal string; shown in the given currency and UI language. */
export function formatMoney(amount: string | number, currency: string, lang: string): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(n)) return String(amount);
  try {
    return new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`;
  }
}

/** ISO-8601 UTC instants are shown in the account's time zone. */
export function formatDateTime(iso: string, timeZone: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(localeOf(lang), {
      timeZone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(d);
  } catch {
    return d.toISOString();
  }
}

/**
 * A calendar day picked in the UI ('YYYY-MM-DD') as the UTC instant at which that day starts
 * (or, with `endOfDay`, its last millisecond) in the account's time zone.
 */
export function dayBoundary(day: string, timeZone: string, endOfDay = false): string {
  const start = dayjs.tz(day, timeZone);
  // The last millisecond of the day works whether the server compares with < or <=.
  return (endOfDay ? start.add(1, 'day').subtract(1, 'millisecond') : start).toISOString();
}

/** Decimal and thousand separators for number inputs in the UI language. */
export function numberSeparators(lang: string): {
  decimalSeparator: string;
  thousandSeparator: string;
} {
  return lang === 'en'
    ? { decimalSeparator: '.', thousandSeparator: ',' }
    : { decimalSeparator: ',', thousandSeparator: '.' };
}

/** A money input's value as the API's decimal string ("12.50"), or null when not a number. */
export function toDecimal(value: string | number): string | null {
  const s = String(value).trim().replace(',', '.');
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n.toFixed(2) : null;
}
