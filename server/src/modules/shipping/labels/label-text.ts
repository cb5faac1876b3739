// How a label's values read on paper. Labels are printed in Romanian: the courier's driver and
// the recipient read them, whatever language the shop's staff uses on the dashboard.
import type { LabelAddress } from './label-data.js';

/** Captions printed on labels and slips (Romanian, with its diacritics). */
export const CAPTIONS = {
  sender: 'EXPEDITOR',
  recipient: 'DESTINATAR',
  phone: 'Tel.',
  cod: 'RAMBURS',
  noCod: 'FĂRĂ RAMBURS',
  order: 'Comanda',
  store: 'Magazin',
  weight: 'Greutate',
  parcels: 'Colete',
  observations: 'Observații',
  tracking: 'Urmărire',
  pickingTitle: 'Listă de colectare',
  packingTitle: 'Fișă de ambalare',
  sku: 'SKU',
  product: 'Produs',
  quantity: 'Cant.',
  inOrders: 'Comenzi',
  total: 'Total',
  noSku: '(fără SKU)',
  customerNote: 'Nota clientului',
  awb: 'AWB',
  orders: 'comenzi',
  products: 'produse',
  page: 'Pagina',
} as const;

// One formatter for every label: building an Intl formatter costs far more than using one.
const bucharest = new Intl.DateTimeFormat('ro-RO', {
  timeZone: 'Europe/Bucharest',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "30.11.2026, 10:41" in Europe/Bucharest for an ISO-8601 instant; the input as is when unreadable. */
export function bucharestDateTime(iso: string): string {
  // A batch's labels were mostly made in the same minute: remember the last one.
  if (iso === lastDate.iso) return lastDate.text;
  const when = new Date(iso);
  const text = Number.isNaN(when.getTime()) ? iso : bucharest.format(when);
  lastDate = { iso, text };
  return text;
}
let lastDate = { iso: '', text: '' };

/**
 * A decimal string in Romanian notation: "1234.5" → "1.234,50". Done on the digits, not through
 * a float, so an amount prints exactly as the order holds it.
 */
export function romanianAmount(decimal: string, fractionDigits = 2): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) return decimal;
  const [, sign, whole = '0', fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const cents = fraction.padEnd(fractionDigits, '0').slice(0, fractionDigits);
  return `${sign}${grouped}${fractionDigits > 0 ? `,${cents}` : ''}`;
}

/** "1,5 kg" from "1.500": weights keep the decimals that say something. */
export function romanianWeight(decimal: string): string {
  const trimmed = decimal.includes('.') ? decimal.replace(/0+$/, '').replace(/\.$/, '') : decimal;
  const digits = trimmed.split('.')[1]?.length ?? 0;
  return `${romanianAmount(trimmed, digits)} kg`;
}

export function codLine(amount: string, currency: string): string {
  return `${CAPTIONS.cod} ${romanianAmount(amount)} ${currency}`;
}

/** The street lines, then "postcode city", then "county, country" (the country only abroad). */
export function addressLines(address: LabelAddress): {
  street: string;
  city: string;
  region: string;
} {
  const street = [address.address1, address.address2].filter(Boolean).join(', ');
  const city = [address.postcode, address.city].filter(Boolean).join(' ');
  const region = [
    address.county,
    address.country && address.country !== 'RO' ? address.country : '',
  ]
    .filter(Boolean)
    .join(', ');
  return { street, city, region };
}
