import type { Config } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';

/**
 * An ecomdir server process for the crash test: the app with its in-process worker and a
 * short lease, on the configuration the parent test passes in ECOMDIR_TEST_CONFIG. The parent
 * kills it (SIGKILL) in the middle of a sync and starts another one.
 */
const config = JSON.parse(process.env.ECOMDIR_TEST_CONFIG ?? '{}') as Config;
const app = await buildApp({
  ...config,
  jobs: { inProcessWorker: true, leaseMs: 3000, pollMs: 50, heartbeatMs: 500, deadMs: 3000 },
});
process.send?.({ ready: true, worker: app.worker.id });
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
