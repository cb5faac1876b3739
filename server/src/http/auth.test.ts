import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from '../modules/accounts/accounts.service.js';
import { authOf, CSRF_HEADER, requireRole } from './auth.js';

// The role and CSRF check every route runs (routes' tests cover it end to end; this pins the
// answer each refusal gives).
const manager = { role: 'manager', csrfToken: 'tok' } as AuthContext;
const request = (auth: AuthContext | null, method = 'GET', headers: Record<string, string> = {}) =>
  ({ auth, method, headers }) as unknown as FastifyRequest;
const check = (req: FastifyRequest) =>
  requireRole('owner', 'manager').call(null as never, req, null as unknown as FastifyReply);

describe('roles and CSRF on every route', () => {
  it('asks who it is first', async () => {
    await assert.rejects(check(request(null)), {
      status: 401,
      code: 'not_logged_in',
      message: 'Log in first.',
    });
    assert.throws(() => authOf(request(null)), { status: 401, code: 'not_logged_in' });
    assert.equal(authOf(request(manager)), manager);
  });

  it('needs the CSRF token on every state-changing request, not on reads', async () => {
    await check(request(manager, 'GET'));
    await check(request(manager, 'HEAD'));
    await check(request(manager, 'OPTIONS'));
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      await assert.rejects(check(request(manager, method, { [CSRF_HEADER]: 'wrong' })), {
        status: 403,
        code: 'csrf_failed',
        message: 'The request is missing its CSRF token. Reload the page and try again.',
      });
    await check(request(manager, 'POST', { [CSRF_HEADER]: 'tok' }));
  });

  it('refuses a role the route does not allow', async () => {
    const packer = { role: 'packer', csrfToken: 'tok' } as AuthContext;
    await assert.rejects(check(request(packer)), {
      status: 403,
      code: 'role_forbidden',
      message: 'Your role does not allow this.',
    });
  });
});
