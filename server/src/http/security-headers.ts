import type { FastifyInstance } from 'fastify';

/**
 * The dashboard's Content-Security-Policy: its own scripts only (Vite builds no inline
 * script), styles from itself plus inline style attributes (Mantine sets them), images and
 * fonts from itself or data:/blob: URLs, API calls to itself, never framed.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Swagger UI (/api/docs) runs inline scripts of its own; it gets them, nothing else does. */
const DOCS_CSP = DASHBOARD_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

/** Headers on every answer, the API's, the dashboard's and every error's. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header(
      'content-security-policy',
      req.url.startsWith('/api/docs') ? DOCS_CSP : DASHBOARD_CSP,
    );
    return payload;
  });
}

/**
 * A request's URL for the log: the path, and the query's parameter names without their
 * values (searches carry customers' names and phone numbers; tokens could ride there too).
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((p) => `${p.split('=')[0] ?? ''}=~`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}
