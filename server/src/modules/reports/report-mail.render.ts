import type { DailySummary, DayRow } from './reports.schema.js';

export type MailLanguage = 'ro' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The mail's words; the dashboard has its own in web/src/i18n (the server renders mails alone). */
const WORDS = {
  ro: {
    locale: 'ro-RO',
    subject: (day: string) => `ecomdir — rezumatul zilei ${day}`,
    testSubject: 'ecomdir — e-mail de test',
    testBody:
      'Acesta este un e-mail de test trimis de ecomdir. Setările SMTP funcționează: rezumatul zilei va sosi la ora aleasă.',
    heading: (day: string) => `Rezumatul zilei ${day}`,
    figure: 'Indicator',
    value: 'Valoare',
    before: 'Ziua precedentă',
    rows: {
      orders_in: 'Comenzi intrate',
      distributed: 'Distribuite',
      packed: 'Împachetate',
      shipped: 'Expediate',
      delivered: 'Livrate',
      returned: 'Returnate',
      cod_to_collect: 'Ramburs de încasat',
      cod_collected: 'Ramburs încasat',
      cod_outstanding: 'Ramburs restant',
      backlog: 'Restanțe la sfârșitul zilei',
    },
    topPackers: 'Comenzi împachetate, pe împachetator',
    noPacker: 'Nicio comandă împachetată.',
    penalties: 'Penalizări propuse',
    footer: 'Trimis de ecomdir. Rapoartele complete sunt în panou, la Rapoarte.',
  },
  en: {
    locale: 'en-GB',
    subject: (day: string) => `ecomdir — daily summary ${day}`,
    testSubject: 'ecomdir — test e-mail',
    testBody:
      'This is a test e-mail sent by ecomdir. The SMTP settings work: the daily summary will arrive at the chosen hour.',
    heading: (day: string) => `Daily summary ${day}`,
    figure: 'Figure',
    value: 'Value',
    before: 'Day before',
    rows: {
      orders_in: 'Orders in',
      distributed: 'Distributed',
      packed: 'Packed',
      shipped: 'Shipped',
      delivered: 'Delivered',
      returned: 'Returned',
      cod_to_collect: 'COD to collect',
      cod_collected: 'COD collected',
      cod_outstanding: 'COD outstanding',
      backlog: 'Backlog at day end',
    },
    topPackers: 'Orders packed, by packer',
    noPacker: 'No order packed.',
    penalties: 'Penalties proposed',
    footer: 'Sent by ecomdir. The full reports are on the dashboard, under Reports.',
  },
} as const;

const MONEY: ReadonlySet<keyof DayRow> = new Set([
  'cod_to_collect',
  'cod_collected',
  'cod_outstanding',
]);

/** Integer minor units as money of `currency` (its own number of decimals, from Intl). */
export function formatMoney(minor: number, currency: string, lang: MailLanguage): string {
  const f = new Intl.NumberFormat(WORDS[lang].locale, { style: 'currency', currency });
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  return f.format(minor / 10 ** digits);
}

export function formatCount(n: number, lang: MailLanguage): string {
  return new Intl.NumberFormat(WORDS[lang].locale).format(n);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The morning e-mail: a plain-text part and a simple HTML table, figures in the reader's format. */
export function renderSummaryMail(s: DailySummary, lang: MailLanguage): RenderedMail {
  const w = WORDS[lang];
  const fmt = (key: keyof DayRow, row: DayRow) => {
    const v = row[key] as number;
    return MONEY.has(key) ? formatMoney(v, s.currency, lang) : formatCount(v, lang);
  };
  const keys = Object.keys(w.rows) as (keyof typeof w.rows)[];
  const lines = keys.map((k) => [w.rows[k], fmt(k, s.figures), fmt(k, s.previous)] as const);
  const packers = s.top_packers.map(
    (p, i) => `${i + 1}. ${p.packer_name}: ${formatCount(p.packed, lang)}`,
  );
  const penalties = `${w.penalties}: ${formatCount(s.penalties_proposed, lang)}`;
  const text = [
    w.heading(s.day),
    '',
    ...lines.map(([label, v, before]) => `${label}: ${v} (${w.before.toLowerCase()}: ${before})`),
    '',
    `${w.topPackers}:`,
    ...(packers.length ? packers : [w.noPacker]),
    '',
    penalties,
    '',
    w.footer,
  ].join('\n');
  const td = 'style="padding:4px 10px;border-bottom:1px solid #ddd"';
  const num = 'style="padding:4px 10px;border-bottom:1px solid #ddd;text-align:right"';
  const html = [
    '<!doctype html><html><body style="font-family:Arial,sans-serif;color:#222">',
    `<h2>${escapeHtml(w.heading(s.day))}</h2>`,
    '<table style="border-collapse:collapse">',
    `<tr><th ${td}>${w.figure}</th><th ${num}>${w.value}</th><th ${num}>${w.before}</th></tr>`,
    ...lines.map(
      ([label, v, before]) =>
        `<tr><td ${td}>${label}</td><td ${num}><b>${escapeHtml(v)}</b></td><td ${num}>${escapeHtml(before)}</td></tr>`,
    ),
    '</table>',
    `<h3>${w.topPackers}</h3>`,
    packers.length
      ? `<ol>${s.top_packers
          .map((p) => `<li>${escapeHtml(p.packer_name)}: ${formatCount(p.packed, lang)}</li>`)
          .join('')}</ol>`
      : `<p>${w.noPacker}</p>`,
    `<p>${escapeHtml(penalties)}</p>`,
    `<p style="color:#777;font-size:12px">${w.footer}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject(s.day), text, html };
}

/** The message of "Send a test e-mail". */
export function renderTestMail(lang: MailLanguage): RenderedMail {
  const w = WORDS[lang];
  return {
    subject: w.testSubject,
    text: w.testBody,
    html: `<!doctype html><html><body><p>${escapeHtml(w.testBody)}</p></body></html>`,
  };
}
