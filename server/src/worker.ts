import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { keepHeapNearLiveSize } from './runtime/heap.js';

/**
 * `npm run worker`: an extra process that only runs jobs and the store poller, for a shop
 * on PostgreSQL that wants more hands (workers claim with FOR UPDATE SKIP LOCKED). On SQLite
 * the server's own worker is enough: one writer at a time.
 */
async function main(): Promise<void> {
  keepHeapNearLiveSize();
  const config = loadConfig();
  const app = await buildApp({ ...config, jobs: { ...config.jobs, inProcessWorker: false } });
  if (app.database.dialect === 'sqlite')
    app.http.log.warn(
      'npm run worker on SQLite: the server already runs jobs; extra workers only queue behind its writes',
    );
  app.startBackground();
  app.http.log.info(`ecomdir worker ${app.worker.id} is running`);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
