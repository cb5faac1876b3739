import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, authOf, requireRole } from '../../http/auth.js';
import { actorOf } from '../../http/actor.js';
import type { DistributionService } from './distribution.service.js';
import {
  DistributeBody,
  DistributionSettingsOut,
  RunResultOut,
  SettingsPut,
  UnassignedOut,
} from './distribution.schema.js';

export function distributionRoutes(distribution: DistributionService): FastifyPluginAsyncZod {
  return async (app) => {
    const staff = { preHandler: requireRole(...STAFF) };
    const owner = { preHandler: requireRole('owner') };
    const tags = ['distribution'];

    app.get(
      '/distribution/settings',
      { ...staff, schema: { tags, response: { 200: DistributionSettingsOut } } },
      async (req) => distribution.settings(authOf(req).accountId),
    );

    app.put(
      '/distribution/settings',
      { ...owner, schema: { tags, body: SettingsPut, response: { 200: DistributionSettingsOut } } },
      async (req) => distribution.saveSettings(authOf(req).accountId, req.body, actorOf(req)),
    );

    app.get(
      '/distribution/unassigned',
      { ...staff, schema: { tags, response: { 200: UnassignedOut } } },
      async (req) => distribution.unassigned(authOf(req).accountId),
    );

    app.post(
      '/orders/distribute',
      { ...staff, schema: { tags, body: DistributeBody, response: { 200: RunResultOut } } },
      async (req) =>
        distribution.distribute(authOf(req).accountId, req.body.order_ids, actorOf(req)),
    );
  };
}
