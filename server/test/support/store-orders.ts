import type { UnifiedOrder } from '../../src/modules/connectors/unified-order.js';

/** Realistic Romanian shop orders in the unified shape, deterministic for a seed. */

const FIRST = [
  'Maria',
  'Ion',
  'Elena',
  'Andrei',
  'Ioana',
  'Mihai',
  'Ana',
  'Alexandru',
  'Cristina',
  'Ștefan',
  'Gheorghe',
  'Raluca',
];
const LAST = [
  'Popescu',
  'Ionescu',
  'Popa',
  'Dumitru',
  'Stan',
  'Stoica',
  'Gheorghe',
  'Matei',
  'Ciobanu',
  'Rusu',
  'Munteanu',
  'Ștefănescu',
];
const CITIES: [string, string, string][] = [
  ['București', 'B', '010011'],
  ['Cluj-Napoca', 'CJ', '400001'],
  ['Iași', 'IS', '700028'],
  ['Timișoara', 'TM', '300002'],
  ['Brașov', 'BV', '500003'],
  ['Constanța', 'CT', '900001'],
  ['Oradea', 'BH', '410001'],
  ['Sibiu', 'SB', '550003'],
];
const PRODUCTS: [string, string, string, string][] = [
  ['TRC-001', 'Tricou alb bumbac', '49.90', '0.2'],
  ['HAN-220', 'Hanorac gri cu glugă', '159.00', '0.6'],
  ['CAN-013', 'Cană ceramică 350 ml', '29.50', '0.4'],
  ['RUC-777', 'Rucsac urban 20 L', '219.99', '0.9'],
  ['SOS-004', 'Șosete lână (3 perechi)', '39.00', '0.15'],
  ['CAR-101', 'Carte de bucate tradiționale', '74.00', '0.8'],
];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4_294_967_296;
  };
}

const dec = (minor: number) => (minor / 100).toFixed(2);
const toMinor = (s: string) => Math.round(Number(s) * 100);
export const isoSecond = (ms: number) =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function makeOrder(id: number, modifiedMs: number, seed = id): UnifiedOrder {
  const r = rng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const first = pick(FIRST);
  const last = pick(LAST);
  const [city, state, postcode] = pick(CITIES);
  const phone = `07${Math.floor(20_000_000 + r() * 79_999_999)}`;
  const email = `${first}.${last}${id}@example.ro`
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  const n = 1 + Math.floor(r() * 3);
  const items = Array.from({ length: n }, (_, k) => {
    const [sku, name, price, kg] = pick(PRODUCTS);
    const qty = 1 + Math.floor(r() * 3);
    return {
      id: id * 10 + k,
      product_id: 100 + PRODUCTS.findIndex((p) => p[0] === sku),
      variation_id: 0,
      sku,
      name,
      quantity: qty,
      unit_price: price,
      total: dec(toMinor(price) * qty),
      weight_kg: kg,
      meta: k === 0 && r() < 0.3 ? [{ key: 'Mărime', value: pick(['S', 'M', 'L', 'XL']) }] : [],
    };
  });
  const subtotal = items.reduce((s, i) => s + toMinor(i.total), 0);
  const shipping = subtotal > 25_000 ? 0 : 1_999;
  const cod = r() < 0.6;
  const address = {
    first_name: first,
    last_name: last,
    company: r() < 0.1 ? 'SC Exemplu SRL' : '',
    email,
    phone,
    address_1: `Str. Florilor ${1 + Math.floor(r() * 120)}`,
    address_2: r() < 0.3 ? `Bl. ${1 + Math.floor(r() * 20)}, ap. ${1 + Math.floor(r() * 60)}` : '',
    city,
    state,
    postcode,
    country: 'RO',
  };
  return {
    id,
    number: String(id),
    status: 'processing',
    created_at: isoSecond(modifiedMs - 60_000),
    modified_at: isoSecond(modifiedMs),
    currency: 'RON',
    total: dec(subtotal + shipping),
    subtotal: dec(subtotal),
    shipping_total: dec(shipping),
    discount_total: '0.00',
    tax_total: '0.00',
    payment_method: cod ? 'cod' : 'stripe',
    payment_method_title: cod ? 'Plata la livrare (ramburs)' : 'Card online',
    paid: !cod,
    customer_note: r() < 0.2 ? 'Sunați înainte de livrare, vă rog.' : '',
    billing: address,
    shipping: { ...address, email: '' },
    items,
    shipping_lines: [
      { method_id: 'flat_rate', method_title: 'Curier rapid', total: dec(shipping) },
    ],
    packer: null,
    shipment: null,
  };
}
