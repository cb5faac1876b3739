import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ANY_ROLE,
  STAFF,
  authOf,
  clearSessionCookie,
  requireRole,
  setSessionCookie,
} from '../../http/auth.js';
import { NotFound } from '../../shared/errors.js';
import type { AccountsService, AuthContext, NewSession } from './accounts.service.js';
import {
  AccountOut,
  AccountPatch,
  Language,
  LoginBody,
  ManagerBody,
  MeOut,
  PackerLoginBody,
  SetupBody,
  StaffOut,
} from './accounts.schema.js';

export const clientOf = (req: FastifyRequest) => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? '',
});

type AccountRow = {
  id: number;
  name: string;
  timezone: string;
  currency: string;
  language: string;
  station_code: string;
};

/** The account as answered: the column holds only a validated `Language`, parsed to say so. */
function accountOut(a: AccountRow): z.infer<typeof AccountOut> {
  const { id, name, timezone, currency, station_code } = a;
  return { id, name, timezone, currency, language: Language.parse(a.language), station_code };
}

function meOf(auth: AuthContext): z.infer<typeof MeOut> {
  return {
    user: {
      id: auth.userId,
      role: auth.role,
      name: auth.name,
      email: auth.email,
      username: auth.username,
      packer_id: auth.packerId,
    },
    account: accountOut({ id: auth.accountId, ...auth.account }),
    csrf_token: auth.csrfToken,
  };
}

export function accountsRoutes(
  accounts: AccountsService,
  cookieSecure: boolean,
): FastifyPluginAsyncZod {
  return async (app) => {
    /** Sets the cookie of a session just started and answers with who is logged in. */
    const loggedIn = async (reply: FastifyReply, s: NewSession) => {
      const auth = await accounts.resolveSession(s.token);
      if (!auth) throw new Error('a session just created could not be read back');
      setSessionCookie(reply, s.token, s.expiresAt, cookieSecure);
      return meOf(auth);
    };

    app.get(
      '/setup',
      { schema: { tags: ['auth'], response: { 200: z.object({ needs_owner: z.boolean() }) } } },
      async () => ({
        needs_owner: await accounts.needsOwner(),
      }),
    );

    app.post(
      '/setup',
      { schema: { tags: ['auth'], body: SetupBody, response: { 200: MeOut } } },
      async (req, reply) => {
        const b = req.body;
        await accounts.createAccountWithOwner({
          accountName: b.account_name,
          name: b.name,
          email: b.email,
          password: b.password,
          language: b.language,
          onlyIfFirst: true,
        });
        const s = await accounts.login(b.email, b.password, clientOf(req));
        return loggedIn(reply, s);
      },
    );

    app.post(
      '/auth/login',
      { schema: { tags: ['auth'], body: LoginBody, response: { 200: MeOut } } },
      async (req, reply) => {
        const s = await accounts.login(req.body.email, req.body.password, clientOf(req));
        return loggedIn(reply, s);
      },
    );

    app.post(
      '/auth/packer-login',
      { schema: { tags: ['auth'], body: PackerLoginBody, response: { 200: MeOut } } },
      async (req, reply) => {
        const { station_code, username, pin } = req.body;
        const s = await accounts.packerLogin(station_code, username, pin, clientOf(req));
        return loggedIn(reply, s);
      },
    );

    app.post(
      '/auth/logout',
      { preHandler: requireRole(...ANY_ROLE), schema: { tags: ['auth'] } },
      async (req, reply) => {
        await accounts.logout(authOf(req).sessionId);
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/me',
      {
        preHandler: requireRole(...ANY_ROLE),
        schema: { tags: ['auth'], response: { 200: MeOut } },
      },
      async (req) => meOf(authOf(req)),
    );

    app.get(
      '/account',
      {
        preHandler: requireRole(...STAFF),
        schema: { tags: ['account'], response: { 200: AccountOut } },
      },
      async (req) => {
        const a = await accounts.getAccount(authOf(req).accountId);
        if (!a) throw new NotFound('account_not_found', 'Account not found.');
        return accountOut(a);
      },
    );

    app.patch(
      '/account',
      {
        preHandler: requireRole('owner'),
        schema: { tags: ['account'], body: AccountPatch, response: { 200: AccountOut } },
      },
      async (req) => {
        const a = await accounts.updateAccount(authOf(req).accountId, req.body);
        if (!a) throw new NotFound('account_not_found', 'Account not found.');
        return accountOut(a);
      },
    );

    app.get(
      '/users',
      {
        preHandler: requireRole(...STAFF),
        schema: { tags: ['account'], response: { 200: StaffOut } },
      },
      async (req) => {
        const rows = await accounts.listStaff(authOf(req).accountId);
        return {
          items: rows.map((r) => ({
            id: r.id,
            role: r.role,
            name: r.name,
            email: r.email,
            active: r.active === 1,
          })),
        };
      },
    );

    app.post(
      '/users',
      {
        preHandler: requireRole('owner'),
        schema: {
          tags: ['account'],
          body: ManagerBody,
          response: { 201: z.object({ id: z.number() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await accounts.createManager(authOf(req).accountId, req.body)),
    );
  };
}
