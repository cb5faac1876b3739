// Labels and slips as the shipping service would fill them, with Romanian names (every
// diacritic, both comma-below letters) so a test can prove they survive to the paper.
import type { LabelData, SlipOrder } from '../../src/modules/shipping/labels/label-data.js';

const FIRST = ['Ștefan', 'Țicu', 'Ioana', 'Mădălina', 'Îngrid', 'Andrei', 'Brândușa', 'Cătălin'];
const LAST = ['Popescu', 'Țărănescu', 'Șerban', 'Dumitrașcu', 'Ionescu', 'Mureșan'];
const CITIES = [
  ['Brașov', 'Brașov', '500001'],
  ['Timișoara', 'Timiș', '300002'],
  ['Iași', 'Iași', '700003'],
  ['Târgu Mureș', 'Mureș', '540004'],
  ['București', 'București', '010005'],
] as const;

/** The n-th label of a batch: a distinct AWB, recipient and tracking link, COD on two of three. */
export function sampleLabel(n: number): LabelData {
  const [city, county, postcode] = CITIES[n % CITIES.length] ?? CITIES[0];
  return {
    awb: `ED${String(1000000 + n).padStart(10, '0')}`,
    courierName: 'Curier propriu',
    service: 'Standard',
    sender: {
      name: 'Magazinul Ștrumfilor',
      company: 'Țesături Ăîâ SRL',
      phone: '0722 000 111',
      address1: 'Str. Ștefan cel Mare nr. 10',
      address2: null,
      city: 'Cluj-Napoca',
      county: 'Cluj',
      postcode: '400001',
      country: 'RO',
    },
    recipient: {
      name: `${FIRST[n % FIRST.length]} ${LAST[n % LAST.length]} ${n}`,
      company: n % 4 === 0 ? 'Fân și Țuică SRL' : null,
      phone: `07${String(40000000 + n).padStart(8, '0')}`,
      address1: `Bd. Mihai Viteazu nr. ${n + 1}`,
      address2: n % 3 === 0 ? 'bl. A2, sc. 1, ap. 14' : null,
      city,
      county,
      postcode,
      country: 'RO',
    },
    orderNumber: `#${5000 + n}`,
    storeName: 'Ceaiuri și Țesături',
    codAmount: n % 3 === 2 ? null : `${100 + n}.${String(n % 100).padStart(2, '0')}`,
    currency: 'RON',
    weightKg: n % 2 === 0 ? '1.500' : '0.75',
    parcels: 1 + (n % 2),
    trackingUrl: `https://ecomdir.example.ro/t/Tk${n}x9QpL3vW7aZr2mYc8dF`,
    observations:
      n % 5 === 0 ? 'Sunați înainte; fragil — sticlă, a se ține în poziție verticală.' : null,
    createdAt: '2026-11-30T06:41:05Z',
  };
}

export function sampleLabels(count: number): LabelData[] {
  return Array.from({ length: count }, (_, n) => sampleLabel(n));
}

export function sampleSlipOrder(n: number): SlipOrder {
  const label = sampleLabel(n);
  return {
    orderNumber: label.orderNumber,
    storeName: label.storeName,
    recipient: label.recipient,
    awb: label.awb,
    customerNote: n % 2 === 0 ? 'Vă rog ambalați cadou, mulțumesc!' : null,
    items: [
      { sku: 'CEAI-VERDE-100', name: 'Ceai verde (100 g)', quantity: 1 + (n % 3) },
      { sku: 'CANĂ-ȚĂRĂNEASCĂ', name: 'Cană țărănească pictată', quantity: 1 },
      ...(n % 2 === 0 ? [{ sku: null, name: 'Felicitare scrisă de mână', quantity: 1 }] : []),
    ],
  };
}
