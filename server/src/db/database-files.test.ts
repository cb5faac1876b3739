import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openDatabase } from './database.js';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

test('a SQLite file is private; the folder it goes in is created private, an existing one left as it is', async () => {
  const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'ecomdir-shared-'));
  try {
    fs.chmodSync(shared, 0o755);
    const inShared = openDatabase({ kind: 'sqlite', file: path.join(shared, 'a.sqlite') });
    await inShared.destroy();
    // A folder others use (/tmp, a shared volume) keeps its mode: tightening it locked them out.
    assert.equal(mode(shared), 0o755);
    assert.equal(mode(path.join(shared, 'a.sqlite')), 0o600);

    const fresh = path.join(shared, 'data', 'db');
    const inFresh = openDatabase({ kind: 'sqlite', file: path.join(fresh, 'b.sqlite') });
    await inFresh.destroy();
    assert.equal(mode(fresh), 0o700);
    assert.equal(mode(path.join(fresh, 'b.sqlite')), 0o600);
  } finally {
    fs.rmSync(shared, { recursive: true, force: true });
  }
});
