/**
 * Money travels as decimal strings ("123.45") and is stored as integer minor units (bani,
 * cents): sums stay exact. Two decimals, which covers RON, EUR, USD, HUF and BGN.
 */
export const DECIMAL_PATTERN = /^-?\d{1,12}(\.\d{1,2})?$/;

export function toMinor(decimal: string): number {
  if (!DECIMAL_PATTERN.test(decimal)) throw new RangeError(`not a money amount: ${decimal}`);
  const negative = decimal.startsWith('-');
  const [whole = '0', frac = ''] = decimal.replace('-', '').split('.');
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  return negative ? -minor : minor;
}

export function toDecimal(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
