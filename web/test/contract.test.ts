// The dashboard's API layer takes its types from the generated contract (`src/api/contract.ts`,
// from the server's OpenAPI): a shape written out by hand there is a second copy of a server
// schema that can drift silently. This test reads the API files and fails on one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const SRC = path.resolve(import.meta.dirname, '../src');

/** Hand-written shapes that are the dashboard's own, not a copy of a server schema. */
const ALLOWED = new Set([
  // Reads whatever a failed answer carries (a proxy's page included), before trusting it.
  'api/client.ts:ErrorBody',
  // The orders page's filter state (a packer id or 'none', booleans): turned into the query.
  'api/orders.ts:OrderFilters',
]);

function apiFiles(): string[] {
  const api = fs
    .readdirSync(path.join(SRC, 'api'))
    .filter((f) => f.endsWith('.ts') && f !== 'contract.ts')
    .map((f) => `api/${f}`);
  const features = fs
    .readdirSync(path.join(SRC, 'features'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('-api.ts'))
    .map((f) => `features/${f.split(path.sep).join('/')}`);
  return [...api, ...features];
}

const hasObjectLiteral = (node: ts.TypeNode): boolean =>
  ts.isTypeLiteralNode(node) ||
  ((ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) &&
    node.types.some(hasObjectLiteral)) ||
  (ts.isParenthesizedTypeNode(node) && hasObjectLiteral(node.type)) ||
  (ts.isArrayTypeNode(node) && hasObjectLiteral(node.elementType));

const API_CALLS = new Set(['get', 'post', 'patch', 'del', 'request']);

/** The hand-written shapes of one file: declarations and inline answer types of calls. */
export function handShapes(name: string, text: string): string[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node)) found.push(`${name}:${node.name.text}`);
    if (ts.isTypeAliasDeclaration(node) && hasObjectLiteral(node.type))
      found.push(`${name}:${node.name.text}`);
    if (ts.isCallExpression(node) && node.typeArguments?.some(hasObjectLiteral)) {
      const callee = node.expression;
      const fn = ts.isPropertyAccessExpression(callee) ? callee.name.text : callee.getText(file);
      if (API_CALLS.has(fn)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${name}:${line + 1} ${fn}<{…}>`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('the detector sees an interface, an object type and an inline answer type', () => {
  const sample = `
    export interface Store { id: number }
    export type NewStore = { url: string } & ({ a: 1 } | { b: 2 });
    export type Packer = ApiJson<'/api/packers/{id}', 'get'>;
    export const list = () => api.get<{ items: Store[] }>('/stores');
    export const one = () => api.get<Packer>('/packers/1');`;
  assert.deepEqual(handShapes('x.ts', sample), ['x.ts:Store', 'x.ts:NewStore', 'x.ts:5 get<{…}>']);
});

test('the API files restate no server schema by hand (types come from the contract)', () => {
  const files = apiFiles();
  assert.ok(files.includes('api/orders.ts') && files.includes('features/station/station-api.ts'));
  const shapes = files.flatMap((f) => handShapes(f, fs.readFileSync(path.join(SRC, f), 'utf8')));
  const unexpected = shapes.filter((s) => !ALLOWED.has(s));
  assert.deepEqual(
    unexpected,
    [],
    'derive these from ApiJson/ApiBody/ApiQuery in src/api/contract.ts instead',
  );
  // An allowance that no longer matches anything is removed, so the list stays true.
  assert.deepEqual(
    [...ALLOWED].filter((a) => !shapes.includes(a)),
    [],
  );
});
