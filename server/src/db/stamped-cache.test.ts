import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StampedCache } from './stamped-cache.js';

describe('StampedCache', () => {
  it('answers only while the stamp is the one the value was computed under', () => {
    const cache = new StampedCache(10);
    cache.set('page', '5:1', 'A');
    assert.equal(cache.get('page', '5:1'), 'A');
    assert.equal(cache.get('page', '6:1'), undefined, 'a write since: a miss');
    assert.equal(cache.get('page', '5:1'), undefined, 'and the old entry is gone');
    assert.equal(cache.size, 0);
  });

  it('keeps at most `max` entries, dropping the least recently used', () => {
    const cache = new StampedCache(2);
    cache.set('a', 's', 'A');
    cache.set('b', 's', 'B');
    assert.equal(cache.get('a', 's'), 'A'); // a is now the most recent
    cache.set('c', 's', 'C');
    assert.equal(cache.get('b', 's'), undefined);
    assert.equal(cache.get('a', 's'), 'A');
    assert.equal(cache.get('c', 's'), 'C');
  });

  it('stores nothing when turned off', () => {
    const cache = new StampedCache(0);
    cache.set('a', 's', 'A');
    assert.equal(cache.get('a', 's'), undefined);
  });
});
