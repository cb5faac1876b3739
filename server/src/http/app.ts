import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { accountsRoutes } from '../modules/accounts/accounts.routes.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { teamRoutes } from '../modules/accounts/team.routes.js';
import { TeamService } from '../modules/accounts/team.service.js';
import { ordersRoutes } from '../modules/orders/orders.routes.js';
import { OrdersService } from '../modules/orders/orders.service.js';
import { packersRoutes } from '../modules/packers/packers.routes.js';
import { PackersService } from '../modules/packers/packers.service.js';
import { storesRoutes } from '../modules/stores/stores.routes.js';
import type { JobHandlers } from '../jobs/job-kinds.js';
import { every } from '../jobs/scheduler.js';
import { JobWorker } from '../jobs/worker.js';
import { buildConnectorRegistry } from '../modules/connectors/registry.js';
import { StoreConnections } from '../modules/stores/store-connections.js';
import { StoresService } from '../modules/stores/stores.service.js';
import { setPauseAfterRejections } from '../modules/stores/stores.repo.js';
import { Vault } from '../modules/stores/vault.js';
import { POLL_TICK_SECONDS, SyncService } from '../modules/sync/sync.service.js';
import { StoreWriteback } from '../modules/sync/writeback.js';
import { boundaryRoutes } from '../modules/sync/boundary.routes.js';
import { StoreBoundaryService } from '../modules/sync/boundary.service.js';
import { distributionRoutes } from '../modules/distribution/distribution.routes.js';
import { DistributionService } from '../modules/distribution/distribution.service.js';
import { startShiftWatch } from '../modules/distribution/shift-watch.js';
import { createEventBus, type EventBus } from '../modules/events/event-bus.js';
import { eventsRoutes } from '../modules/events/events.routes.js';
import { packingRoutes } from '../modules/packing/packing.routes.js';
import { PackingService } from '../modules/packing/packing.service.js';
import type { Courier } from '../modules/shipping/couriers/courier.js';
import { builtinCouriers } from '../modules/shipping/couriers/builtin.js';
import { ownCourier } from '../modules/shipping/couriers/own/index.js';
import { CourierRegistry } from '../modules/shipping/couriers/registry.js';
import { CourierAccounts } from '../modules/shipping/courier-accounts.js';
import { CourierSetup } from '../modules/shipping/courier-setup.js';
import { ShipmentMaker } from '../modules/shipping/generate-shipment.js';
import { ShipmentBatches } from '../modules/shipping/bulk-shipments.js';
import type { RenderLabels } from '../modules/shipping/labels/label-data.js';
import { renderLabels } from '../modules/shipping/labels/render.js';
import { type RenderSlips, renderSlips } from '../modules/shipping/slips.js';
import { shippingRoutes } from '../modules/shipping/shipping.routes.js';
import { ShippingService } from '../modules/shipping/shipping.service.js';
import { readShippingSettings } from '../modules/shipping/shipping-settings.js';
import { ShipmentTracker } from '../modules/shipping/track-shipments.js';
import { checkLatePacking } from '../modules/penalties/late-packing.js';
import { penaltiesRoutes } from '../modules/penalties/penalties.routes.js';
import { PenaltiesService } from '../modules/penalties/penalties.service.js';
import {
  onAwbCancelledForPackingError,
  onScanMismatch,
} from '../modules/penalties/penalty-rules.js';
import { PenaltyPhotos } from '../modules/penalties/penalty-photos.js';
import { PenaltyReports } from '../modules/penalties/penalty-reports.js';
import { reportsRoutes } from '../modules/reports/reports.routes.js';
import { ReportsService, refreshDirtyAccounts } from '../modules/reports/reports.service.js';
import { Nomenclature } from '../modules/shipping/nomenclature/nomenclature.service.js';
import { nomenclatureRoutes } from '../modules/shipping/nomenclature/nomenclature.routes.js';
import { codRoutes } from '../modules/shipping/cod/cod.routes.js';
import { CodService } from '../modules/shipping/cod/cod.service.js';
import { registerSessionLoading } from './auth.js';
import { registerErrorHandling } from './errors.js';
import { redactUrl, registerSecurityHeaders } from './security-headers.js';
import { registerTextSafety } from './text-safety.js';
import { healthRoutes } from './health.js';
import { registerOpenApi } from './openapi.js';

