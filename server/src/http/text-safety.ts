import type { FastifyInstance } from 'fastify';
import { Invalid } from '../shared/errors.js';

/**
 * Characters a text may not carry into the database: NUL (PostgreSQL refuses it in text and
 * SQLite's FTS5 cuts a query at it) and UTF-16 halves without their partner (not encodable
 * as UTF-8). Refused once, here, for every route's parsed body, query and path parameters,
 * so no service has to remember them.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first path (`body.billing.first_name`) holding an unsafe text, or null. */
export function findUnsafeText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSAFE.test(value) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeText(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const hit = UNSAFE.test(k) ? `${path}.<key>` : findUnsafeText(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function registerTextSafety(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const hit =
      findUnsafeText(req.params, 'path') ??
      findUnsafeText(req.query, 'query') ??
      findUnsafeText(req.body, 'body');
    if (hit)
      throw new Invalid(
        'invalid_characters',
        `${hit} contains a character that cannot be stored (a NUL or a broken Unicode character).`,
      );
  });
}
