/**
 * JSON.parse of a UTF-8 answer, without ever making the whole answer one string. A page of
 * 100 orders is about 130 KB, and names with diacritics make it a two-byte string of twice
 * that: V8 puts every string that large straight into the old generation, where only a full
 * collection frees it, so a long sync grew the heap by a page per page. Here a large object
 * or array is walked by its structure, and each of its values small enough is decoded and
 * parsed alone (by JSON.parse, so values are exactly JSON.parse's); the walk checks the
 * structure between them. Invalid or truncated input throws a SyntaxError, as JSON.parse.
 */
const PIECE_BYTES = 16 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Where UTF-8 text starts: after a byte order mark, which fetch's text() drops too. */
export const textStart = (b: Uint8Array): number =>
  b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;

export function parseJsonBytes(bytes: Uint8Array): unknown {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = textStart(b);
  if (b.length - start <= PIECE_BYTES) return JSON.parse(b.toString('utf8', start));
  return new Walk(b, start).document();
}

class Walk {
  constructor(
    private readonly b: Buffer,
    private pos: number,
  ) {}

  document(): unknown {
    this.space();
    const value = this.value();
    this.space();
    if (this.pos !== this.b.length) this.fail();
    return value;
  }

  private value(): unknown {
    const c = this.b[this.pos];
    const end = this.end(this.pos, this.pos + PIECE_BYTES);
    // Not closed within a piece's length: walked, member by member.
    if (end < 0) return c === OPEN_OBJECT ? this.object() : this.array();
    const value: unknown = JSON.parse(this.b.toString('utf8', this.pos, end));
    this.pos = end;
    return value;
  }

  private object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.opens(CLOSE_OBJECT)) return out;
    for (;;) {
      this.space();
      if (this.b[this.pos] !== QUOTE) this.fail();
      const keyEnd = this.stringEnd(this.pos);
      const key = JSON.parse(this.b.toString('utf8', this.pos, keyEnd)) as string;
      this.pos = keyEnd;
      this.space();
      if (this.b[this.pos] !== COLON) this.fail();
      this.pos += 1;
      this.space();
      // An own property even for "__proto__", as JSON.parse makes it.
      Object.defineProperty(out, key, {
        value: this.value(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      if (this.after(CLOSE_OBJECT)) return out;
    }
  }

  private array(): unknown[] {
    const out: unknown[] = [];
    if (this.opens(CLOSE_ARRAY)) return out;
    for (;;) {
      this.space();
      out.push(this.value());
      if (this.after(CLOSE_ARRAY)) return out;
    }
  }

  /** Past the opening bracket: true when the container is empty (and passed too). */
  private opens(close: number): boolean {
    this.pos += 1;
    this.space();
    if (this.b[this.pos] !== close) return false;
    this.pos += 1;
    return true;
  }

  /** After a member: true at the container's end, false after a comma. */
  private after(close: number): boolean {
    this.space();
    const c = this.b[this.pos];
    this.pos += 1;
    if (c === close) return true;
    if (c !== COMMA) this.fail();
    return false;
  }

  /**
   * Where the value starting at `i` ends (brackets matched by depth; JSON.parse checks the
   * rest), or -1 for an object or array still open at `limit`.
   */
  private end(i: number, limit: number): number {
    const b = this.b;
    const c = b[i];
    if (c === QUOTE) return this.stringEnd(i);
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
      let j = i;
      while (j < b.length) {
        const d = b[j];
        if (d === COMMA || d === CLOSE_OBJECT || d === CLOSE_ARRAY || isSpace(d)) break;
        j += 1;
      }
      if (j === i) this.fail(i);
      return j;
    }
    let depth = 0;
    for (let j = i; j < b.length; j += 1) {
      if (j >= limit) return -1;
      const d = b[j];
      if (d === QUOTE) j = this.stringEnd(j) - 1;
      else if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth += 1;
      else if ((d === CLOSE_OBJECT || d === CLOSE_ARRAY) && --depth === 0) return j + 1;
    }
    return this.fail(b.length);
  }

  private stringEnd(i: number): number {
    const b = this.b;
    for (let j = i + 1; j < b.length; j += 1) {
      const d = b[j];
      if (d === BACKSLASH) j += 1;
      else if (d === QUOTE) return j + 1;
    }
    return this.fail(b.length);
  }

  private space(): void {
    while (isSpace(this.b[this.pos])) this.pos += 1;
  }

  private fail(at = this.pos): never {
    throw new SyntaxError(
      at >= this.b.length
        ? 'Unexpected end of JSON input'
        : `Unexpected token in JSON at position ${at}`,
    );
  }
}
