import { ConfigError, loadConfig } from './config.js';
import { buildApp } from './http/app.js';
import { keepHeapNearLiveSize } from './runtime/heap.js';

/** Boot: config → database (migrated) → HTTP app. Nothing else lives here. */
async function main(): Promise<void> {
  keepHeapNearLiveSize();
  const config = loadConfig();
  const app = await buildApp(config);
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await app.http.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  const needsOwner = await app.services.accounts.needsOwner();
  // Plain lines for the person who just typed `npm start`; the JSON log follows for machines.
  console.log(`\n  ecomdir is running: http://localhost:${config.port}  (database: ${where})`);
  if (needsOwner) {
    console.log(
      `  No owner yet: open the address above to create one, or run npm run create-owner\n`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
