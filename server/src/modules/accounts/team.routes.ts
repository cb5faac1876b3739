import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANY_ROLE, STAFF, authOf, requireRole } from '../../http/auth.js';
import {
  LoginFailuresOut,
  PasswordChangeBody,
  PinPolicy,
  PinPolicyPatch,
  SessionParams,
  SessionsOut,
  TransferBody,
  UserParams,
} from './accounts.schema.js';
import type { TeamService } from './team.service.js';

/** The team, one's own password and sessions, the PIN policy and the failed logins. */
export function teamRoutes(team: TeamService): FastifyPluginAsyncZod {
  return async (app) => {
    app.delete(
      '/users/:id',
      { preHandler: requireRole('owner'), schema: { tags: ['account'], params: UserParams } },
      async (req, reply) => {
        await team.removeUser(authOf(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/auth/password',
      {
        preHandler: requireRole(...STAFF),
        schema: { tags: ['auth'], body: PasswordChangeBody },
      },
      async (req, reply) => {
        await team.changePassword(
          authOf(req),
          req.body.current_password,
          req.body.new_password,
          req.ip,
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/sessions',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: { tags: ['auth'], response: { 200: SessionsOut } },
      },
      async (req) => ({ items: await team.sessions(authOf(req)) }),
    );

    app.delete(
      '/auth/sessions/:id',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: { tags: ['auth'], params: SessionParams },
      },
      async (req, reply) => {
        await team.endSession(authOf(req), req.params.id);
        return reply.status(204).send();
      },
    );

    app.post(
      '/account/transfer-ownership',
      { preHandler: requireRole('owner'), schema: { tags: ['account'], body: TransferBody } },
      async (req, reply) => {
        await team.transferOwnership(authOf(req), req.body.user_id, req.body.password, req.ip);
        return reply.status(204).send();
      },
    );

    app.get(
      '/account/login-failures',
      {
        preHandler: requireRole('owner'),
        schema: { tags: ['account'], response: { 200: LoginFailuresOut } },
      },
      async (req) => ({ items: await team.loginFailures(authOf(req).accountId) }),
    );

    app.get(
      '/account/pin-policy',
      {
        preHandler: requireRole(...STAFF),
        schema: { tags: ['account'], response: { 200: PinPolicy } },
      },
      async (req) => team.pinPolicy(authOf(req).accountId),
    );

    app.put(
      '/account/pin-policy',
      {
        preHandler: requireRole('owner'),
        schema: { tags: ['account'], body: PinPolicyPatch, response: { 200: PinPolicy } },
      },
      async (req) => team.setPinPolicy(authOf(req).accountId, req.body),
    );
  };
}
