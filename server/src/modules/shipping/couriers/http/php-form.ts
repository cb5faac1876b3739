/**
 * Nested values as PHP reads a form (`recipient[name]=…`, `parcels[0][weight]=…`), the shape
 * couriers written in PHP expect in a urlencoded body. Pairs keep the object's key order; null
 * and undefined are left out; booleans are 1 and 0.
 */
export function phpFormPairs(value: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, key: string) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) v.forEach((item, i) => walk(item, `${key}[${i}]`));
    else if (typeof v === 'object')
      for (const [k, inner] of Object.entries(v)) walk(inner, `${key}[${k}]`);
    else if (typeof v === 'boolean') out.push([key, v ? '1' : '0']);
    else if (typeof v === 'string' || typeof v === 'number') out.push([key, String(v)]);
  };
  for (const [k, v] of Object.entries(value)) walk(v, k);
  return out;
}
