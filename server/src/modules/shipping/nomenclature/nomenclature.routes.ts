import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { STAFF, authOf, requireRole } from '../../../http/auth.js';
import { actorOf } from '../../../http/actor.js';
import { OrderIdParams } from '../../orders/orders.schema.js';
import type { CourierLocality } from '../couriers/courier.js';
import type { AddressMatch, Nomenclature } from './nomenclature.service.js';
import { AddressChoiceBody, AddressMatchOut, AddressMatchQuery } from './nomenclature.schema.js';

const localityOut = (l: CourierLocality) => ({
  id: l.id,
  name: l.name,
  county_id: l.countyId,
  county: l.countyName,
  commune: l.commune,
  postcode: l.postcode,
});

export const addressMatchOut = (courier: string, m: AddressMatch) => ({
  courier,
  status: m.status,
  match: m.match ? localityOut(m.match) : null,
  candidates: m.candidates.map(localityOut),
  reason: m.reason,
});

export function nomenclatureRoutes(nomenclature: Nomenclature): FastifyPluginAsyncZod {
  return async (app) => {
    const staff = { preHandler: requireRole(...STAFF) };
    const tags = ['shipping'];
    app.get(
      '/orders/:id/address-match',
      {
        ...staff,
        schema: {
          tags,
          params: OrderIdParams,
          querystring: AddressMatchQuery,
          response: { 200: AddressMatchOut },
        },
      },
      async (req) => {
        const { accountId } = authOf(req);
        const courier =
          req.query.courier ?? (await nomenclature.plannedCourier(accountId, req.params.id));
        const m = await nomenclature.match(accountId, req.params.id, courier);
        return addressMatchOut(courier, m);
      },
    );
    app.put(
      '/orders/:id/address-match',
      {
        ...staff,
        schema: {
          tags,
          params: OrderIdParams,
          body: AddressChoiceBody,
          response: { 200: AddressMatchOut },
        },
      },
      async (req) => {
        const m = await nomenclature.choose(
          authOf(req).accountId,
          req.params.id,
          req.body,
          actorOf(req).label,
        );
        return addressMatchOut(req.body.courier, m);
      },
    );
  };
}
