import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor } from './cursor.js';

const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const refused = (s: string, sort = 'created_at') =>
  assert.throws(() => decodeCursor(s, sort), {
    code: 'invalid_cursor',
    message: 'The cursor is not valid for this list. Start again from the first page.',
  });

describe('keyset cursor (pure)', () => {
  it('round-trips the sort key and id', () => {
    const c = { sort: 'total', value: -5, id: 1 };
    assert.deepEqual(decodeCursor(encodeCursor(c), 'total'), c);
    assert.deepEqual(decodeCursor(raw(['created_at', 0, 9]), 'created_at'), {
      sort: 'created_at',
      value: 0,
      id: 9,
    });
  });

  it('refuses another sort, a wrong shape, unsafe numbers and ids below 1', () => {
    refused(encodeCursor({ sort: 'total', value: 1, id: 1 }));
    refused(raw(['created_at', 1]));
    refused(raw(['created_at', 1, 2, 3]));
    refused(raw({ sort: 'created_at', value: 1, id: 1 }));
    refused(raw(['created_at', 1.5, 1]));
    refused(raw(['created_at', 1, 0]));
    refused(raw(['created_at', 1, -1]));
    refused(raw(['created_at', 2 ** 53, 1]));
    refused(raw(['created_at', '1', 1]));
    refused(raw(['created_at', 1, '1']));
    refused('not base64 json');
  });
});
