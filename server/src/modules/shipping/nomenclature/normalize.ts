/**
 * Pure text rules for Romanian places: how a customer's county, locality and address are
 * reduced to comparable keys (diacritics in both the comma and the cedilla forms, case,
 * punctuation, administrative prefixes), WooCommerce's county codes, postal-code prefixes,
 * and Bucharest's sectors in the ways people write them.
 */

/** WooCommerce's `state` values for Romania → the county's name (as the couriers spell it). */
export const COUNTY_CODES: Readonly<Record<string, string>> = {
  AB: 'Alba',
  AR: 'Arad',
  AG: 'Argeș',
  BC: 'Bacău',
  BH: 'Bihor',
  BN: 'Bistrița-Năsăud',
  BT: 'Botoșani',
  BR: 'Brăila',
  BV: 'Brașov',
  B: 'București',
  BZ: 'Buzău',
  CL: 'Călărași',
  CS: 'Caraș-Severin',
  CJ: 'Cluj',
  CT: 'Constanța',
  CV: 'Covasna',
  DB: 'Dâmbovița',
  DJ: 'Dolj',
  GL: 'Galați',
  GR: 'Giurgiu',
  GJ: 'Gorj',
  HR: 'Harghita',
  HD: 'Hunedoara',
  IL: 'Ialomița',
  IS: 'Iași',
  IF: 'Ilfov',
  MM: 'Maramureș',
  MH: 'Mehedinți',
  MS: 'Mureș',
  NT: 'Neamț',
  OT: 'Olt',
  PH: 'Prahova',
  SJ: 'Sălaj',
  SM: 'Satu Mare',
  SB: 'Sibiu',
  SV: 'Suceava',
  TR: 'Teleorman',
  TM: 'Timiș',
  TL: 'Tulcea',
  VL: 'Vâlcea',
  VS: 'Vaslui',
  VN: 'Vrancea',
};

/**
 * The county a Romanian postal code belongs to: its first two digits (01–06 are Bucharest's
 * sectors, 07 Ilfov, 08 Giurgiu). A code outside the list says nothing.
 */
const POSTCODE_COUNTY: Readonly<Record<string, string>> = {
  '01': 'B',
  '02': 'B',
  '03': 'B',
  '04': 'B',
  '05': 'B',
  '06': 'B',
  '07': 'IF',
  '08': 'GR',
  '10': 'PH',
  '11': 'AG',
  '12': 'BZ',
  '13': 'DB',
  '14': 'TR',
  '20': 'DJ',
  '21': 'GJ',
  '22': 'MH',
  '23': 'OT',
  '24': 'VL',
  '30': 'TM',
  '31': 'AR',
  '32': 'CS',
  '33': 'HD',
  '40': 'CJ',
  '41': 'BH',
  '42': 'BN',
  '43': 'MM',
  '44': 'SM',
  '45': 'SJ',
  '50': 'BV',
  '51': 'AB',
  '52': 'CV',
  '53': 'HR',
  '54': 'MS',
  '55': 'SB',
  '60': 'BC',
  '61': 'NT',
  '62': 'VN',
  '70': 'IS',
  '71': 'BT',
  '72': 'SV',
  '73': 'VS',
  '80': 'GL',
  '81': 'BR',
  '82': 'TL',
  '90': 'CT',
  '91': 'CL',
  '92': 'IL',
};

