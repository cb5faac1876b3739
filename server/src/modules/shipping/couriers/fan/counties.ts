/**
 * Romania's county codes (as WooCommerce stores them in `state`) → the county as FAN spells it
 * (no diacritics). Used only when the nomenclature step gave no `destination`: FAN routes by
 * county and locality name, and "CJ" is not a name it knows.
 */
const FAN_COUNTY_BY_CODE: Readonly<Record<string, string>> = {
  AB: 'Alba',
  AR: 'Arad',
  AG: 'Arges',
  BC: 'Bacau',
  BH: 'Bihor',
  BN: 'Bistrita-Nasaud',
  BT: 'Botosani',
  BR: 'Braila',
  BV: 'Brasov',
  B: 'Bucuresti',
  BZ: 'Buzau',
  CL: 'Calarasi',
  CS: 'Caras-Severin',
  CJ: 'Cluj',
  CT: 'Constanta',
  CV: 'Covasna',
  DB: 'Dambovita',
  DJ: 'Dolj',
  GL: 'Galati',
  GR: 'Giurgiu',
  GJ: 'Gorj',
  HR: 'Harghita',
  HD: 'Hunedoara',
  IL: 'Ialomita',
  IS: 'Iasi',
  IF: 'Ilfov',
  MM: 'Maramures',
  MH: 'Mehedinti',
  MS: 'Mures',
  NT: 'Neamt',
  OT: 'Olt',
  PH: 'Prahova',
  SJ: 'Salaj',
  SM: 'Satu Mare',
  SB: 'Sibiu',
  SV: 'Suceava',
  TR: 'Teleorman',
  TM: 'Timis',
  TL: 'Tulcea',
  VL: 'Valcea',
  VS: 'Vaslui',
  VN: 'Vrancea',
};

/** "Ștefănești" → "Stefanesti": FAN's lists are written without diacritics. */
export function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** A county as typed (a code or a name, with or without diacritics) in FAN's spelling. */
export function fanCounty(county: string): string {
  return FAN_COUNTY_BY_CODE[county.trim().toUpperCase()] ?? withoutDiacritics(county);
}
