import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';
import { buildApp } from '../../http/app.js';
import { startFakeStore } from '../../../test/support/fake-store.js';
import { createTestDatabase, testConfig } from '../../../test/support/test-db.js';
import { ownerClient } from '../../../test/support/test-app.js';
import { Vault, VaultError } from './vault.js';

const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '../../..');

describe('credential vault', () => {
  it('seals with AES-256-GCM: round trip, fresh IV each time, tampering detected, key named', () => {
    const v = Vault.fromKeys(crypto.randomBytes(32));
    const a = v.seal('parola secretă');
    assert.notEqual(a, v.seal('parola secretă'));
    assert.equal(v.open(a), 'parola secretă');
    assert.ok(!a.includes('parola'));
    const parts = a.split('.');
    parts[4] = Buffer.from('x').toString('base64url') + (parts[4] ?? '').slice(2);
    assert.throws(() => v.open(parts.join('.')), VaultError);
    assert.throws(
      () => Vault.fromKeys(crypto.randomBytes(32)).open(a),
      /which this server does not have/,
    );
  });

  it('creates the key file with mode 0600 on first start, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-vault-'));
    try {
      const sealed = Vault.open(dir, null).seal('x');
      assert.equal(fs.statSync(path.join(dir, 'master.key')).mode & 0o777, 0o600);
      assert.equal(Vault.open(dir, null).open(sealed), 'x');
      assert.throws(() => Vault.open(dir, 'too-short'), /32 bytes/);
      const hex = crypto.randomBytes(32).toString('hex');
      assert.equal(Vault.open(dir, hex).open(Vault.open(dir, hex).seal('y')), 'y');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('npm run rotate-key re-seals every credential under a new key; the store still syncs', async () => {
    const db = await createTestDatabase();
    const database =
      db.database.kind === 'sqlite'
        ? { kind: 'sqlite' as const, file: path.join(db.dataDir, 'ecomdir.sqlite') }
        : db.database;
    const store = await startFakeStore({ orders: 2 });
    try {
      let app = await buildApp(testConfig(db, { database }));
      const owner = await ownerClient(app);
      const res = await owner.post('/api/stores', {
        connector: 'woocommerce',
        url: store.url,
        app_password: store.password,
      });
      const id = res.json<{ id: number }>().id;
      const before = await app.database.db
        .selectFrom('stores')
        .select('credentials')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const oldKey = fs.readFileSync(path.join(db.dataDir, 'master.key'), 'utf8');
      await app.close();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: db.dataDir,
        INIT_CWD: serverDir,
        ...(database.kind === 'postgres' ? { DATABASE_URL: database.url } : {}),
      };
      delete env.ECOMDIR_MASTER_KEY;
      const out = await run(process.execPath, ['--import', 'tsx', 'src/cli/rotate-key.ts'], {
        cwd: serverDir,
        env,
      });
      assert.match(out.stdout, /Re-sealed 1 store credential/);
      assert.notEqual(fs.readFileSync(path.join(db.dataDir, 'master.key'), 'utf8'), oldKey);
      assert.ok(!fs.existsSync(path.join(db.dataDir, 'master.key.next')));
      app = await buildApp(testConfig(db, { database }));
      const after = await app.database.db
        .selectFrom('stores')
        .select('credentials')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.notEqual(
        after.credentials?.split('.')[1],
        before.credentials?.split('.')[1],
        'sealed under another key',
      );
      await app.worker.runUntilIdle();
      assert.equal(
        (
          await app.database.db
            .selectFrom('orders')
            .select('id')
            .where('store_id', '=', id)
            .execute()
        ).length,
        2,
      );
      await app.close();
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
