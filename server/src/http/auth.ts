import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';
import type { Role } from '../db/schema.js';
import type { AccountsService, AuthContext } from '../modules/accounts/accounts.service.js';
import { Forbidden, Unauthorized } from '../shared/errors.js';

export const SESSION_COOKIE = 'ecomdir_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the session named by the cookie on every request. State-changing requests of a
 * logged-in user must also echo the session's CSRF token in a header: a cross-site form
 * can send the cookie but cannot read the token.
 */
export function registerSessionLoading(app: FastifyInstance, accounts: AccountsService): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.auth = await accounts.resolveSession(token);
  });
}

export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function checkRole(req: FastifyRequest) {
    const auth = req.auth;
    if (!auth) throw new Unauthorized('not_logged_in', 'Log in first.');
    if (!SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== auth.csrfToken) {
      throw new Forbidden(
        'csrf_failed',
        'The request is missing its CSRF token. Reload the page and try again.',
      );
    }
    if (!roles.includes(auth.role))
      throw new Forbidden('role_forbidden', 'Your role does not allow this.');
  };
}

/** The auth context of a route that ran `requireRole`; a programming error otherwise. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new Unauthorized('not_logged_in', 'Log in first.');
  return req.auth;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: number,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const STAFF: Role[] = ['owner', 'manager'];
export const ANY_ROLE: Role[] = ['owner', 'manager', 'packer'];
