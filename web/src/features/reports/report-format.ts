import { localeOf } from '../../shared/format';

/** Whole minutes as "1 h 05 min" (or "45 min"); no value is a dash. */
export function minutesText(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

/** A fraction 0..1 as a percentage in the UI language ("12,5 %" / "12.5%"); none is a dash. */
export function rateText(rate: number | null | undefined, lang: string): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A count with the UI language's thousands separator. */
export function countText(n: number, lang: string): string {
  return new Intl.NumberFormat(localeOf(lang)).format(n);
}

/** A histogram bin's label: "5–10 min", whole hours as "1–2 h", the open last bin "≥ 4 h". */
export function binLabel(from: number, to: number | null): string {
  const hours = (m: number) => m >= 60 && m % 60 === 0;
  if (to === null) return hours(from) ? `≥ ${from / 60} h` : `≥ ${from} min`;
  if (hours(from) && hours(to)) return `${from / 60}–${to / 60} h`;
  return to <= 60 ? `${from}–${to} min` : `${minutesText(from)} – ${minutesText(to)}`;
}

/** A local day ('YYYY-MM-DD') as a short label on an axis ("05.11" / "05/11"). */
export function dayShort(day: string, lang: string): string {
  const [, m, d] = day.split('-');
  return lang === 'en' ? `${d}/${m}` : `${d}.${m}`;
}

/** A local day as a full date in the UI language (the table's first column). */
export function dayLong(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Charts' legends and tooltips list the series in drawing order (recharts sorts by name). */
export const seriesOrder = (): number => 0;
