import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonBytes } from './json-bytes.js';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = ['Ștefănescu', 'Iași', 'x"y', 'a\\b', 'tab\there', 'line\nbreak', '€', '😀', ''];

function randomValue(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * (depth > 4 ? 5 : 7));
  if (k === 0) return null;
  if (k === 1) return r() < 0.5;
  if (k === 2) return Math.round((r() - 0.5) * 1e6) / 100;
  if (k === 3 || k === 4) return WORDS[Math.floor(r() * WORDS.length)]! + String(r()).slice(2, 6);
  if (k === 5) return Array.from({ length: Math.floor(r() * 30) }, () => randomValue(r, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(r() * 12); i > 0; i--)
    o[`${WORDS[i % WORDS.length]}${i}`] = randomValue(r, depth + 1);
  return o;
}

/** An orders page as large as the real ones (well over the size parsed in one piece). */
function bigPage(r: () => number) {
  return {
    orders: Array.from({ length: 150 }, (_, i) => ({
      id: i,
      billing: { last_name: 'Ștefănescu', note: 'quote " and \\ backslash' },
      items: Array.from({ length: 3 }, () => randomValue(r, 3)),
    })),
    next_cursor: { modified_after: '2026-11-28T10:00:00Z', after_id: 149 },
  };
}

const bytes = (text: string) => Buffer.from(text, 'utf8');

function outcome(f: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    assert.ok(e instanceof SyntaxError, `not a SyntaxError: ${String(e)}`);
    return { error: 'SyntaxError' };
  }
}

describe('parseJsonBytes', () => {
  it('gives what JSON.parse gives, for small and large documents', () => {
    const r = rng(7);
    for (let n = 0; n < 200; n++) {
      const doc = n % 10 === 0 ? bigPage(r) : randomValue(r, 0);
      const text = JSON.stringify(doc, null, n % 3 === 0 ? 2 : undefined);
      assert.deepEqual(parseJsonBytes(bytes(text)), JSON.parse(text));
    }
  });

  it('parses a large answer in pieces and keeps its structure', () => {
    const page = bigPage(rng(1));
    const text = JSON.stringify(page);
    assert.ok(bytes(text).length > 64 * 1024, 'the page is large enough to be walked');
    const parsed = parseJsonBytes(bytes(text)) as typeof page;
    assert.equal(parsed.orders.length, 150);
    assert.equal(parsed.orders[149]?.billing.last_name, 'Ștefănescu');
    assert.deepEqual(parsed.next_cursor, page.next_cursor);
  });

  it('makes "__proto__" an own property, never the prototype', () => {
    const inner = JSON.stringify({ pad: 'x'.repeat(40_000) });
    const text = `{"__proto__": {"polluted": true}, "a": ${inner}}`;
    const parsed = parseJsonBytes(bytes(text)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['__proto__', 'a']);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('drops a byte order mark, as fetch does', () => {
    const text = JSON.stringify(bigPage(rng(3)));
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(text)]);
    assert.deepEqual(parseJsonBytes(withBom), JSON.parse(text));
    assert.deepEqual(parseJsonBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x31])), 1);
  });

  it('throws a SyntaxError wherever a large answer is cut', () => {
    const text = JSON.stringify(bigPage(rng(5)));
    const b = bytes(text);
    for (let cut = 0; cut < b.length; cut += 997)
      assert.throws(() => parseJsonBytes(b.subarray(0, cut)), SyntaxError, `cut at ${cut}`);
    assert.throws(() => parseJsonBytes(bytes(`${text} x`)), SyntaxError);
  });

  it('rejects exactly what JSON.parse rejects when a large answer is damaged', () => {
    const r = rng(11);
    const text = JSON.stringify(bigPage(r), null, 1);
    const b = bytes(text);
    const damage = [0x2c, 0x3a, 0x22, 0x7b, 0x7d, 0x5b, 0x5d, 0x5c, 0x20, 0x78, 0x31];
    for (let n = 0; n < 400; n++) {
      const copy = Buffer.from(b);
      const at = Math.floor(r() * copy.length);
      copy[at] = damage[Math.floor(r() * damage.length)]!;
      assert.deepEqual(
        outcome(() => parseJsonBytes(copy)),
        outcome(() => JSON.parse(copy.toString('utf8'))),
        `byte ${at} set to ${copy[at]}`,
      );
    }
  });
});
