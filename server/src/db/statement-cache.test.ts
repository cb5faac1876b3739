import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

describe('the SQLite statement cache', () => {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), (2), (3)');

  it('prepares a statement once and keeps the most recently used', () => {
    const db = withStatementCache(sqlite, 2);
    const a = db.prepare('SELECT 1');
    assert.equal(db.prepare('SELECT 1'), a);
    db.prepare('SELECT 2');
    db.prepare('SELECT 1'); // used again: now the most recent
    db.prepare('SELECT 3'); // drops SELECT 2, the least recently used
    assert.equal(db.prepare('SELECT 1'), a);
    const b = db.prepare('SELECT 2');
    assert.equal(db.prepare('SELECT 2'), b, 'prepared again, then kept');
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const db = withStatementCache(sqlite, 10);
    const text = 'SELECT n FROM t ORDER BY n';
    const rows = db.prepare(text).iterate([]);
    assert.deepEqual(rows.next().value, { n: 1 });
    assert.deepEqual(db.prepare(text).all([]), [{ n: 1 }, { n: 2 }, { n: 3 }]);
    assert.deepEqual([...rows], [{ n: 2 }, { n: 3 }]);
  });

  it('sees a change of schema made after a statement was kept', () => {
    const db = withStatementCache(sqlite, 10);
    const text = 'SELECT * FROM t ORDER BY n LIMIT 1';
    assert.deepEqual(db.prepare(text).all([]), [{ n: 1 }]);
    sqlite.exec("ALTER TABLE t ADD COLUMN label TEXT DEFAULT 'x'");
    assert.deepEqual(db.prepare(text).all([]), [{ n: 1, label: 'x' }]);
  });
});
