import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import type { PackersService } from './packers.service.js';
import {
  IdParams,
  PackerCreate,
  PackerOut,
  PackerPatch,
  WrongScansOut,
  WrongScansQuery,
} from './packers.schema.js';

export function packersRoutes(packers: PackersService): FastifyPluginAsyncZod {
  return async (app) => {
    const staff = { preHandler: requireRole(...STAFF) };

    app.get(
      '/packers',
      {
        ...staff,
        schema: { tags: ['packers'], response: { 200: z.object({ items: z.array(PackerOut) }) } },
      },
      async (req) => ({
        items: await packers.list(authOf(req).accountId),
      }),
    );

    app.get(
      '/packers/:id',
      { ...staff, schema: { tags: ['packers'], params: IdParams, response: { 200: PackerOut } } },
      async (req) => packers.get(authOf(req).accountId, req.params.id),
    );

    app.post(
      '/packers',
      { ...staff, schema: { tags: ['packers'], body: PackerCreate, response: { 201: PackerOut } } },
      async (req, reply) =>
        reply.status(201).send(await packers.create(authOf(req).accountId, req.body, actorOf(req))),
    );

    app.patch(
      '/packers/:id',
      {
        ...staff,
        schema: {
          tags: ['packers'],
          params: IdParams,
          body: PackerPatch,
          response: { 200: PackerOut },
        },
      },
      async (req) => packers.update(authOf(req).accountId, req.params.id, req.body, actorOf(req)),
    );

    app.get(
      '/packers/:id/wrong-scans',
      {
        ...staff,
        schema: {
          tags: ['packers'],
          params: IdParams,
          querystring: WrongScansQuery,
          response: { 200: WrongScansOut },
        },
      },
      async (req) => packers.wrongScans(authOf(req).accountId, req.params.id, req.query),
    );

    app.post(
      '/packers/:id/unlock',
      { ...staff, schema: { tags: ['packers'], params: IdParams, response: { 200: PackerOut } } },
      async (req) => packers.unlock(authOf(req).accountId, req.params.id, actorOf(req)),
    );
  };
}
