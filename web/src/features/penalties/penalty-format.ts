import type { TFunction } from 'i18next';
import type { PenaltyState } from './penalties-api';

/** The account's currencies (RON, EUR) have two decimals; sums stay integers until shown. */
const MINOR_PER_UNIT = 100;

/** Minor units as the major amount a money formatter takes (1250 → 12.5). */
export const fromMinor = (minor: number): number => minor / MINOR_PER_UNIT;

/**
 * A typed amount ("12,50", "12.5", 12.5) as integer minor units, or null when it is not a
 * non-negative amount with at most two decimals (a third decimal would be silently lost).
 */
export function toMinor(value: string | number): number | null {
  const s = String(value).trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole = '0', frac = ''] = s.split('.');
  return Number(whole) * MINOR_PER_UNIT + Number(frac.padEnd(2, '0'));
}

/**
 * A penalty type's name: the owner's own name when set, else the default type's name in the
 * reader's language (seeded types carry only a code), else the code itself.
 */
export function typeName(
  type: { code?: string | null; name?: string | null } | null | undefined,
  t: TFunction,
): string {
  if (!type) return '—';
  if (type.name) return type.name;
  if (type.code) return t(`penalties.typeCodes.${type.code}`, { defaultValue: type.code });
  return '—';
}

/** A penalty row's type name from its flattened fields. */
export const penaltyTypeName = (
  p: { type_code: string | null; type_name: string | null },
  t: TFunction,
): string => typeName({ code: p.type_code, name: p.type_name }, t);

export const STATE_COLORS: Record<PenaltyState, string> = {
  proposed: 'yellow',
  applied: 'red',
  waived: 'gray',
  contested: 'orange',
  upheld: 'red',
  cancelled: 'gray',
  reversed: 'teal',
};

/** The last `count` months as 'YYYY-MM', newest first, counted in the given time zone. */
export function recentMonths(now: Date, timeZone: string, count = 12): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  let year = Number(parts.find((p) => p.type === 'year')?.value);
  let month = Number(parts.find((p) => p.type === 'month')?.value);
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

/** 'YYYY-MM' as the month's name in the reader's language ("noiembrie 2026"). */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** Seconds as "m:ss" or "h:mm:ss" (time to pack). */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
