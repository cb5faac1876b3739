import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { accountsRoutes } from '../modules/accounts/accounts.routes.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { ordersRoutes } from '../modules/orders/orders.routes.js';
import { OrdersService } from '../modules/orders/orders.service.js';
import { packersRoutes } from '../modules/packers/packers.routes.js';
import { PackersService } from '../modules/packers/packers.service.js';
import { storesRoutes } from '../modules/stores/stores.routes.js';
import { distributionRoutes } from '../modules/distribution/distribution.routes.js';
import { DistributionService } from '../modules/distribution/distribution.service.js';
import { createEventBus, type EventBus } from '../modules/events/event-bus.js';
import { eventsRoutes } from '../modules/events/events.routes.js';
import { packingRoutes } from '../modules/packing/packing.routes.js';
import { PackingService } from '../modules/packing/packing.service.js';
import { registerSessionLoading } from './auth.js';
import { registerErrorHandling } from './errors.js';
import { registerOpenApi } from './openapi.js';

export interface Services {
  accounts: AccountsService;
  packers: PackersService;
  orders: OrdersService;
  distribution: DistributionService;
  packing: PackingService;
  /** Live updates (SSE); publish inside the transaction that makes the change. */
  events: EventBus;
}

export interface App {
  http: FastifyInstance;
  database: Database;
  services: Services;
  close(): Promise<void>;
}

/**
 * Wires everything in one visible place: database, migrations, services, routes.
 * Tests call this same function with a test configuration.
 */
export async function buildApp(config: Config): Promise<App> {
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);

  const events = await createEventBus(
    database,
    config.database.kind === 'postgres' ? config.database.url : null,
  );
  const distribution = new DistributionService(database, events);
  const services: Services = {
    accounts: new AccountsService(database.db, { sessionDays: config.sessionDays, loginRateLimit: config.loginRateLimit }),
    packers: new PackersService(database.db, {
      onAvailabilityChanged: distribution.onPackerChanged,
    }),
    orders: new OrdersService(database, { onOrderSaved: distribution.onOrderSaved }),
    distribution,
    packing: new PackingService(database, events),
    events,
  };

  const http = Fastify({
    logger: {
      level: config.logLevel,
      // Request bodies are never logged; these headers would carry secrets.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(http);
  await http.register(cookie);
  await registerOpenApi(http);
  registerSessionLoading(http, services.accounts);

  await http.register(
    async (api) => {
      api.get('/health', { schema: { tags: ['system'] } }, async () => {
        return { status: 'ok', database: database.dialect };
      });
      await api.register(accountsRoutes(services.accounts, config.cookieSecure));
      await api.register(packersRoutes(services.packers));
      await api.register(ordersRoutes(services.orders));
      await api.register(storesRoutes(database.db));
      await api.register(distributionRoutes(services.distribution));
      await api.register(packingRoutes(services.packing));
      await api.register(eventsRoutes(events));
    },
    { prefix: '/api' },
  );

  if (config.webDist && fs.existsSync(path.join(config.webDist, 'index.html'))) {
    await serveDashboard(http, config.webDist);
  }

  return {
    http,
    database,
    services,
    async close() {
      await http.close();
      await events.close();
      await database.destroy();
    },
  };
}

/** The built dashboard, with client-side routes falling back to index.html. */
async function serveDashboard(http: FastifyInstance, dist: string): Promise<void> {
  await http.register(fastifyStatic, { root: dist, prefix: '/', wildcard: false });
  http.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'route_not_found', message: `No route ${req.method} ${req.url.split('?')[0]}.` } });
  });
}