/** Lower case, no diacritics (ș ş ț ţ ă â î and any other), punctuation as spaces, one space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Words that say what kind of place follows, not which one ("Municipiul Cluj-Napoca").
const PREFIXES = new Set([
  'municipiul',
  'municipiu',
  'mun',
  'orasul',
  'oras',
  'or',
  'comuna',
  'com',
  'sat',
  'satul',
  'loc',
  'localitatea',
  'judetul',
  'judet',
  'jud',
  'statiunea',
]);

// Abbreviations customers write for the first word of a name ("Tg. Mureș", "Rm. Vâlcea").
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  tg: 'targu',
  tirgu: 'targu',
  rm: 'ramnicu',
  rimnicu: 'ramnicu',
  sf: 'sfantu',
  sfintu: 'sfantu',
};

/** A place's name as a matching key: folded, prefixes dropped, abbreviations written out. */
export function placeKey(text: string): string {
  const words = fold(text).split(' ').filter(Boolean);
  while (words.length > 1 && PREFIXES.has(words[0] ?? '')) words.shift();
  return words.map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

/** Whether a word of a folded text is an administrative prefix (used when splitting). */
export function isPrefixWord(word: string): boolean {
  return PREFIXES.has(word);
}

const COUNTY_BY_KEY = new Map<string, string>(
  Object.values(COUNTY_CODES).map((name) => [placeKey(name), name]),
);
COUNTY_BY_KEY.set('bucharest', 'București');
COUNTY_BY_KEY.set('municipiul bucuresti', 'București');

/**
 * The county's name from what the order carries: a WooCommerce code ("CJ", "B"), or a name in
 * any spelling ("Judetul Iasi", "iași"). Null when it is neither.
 */
export function countyName(input: string | null | undefined): string | null {
  const raw = (input ?? '').trim();
  if (!raw) return null;
  const code = COUNTY_CODES[raw.toUpperCase()];
  if (code) return code;
  const key = placeKey(raw);
  return COUNTY_BY_KEY.get(key) ?? COUNTY_BY_KEY.get(key.replace(/ /g, '')) ?? null;
}

/** The comparable key of a county name (for the couriers' own spellings). */
export function countyKey(name: string): string {
  // Asked for every locality of a list on every match: ~42 counties, folded once each.
  let k = COUNTY_KEYS.get(name);
  if (k === undefined) {
    k = placeKey(countyName(name) ?? name);
    if (COUNTY_KEYS.size < 1000) COUNTY_KEYS.set(name, k);
  }
  return k;
}
const COUNTY_KEYS = new Map<string, string>();

/** The county a 6-digit postal code belongs to, or null. */
export function countyOfPostcode(postcode: string | null | undefined): string | null {
  const digits = (postcode ?? '').replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const code = POSTCODE_COUNTY[digits.slice(0, 2)];
  return code ? (COUNTY_CODES[code] ?? null) : null;
}

/** A clean 6-digit postal code, or null. */
export function cleanPostcode(postcode: string | null | undefined): string | null {
  const digits = (postcode ?? '').replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** Whether a locality text names Bucharest (with or without a sector). */
export function namesBucharest(city: string): boolean {
  const k = fold(city);
  return /\b(bucuresti|bucharest|buc)\b/.test(k) || /^(sector|sectorul|sect|s) ?[1-6]$/.test(k);
}

/**
 * Bucharest's sector (1–6) from the locality ("Sectorul 3", "S3", "București Sector 3",
 * "Bucuresti, sector 3", "Bucuresti 3"), else from address lines ("…, sector 3", "sect. 3"),
 * else from a Bucharest postal code (its second digit). Null when none says.
 */
export function bucharestSector(
  city: string,
  addressLines: readonly (string | null | undefined)[],
  postcode: string | null | undefined,
): number | null {
  const c = fold(city);
  const inCity =
    /\b(?:sectorul|sector|sect|sec|s)\s?([1-6])\b/.exec(c) ??
    /^(?:municipiul )?(?:bucuresti|bucharest|buc)\s([1-6])$/.exec(c);
  if (inCity) return Number(inCity[1]);
  for (const line of addressLines) {
    const m = /\b(?:sectorul|sector|sect)\s?([1-6])\b/.exec(fold(line ?? ''));
    if (m) return Number(m[1]);
  }
  const pc = cleanPostcode(postcode);
  if (pc && /^0[1-6]/.test(pc)) return Number(pc[1]);
  return null;
}

/** Whether a courier's locality name is one of Bucharest's sectors, and which. */
export function sectorOfName(name: string): number | null {
  const m = /^(?:municipiul )?(?:bucuresti )?(?:sectorul|sector|sect|s)\s?([1-6])$/.exec(
    fold(name),
  );
  return m ? Number(m[1]) : null;
}

/** Edit distance with adjacent swaps (Damerau, optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      row[j] = v;
    }
  return d[a.length]![b.length]!;
}
