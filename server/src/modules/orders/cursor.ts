import { Invalid } from '../../shared/errors.js';

/**
 * A keyset cursor: the sort key and id of the last row of a page, opaque to clients
 * (base64url JSON). Anything that does not decode to exactly that shape is a 400.
 */
export interface Cursor {
  sort: string;
  value: number;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString('base64url');
}

export function decodeCursor(raw: string, expectedSort: string): Cursor {
  const bad = () =>
    new Invalid(
      'invalid_cursor',
      'The cursor is not valid for this list. Start again from the first page.',
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad();
  const [sort, value, id] = parsed as unknown[];
  if (
    sort !== expectedSort ||
    !Number.isSafeInteger(value) ||
    !Number.isSafeInteger(id) ||
    (id as number) < 1
  )
    throw bad();
  return { sort, value: value as number, id: id as number };
}
