// Both catalogs must be complete: same keys (plural forms aside) and every key the code uses.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };

type Catalog = { [key: string]: string | Catalog };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const baseKeys = (m: Map<string, string>) =>
  new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const enKeys = flatten(en);
const roKeys = flatten(ro);

test('Romanian and English catalogs have the same keys', () => {
  const e = baseKeys(enKeys);
  const r = baseKeys(roKeys);
  assert.deepEqual(
    [...e].filter((k) => !r.has(k)),
    [],
    'missing in ro.json',
  );
  assert.deepEqual(
    [...r].filter((k) => !e.has(k)),
    [],
    'missing in en.json',
  );
});

test('no empty translations', () => {
  for (const [k, v] of [...enKeys, ...roKeys]) assert.ok(v.trim(), `empty translation ${k}`);
});

test('every static key used by the code exists in both catalogs', () => {
  const srcDir = path.join(import.meta.dirname, '../src');
  const files = fs.readdirSync(srcDir, { recursive: true, encoding: 'utf8' });
  const used = new Set<string>();
  for (const f of files) {
    if (!/\.tsx?$/.test(f)) continue;
    const text = fs.readFileSync(path.join(srcDir, f), 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
  }
  assert.ok(used.size > 100, 'the key scan found too few keys');
  for (const [name, cat] of [
    ['en', baseKeys(enKeys)],
    ['ro', baseKeys(roKeys)],
  ] as const) {
    const missing = [...used].filter((k) => !cat.has(k));
    assert.deepEqual(missing, [], `keys missing in ${name}.json`);
  }
});
