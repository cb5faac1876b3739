import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The contract's JSON Schema (docs/schemas/unified-order.schema.json), shared with the
 * plugin's test suite: what the server parses from a store must be valid against it.
 */
const schemaFile = path.resolve(
  import.meta.dirname,
  '../../../docs/schemas/unified-order.schema.json',
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
type FormatsPlugin = (ajv: Ajv2020) => unknown;
const addFormats =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);
addFormats(ajv);
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $id: string };
ajv.addSchema(schema);

function validator(ref: string) {
  const v = ajv.getSchema(`${schema.$id}${ref}`);
  if (!v) throw new Error(`no schema ${ref}`);
  return (value: unknown): string[] =>
    v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

export const orderErrors = validator('');
export const ordersPageErrors = validator('#/$defs/orders_page');
export const statusErrors = validator('#/$defs/status');
