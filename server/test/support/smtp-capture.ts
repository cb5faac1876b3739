import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the test SMTP server accepted, decoded enough to check its figures. */
export interface CapturedMail {
  /** The login used (the test checks the right credentials were sent). */
  user: string | null;
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpCapture {
  port: number;
  messages: CapturedMail[];
  /** Resolves when `n` messages have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<CapturedMail[]>;
  close(): Promise<void>;
}

/**
 * A local SMTP server on 127.0.0.1 (a free port) that requires a login (PLAIN / LOGIN, no TLS)
 * and keeps every message; `user` / `pass` is the only login it accepts.
 */
export async function startSmtpCapture(user: string, pass: string): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === pass) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          user: typeof session.user === 'string' ? session.user : null,
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(raw),
          raw,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    async waitFor(n, ms = 10_000) {
      const until = Date.now() + ms;
      while (messages.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / B) of a header, adjacent words joined. */
function decodeWords(s: string): string {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : qp(data.replace(/_/g, ' ')),
    );
}

function qp(s: string): string {
  const bytes: number[] = [];
  const t = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
      bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(t[i] ?? '', 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function headerOf(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return m?.[1]?.trim() ?? '';
}

function splitHead(part: string): [string, string] {
  const i = part.search(/\r?\n\r?\n/);
  if (i < 0) return [part, ''];
  const sep = /\r?\n\r?\n/.exec(part.slice(i))?.[0].length ?? 2;
  return [part.slice(0, i), part.slice(i + sep)];
}

function bodyOf(head: string, body: string): string {
  const enc = headerOf(head, 'Content-Transfer-Encoding').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return qp(body);
  return body;
}

function parseMail(raw: string): { subject: string; text: string; html: string } {
  const [head, body] = splitHead(raw);
  const subject = decodeWords(headerOf(head, 'Subject'));
  const out = { subject, text: '', html: '' };
  const type = headerOf(head, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  const parts = boundary
    ? body.split(`--${boundary}`).slice(1, -1).map(splitHead)
    : [[head, body] as [string, string]];
  for (const [h, b] of parts) {
    const t = headerOf(h, 'Content-Type').toLowerCase();
    if (t.startsWith('text/plain')) out.text = bodyOf(h, b).replace(/\r\n/g, '\n').trimEnd();
    if (t.startsWith('text/html')) out.html = bodyOf(h, b);
  }
  return out;
}
