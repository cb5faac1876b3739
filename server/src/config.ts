import path from 'node:path';
import { z } from 'zod';
import { parseNetwork } from './shared/networks.js';

/**
 * The one typed configuration, read from the environment and validated at boot.
 * Relative paths are resolved against the folder npm was started from (INIT_CWD), so
 * `npm start` at the repository root keeps its data in `./data/` there.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** The address customers reach ecomdir at: public tracking links (/t/<token>) start with it. */
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      'DATABASE_URL must start with postgres:// (leave it unset for SQLite)',
    )
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when ecomdir is served over HTTPS so session cookies carry the Secure flag. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /**
   * Set when ecomdir runs behind a reverse proxy that sets X-Forwarded-For: only then is the
   * client address (login rate limits) taken from that header, which clients could forge.
   */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Orders-list pages kept in memory, valid until the next write (SQLite only); 0 turns it off. */
  LIST_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(256),
  WEB_DIST: z.string().optional(),
  /** 32 bytes, hex (64 characters) or base64, sealing store credentials; else a key file in DATA_DIR. */
  ECOMDIR_MASTER_KEY: z.string().min(1).optional(),
  /** How far back the first sync of a store goes. */
  SYNC_FIRST_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** How often connected stores are polled for new and changed orders. */
  SYNC_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  /** Run the job worker inside the server process (set false when only `npm run worker` should). */
  ECOMDIR_WORKER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Let stores be on private, loopback and link-local addresses (a shop's own network, tests).
   * Off by default: whoever adds a store chooses the address this server then calls.
   */
  ALLOW_PRIVATE_STORES: z
    .string()
    .default('false')
    .transform((v, ctx) => {
      if (v === 'true' || v === 'false') return v === 'true';
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (list.length > 0 && list.every((n) => parseNetwork(n) !== null)) return list;
      ctx.addIssue({
        code: 'custom',
        message: 'true, false, or a comma-separated list of addresses/CIDRs',
      });
      return z.NEVER;
    }),
  /** The largest answer read from a store, in megabytes. */
  STORE_MAX_ANSWER_MB: z.coerce.number().int().min(1).max(1024).default(16),
  /** A running job not heard from for this long is taken to be orphaned (its process died). */
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How often each job worker writes its heartbeat (table `workers`). */
  WORKER_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** A worker silent this long is dead: its running jobs are taken over by a live worker. */
  WORKER_DEAD_SECONDS: z.coerce.number().int().min(2).max(86_400).default(20),
  /** A store whose credentials are refused (401/403) this many times in a row is paused. */
  STORE_PAUSE_AFTER_REJECTIONS: z.coerce.number().int().min(1).max(1000).default(3),
  /**
   * Where a courier's API is reached instead of its documented host, as `key=url` pairs
   * separated by commas (`fan=https://proxy.local/fan`): an operator's proxy, or tests that serve
   * recorded answers. Set by whoever runs the server, never by a shop.
   */
  COURIER_BASE_URLS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: Record<string, string> = {};
      for (const pair of v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const m = /^([a-z0-9_-]+)=(https?:\/\/\S+)$/.exec(pair);
        if (!m?.[1] || !m[2]) {
          ctx.addIssue({ code: 'custom', message: 'key=https://… pairs separated by commas' });
          return z.NEVER;
        }
        out[m[1]] = m[2];
      }
      return out;
    }),
  /** How long a courier may take to answer one request. */
  COURIER_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
});

export interface Config {
  port: number;
  host: string;
  /** PUBLIC_URL; absent: http://localhost:<port> (tracking links then work only on this machine). */
  publicUrl?: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  trustProxy: boolean;
  sessionDays: number;
  listCacheEntries: number;
  /** Folder of the built dashboard; null when it should not be served (tests, API-only). */
  webDist: string | null;
  /** Login attempts allowed per identifier and per address in the window below. */
  loginRateLimit: { max: number; windowMs: number };
  /** ECOMDIR_MASTER_KEY, or null to use (and on first start create) DATA_DIR/master.key. */
  masterKey: string | null;
  /** What store requests may reach (ALLOW_PRIVATE_STORES) and read (STORE_MAX_ANSWER_MB). */
  storeFetch: { allowPrivate: boolean | string[]; maxBytes: number };
  /** requestTimeoutMs: how long a store may take to answer one request. */
  sync: {
    firstSyncDays: number;
    pollSeconds: number;
    requestTimeoutMs: number;
    /** Credential refusals in a row that pause a store (STORE_PAUSE_AFTER_REJECTIONS). */
    pauseAfterRejections: number;
  };
  /**
   * inProcessWorker: the server runs jobs itself; pollMs: idle wait between claims;
   * heartbeatMs / deadMs: how often workers beat, and the silence after which one is dead.
   */
  /** Couriers' API hosts overridden by the operator (COURIER_BASE_URLS), and the answer timeout. */
  couriers: { baseUrls: Record<string, string>; timeoutMs: number };
  jobs: {
    inProcessWorker: boolean;
    leaseMs: number;
    pollMs: number;
    heartbeatMs: number;
    deadMs: number;
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  const dataDir = path.resolve(base, e.DATA_DIR);
  const repoRoot = path.resolve(import.meta.dirname, '../..');
  return {
    port: e.PORT,
    host: e.HOST,
    ...(e.PUBLIC_URL && { publicUrl: e.PUBLIC_URL.replace(/\/+$/, '') }),
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'ecomdir.sqlite') },
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    sessionDays: e.SESSION_DAYS,
    listCacheEntries: e.LIST_CACHE_ENTRIES,
    webDist: e.WEB_DIST ? path.resolve(base, e.WEB_DIST) : path.join(repoRoot, 'web/dist'),
    loginRateLimit: { max: 10, windowMs: 15 * 60_000 },
    masterKey: e.ECOMDIR_MASTER_KEY ?? null,
    storeFetch: storeFetchOf(e),
    sync: {
      firstSyncDays: e.SYNC_FIRST_DAYS,
      pollSeconds: e.SYNC_POLL_SECONDS,
      requestTimeoutMs: 30_000,
      pauseAfterRejections: e.STORE_PAUSE_AFTER_REJECTIONS,
    },
    couriers: { baseUrls: e.COURIER_BASE_URLS, timeoutMs: e.COURIER_TIMEOUT_SECONDS * 1000 },
    jobs: {
      inProcessWorker: e.ECOMDIR_WORKER,
      leaseMs: e.JOBS_LEASE_SECONDS * 1000,
      pollMs: 1000,
      heartbeatMs: e.WORKER_HEARTBEAT_SECONDS * 1000,
      // A dead worker must be silent for at least two beats, or a slow beat would look like death.
      deadMs: Math.max(e.WORKER_DEAD_SECONDS, 2 * e.WORKER_HEARTBEAT_SECONDS) * 1000,
    },
  };
}

const storeFetchOf = (e: {
  ALLOW_PRIVATE_STORES: boolean | string[];
  STORE_MAX_ANSWER_MB: number;
}) => ({
  allowPrivate: e.ALLOW_PRIVATE_STORES,
  maxBytes: e.STORE_MAX_ANSWER_MB * 1024 * 1024,
});

/**
 * The store fetch policy alone, for connectors used outside a built app (tests, benches);
 * an invalid environment falls back to the safe default.
 */
export function storeFetchFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const r = EnvSchema.pick({ ALLOW_PRIVATE_STORES: true, STORE_MAX_ANSWER_MB: true }).safeParse(
    env,
  );
  return r.success ? storeFetchOf(r.data) : { allowPrivate: false, maxBytes: 16 * 1024 * 1024 };
}
