/** Lower case without diacritics: "Ștefănescu" is found by "stefanescu" and by "ștefănescu". */
export function normalizeForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text an order is found by: number, customer, company, e-mail, phone (also digits only), SKUs. */
export function buildSearchText(o: {
  number: string;
  names: string[];
  email: string;
  phone: string;
  skus: string[];
}): string {
  const digits = o.phone.replace(/\D/g, '');
  return normalizeForSearch(
    [o.number, ...o.names, o.email, o.phone, digits, ...o.skus].filter(Boolean).join(' '),
  );
}

/** Search words, each at most 64 characters; empty words dropped. */
export function searchWords(q: string): string[] {
  return normalizeForSearch(q)
    .split(/\s+/)
    .map((w) => w.slice(0, 64))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}