export interface Services {
  accounts: AccountsService;
  packers: PackersService;
  orders: OrdersService;
  distribution: DistributionService;
  packing: PackingService;
  /** Live updates (SSE); publish inside the transaction that makes the change. */
  events: EventBus;
  stores: StoresService;
  sync: SyncService;
  shipping: ShippingService;
  shipmentTracker: ShipmentTracker;
  penalties: PenaltiesService;
  nomenclature: Nomenclature;
  cod: CodService;
  reports: ReportsService;
}

export interface App {
  http: FastifyInstance;
  database: Database;
  services: Services;
  /** The job worker; started by buildApp when config.jobs.inProcessWorker, else run by hand. */
  worker: JobWorker;
  /** Starts the worker loop and the store poller (what `npm run worker` runs). */
  startBackground(): void;
  close(): Promise<void>;
}

/**
 * Wires everything in one visible place: database, migrations, services, routes.
 * Tests call this same function with a test configuration.
 */
export async function buildApp(
  config: Config,
  opts: {
    logStream?: NodeJS.WritableStream;
    /** Renders labels (PDF A6 / A4×4, ZPL); default a plain-text stand-in until labels/ lands. */
    renderLabels?: RenderLabels;
    /** Renders picking lists and packing slips; default a plain-text stand-in. */
    renderSlips?: RenderSlips;
    /** Couriers besides the built-in ones (tests add scripted couriers here). */
    couriers?: Courier[];
  } = {},
): Promise<App> {
  setPauseAfterRejections(config.sync.pauseAfterRejections);
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);

  const events = await createEventBus(
    database,
    config.database.kind === 'postgres' ? config.database.url : null,
  );
  const distribution = new DistributionService(database, events);
  const accounts = new AccountsService(database.db, {
    sessionDays: config.sessionDays,
    loginRateLimit: config.loginRateLimit,
  });
  const vault = Vault.open(config.dataDir, config.masterKey);
  // Stores, sync and the store write-back share the vault and the connector registry.
  const connections = new StoreConnections(
    buildConnectorRegistry(),
    vault,
    config.sync.requestTimeoutMs,
    config.storeFetch,
  );
  // The configured first-sync days and poll interval are the defaults of every store
  // without its own (set in the dashboard).
  const sync = new SyncService(database, connections, {
    firstSyncDays: config.sync.firstSyncDays,
    pollSeconds: config.sync.pollSeconds,
    pageSize: 100,
  });
  // Newly synced orders go through distribution in the transaction that stores them, one
  // engine run per page (the engine takes many orders; per order it would cost ten times more).
  sync.setNewOrdersHook(distribution.onOrdersWritten);
  // Changes of known orders follow the lifecycle table (distribution, live updates).
  sync.setChangedOrdersHook(distribution.onStoreChanges);
  // Shipping: the couriers in one registry (the core never imports an adapter), their logins
  // sealed by the same vault as store credentials.
  const couriers = new CourierRegistry([
    ownCourier({
      db: database.db,
      renderLabels: opts.renderLabels ?? renderLabels,
      prefixOf: async (accountId) =>
        (await readShippingSettings(database.db, accountId)).own_awb_prefix,
    }),
    ...builtinCouriers(config.couriers),
    ...(opts.couriers ?? []),
  ]);
  const courierAccounts = new CourierAccounts(database.db, vault);
  const publicUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  // Couriers' localities (public data, cached per courier and county) and recipients matched.
  const nomenclature: Nomenclature = new Nomenclature(
    database.db,
    couriers,
    (a, c) => courierAccounts.contextOf(a, c),
    (a, o): Promise<string | null> => shipmentMaker.plannedCourier(a, o),
  );
  const shipmentMaker = new ShipmentMaker({
    db: database.db,
    couriers,
    events,
    contextOf: (accountId, courier) => courierAccounts.contextOf(accountId, courier),
    trackingPage: (token) => `${publicUrl}/t/${token}`,
    destinationFor: (accountId, orderId, courier, r) =>
      nomenclature.destinationFor(accountId, orderId, courier, {
        county: r.county,
        city: r.city,
        postcode: r.postcode ?? null,
        address1: r.address1,
        address2: r.address2 ?? null,
      }),
  });
  const shipmentTracker = new ShipmentTracker(database.db, couriers, events, (a, c) =>
    courierAccounts.contextOf(a, c),
  );
  const courierSetup = new CourierSetup(database.db, couriers, courierAccounts);
  const shipmentBatches = new ShipmentBatches(database.db, shipmentMaker, events);
  const writeback = new StoreWriteback(database.db, connections, sync.afterChanges, events);
  const connectLimit = {
    max: config.loginRateLimit.max * 3,
    windowMs: config.loginRateLimit.windowMs,
  };
  const services: Services = {
    accounts,
    packers: new PackersService(database.db, {
      onAvailabilityChanged: distribution.onPackerChanged,
      onSessionsRevoked: (userId) => accounts.forgetUserSessions(userId),
    }),
    orders: new OrdersService(database, {
      onOrderSaved: distribution.onOrderSaved,
      listCacheEntries: config.listCacheEntries,
    }),
    distribution,
    // An order packed at the station gets its AWB queued when the shipping setting says so.
    // A wrong scan lets the penalty rule propose in the scan's transaction.
    packing: new PackingService(database, events, shipmentBatches.onPacked, (trx, m) =>
      onScanMismatch(trx, events, m),
    ),
    events,
    stores: new StoresService(
      database,
      accounts,
      connections,
      connectLimit,
      config.sync,
      config.jobs.deadMs,
    ),
    sync,
    shipping: new ShippingService(
      database.db,
      couriers,
      shipmentMaker,
      courierAccounts,
      events,
      shipmentBatches,
      opts.renderSlips ?? renderSlips,
      courierSetup,
      opts.renderLabels ?? renderLabels,
    ),
    shipmentTracker,
    penalties: new PenaltiesService(database, events),
    nomenclature,
    cod: new CodService(database.db, couriers, (a, c) => courierAccounts.contextOf(a, c)),
    reports: new ReportsService(database.db),
  };
  // An AWB cancelled for a packing error lets the penalty rule propose in the same transaction.
  services.shipping.setPackingErrorHook((trx, c) => onAwbCancelledForPackingError(trx, events, c));

  const http = Fastify({
    logger: {
      level: config.logLevel,
      // Request bodies are never logged; these headers would carry secrets.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
      // Query strings are logged without their values (customers' names in searches).
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.ip,
        }),
      },
      // Tests capture the log to prove that secrets never reach it.
      ...(opts.logStream && { stream: opts.logStream }),
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    // Fastify's own request lines come at `info` and bury what an operator needs; one line
    // per answered request at `debug` instead (LOG_LEVEL=debug shows them).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  http.addHook('onResponse', async (req, reply) => {
    req.log.debug(
      {
        method: req.method,
        // Parameter names kept, values dropped (customers' names and phones in searches).
        url: redactUrl(req.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  const dashboard = config.webDist && fs.existsSync(path.join(config.webDist, 'index.html'));
  // Client-side routes of the dashboard (/orders/12, …) are answered with its index.html.
  registerErrorHandling(http, (req, reply) =>
    dashboard && req.method === 'GET' && !req.url.startsWith('/api/')
      ? reply.sendFile('index.html')
      : undefined,
  );
  await http.register(cookie);
  registerTextSafety(http);
  registerSecurityHeaders(http);
  await registerOpenApi(http);
  registerSessionLoading(http, services.accounts);

  await http.register(
    async (api) => {
      await api.register(healthRoutes(database, config.jobs.deadMs));
      await api.register(accountsRoutes(services.accounts, config.cookieSecure));
      await api.register(teamRoutes(new TeamService(database.db, services.accounts)));
      await api.register(packersRoutes(services.packers));
      await api.register(ordersRoutes(services.orders));
      await api.register(storesRoutes(services.stores));
      await api.register(boundaryRoutes(new StoreBoundaryService(database.db)));
      await api.register(distributionRoutes(services.distribution));
      await api.register(packingRoutes(services.packing));
      await api.register(eventsRoutes(events));
      await api.register(shippingRoutes(services.shipping));
      await api.register(
        penaltiesRoutes(
          services.penalties,
          new PenaltyReports(database.db),
          new PenaltyPhotos(database.db, config.dataDir),
        ),
      );
      await api.register(nomenclatureRoutes(services.nomenclature));
      await api.register(codRoutes(services.cod));
      await api.register(reportsRoutes(services.reports));
    },
    { prefix: '/api' },
  );

  if (dashboard && config.webDist) {
    await http.register(fastifyStatic, { root: config.webDist, prefix: '/', wildcard: false });
  }

  const jobHandlers = {
    'store.sync': async (p, ctx) => void (await services.sync.syncStore(p.store_id, ctx.heartbeat)),
    'store.reconcile': (p, ctx) => services.sync.reconcile(p.store_id, ctx.heartbeat),
    'store.push_assignment': (p) => writeback.pushAssignment(p),
    'store.push_shipment': (p) => writeback.pushShipment(p),
    'shipment.track': (p) => shipmentTracker.track(p.shipment_id),
    'shipment.generate': (p) => shipmentBatches.run(p),
    'nomenclature.refresh': (p) => nomenclature.refresh(p),
    'courier.refresh_lockers': (p, ctx) => courierSetup.refreshLockersJob(ctx.accountId, p.courier),
    'cod.import': (p) => services.cod.runImport(p.import_id),
  } satisfies JobHandlers;
  const worker = new JobWorker(database.db, database.dialect, jobHandlers, config.jobs, http.log);
  let poller: { stop(): void } | null = null;
  let shiftWatch: { stop(): void } | null = null;
  let trackingTick: { stop(): void } | null = null;
  let latePackingTick: { stop(): void } | null = null;
  let nomenclatureTick: { stop(): void } | null = null;
  let lockersTick: { stop(): void } | null = null;
  let codTick: { stop(): void } | null = null;
  let reportsTick: { stop(): void } | null = null;
  const startBackground = () => {
    worker.start();
    // Shift ends and starts: redistribute and retry the Unassigned queue every minute.
    shiftWatch ??= startShiftWatch(services.distribution, (err) =>
      http.log.error({ err }, 'distribution check failed'),
    );
    // Shipments whose courier is due to be asked about them become tracking jobs.
    trackingTick ??= every(
      60,
      async () => void (await shipmentTracker.enqueueDue()),
      (err) => http.log.error({ err }, 'tracking tick failed'),
    );
    // Penalties: orders confirmed and not packed in time (working hours of the shifts).
    latePackingTick ??= every(
      300,
      async () => void (await checkLatePacking(database.db, events, Date.now())),
      (err) => http.log.error({ err }, 'late packing check failed'),
    );
    // Couriers' locality lists older than 7 days are fetched again (hourly check).
    nomenclatureTick ??= every(
      3600,
      async () => void (await nomenclature.enqueueStale()),
      (err) => http.log.error({ err }, 'nomenclature refresh tick failed'),
    );
    // The couriers' locker lists: checked hourly, each read again once it is a day old.
    lockersTick ??= every(
      3600,
      async () => void (await courierSetup.enqueueStaleLockers()),
      (err) => http.log.error({ err }, 'lockers refresh failed'),
    );
    // COD settlements by courier API: hourly tick, each account and courier read once a day.
    codTick ??= every(
      3600,
      async () => void (await services.cod.enqueueDaily()),
      (err) => http.log.error({ err }, 'COD settlements tick failed'),
    );
    // Reports: accounts with changes get their rollups refreshed, so the morning's first read is warm.
    reportsTick ??= every(
      60,
      async () =>
        void (await refreshDirtyAccounts(database.db, (err, accountId) =>
          http.log.error({ err, accountId }, 'reports refresh failed'),
        )),
      (err) => http.log.error({ err }, 'reports refresh tick failed'),
    );
    // Ticks often; each store is synced when its own interval has passed (one cheap query).
    poller ??= every(
      POLL_TICK_SECONDS,
      () => services.sync.enqueueSyncs(),
      (err) => http.log.error({ err }, 'store poller failed'),
    );
  };
  if (config.jobs.inProcessWorker) startBackground();

  return {
    http,
    database,
    services,
    worker,
    startBackground,
    async close() {
      poller?.stop();
      shiftWatch?.stop();
      trackingTick?.stop();
      latePackingTick?.stop();
      nomenclatureTick?.stop();
      lockersTick?.stop();
      codTick?.stop();
      reportsTick?.stop();
      await worker.stop();
      await http.close();
      await events.close();
      await database.destroy();
    },
  };
}
