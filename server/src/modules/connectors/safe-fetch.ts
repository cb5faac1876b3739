import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { addressAllowed } from '../../shared/networks.js';
import { isPrivateAddress } from './address-policy.js';
import { StoreUnreachable } from './connector.js';

/**
 * What a store request may do: reach private addresses (ALLOW_PRIVATE_STORES: all of them,
 * or only those in a list of addresses/CIDRs), and read how much.
 */
export interface FetchPolicy {
  allowPrivate: boolean | string[];
  maxBytes: number;
}

const allowed = (address: string, policy: FetchPolicy) =>
  !isPrivateAddress(address) ||
  policy.allowPrivate === true ||
  (Array.isArray(policy.allowPrivate) && addressAllowed(address, policy.allowPrivate));

export interface SafeRequest {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

const MAX_REDIRECTS = 5;

/**
 * The store's address, resolved once and checked: the connection then goes to exactly this
 * address (pinned), so a name that resolves to a public address when checked and to a
 * private one when connecting (DNS rebinding) reaches nothing.
 */
async function resolveChecked(
  hostname: string,
  policy: FetchPolicy,
): Promise<{ address: string; family: number }> {
  const host = hostname.replace(/^\[|\]$/g, '');
  let all: { address: string; family: number }[];
  if (net.isIP(host)) all = [{ address: host, family: net.isIP(host) }];
  else {
    try {
      all = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch {
      throw new StoreUnreachable('name_not_found', `The name ${host} was not found.`);
    }
  }
  const first = all[0];
  if (!first) throw new StoreUnreachable('name_not_found', `The name ${host} was not found.`);
  // Every address of the name must be allowed: any of them could be the one connected to.
  if (!all.every((a) => allowed(a.address, policy)))
    throw new StoreUnreachable(
      'address_not_allowed',
      `${host} is a private or local address, which stores may not use.`,
    );
  return first;
}

const TLS = /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/;

/** A transport failure as a stable code; the same words for a closed port and a silent one. */
function transportError(err: unknown, where: string): StoreUnreachable {
  if (err instanceof StoreUnreachable) return err;
  const code = (err as { code?: unknown }).code;
  const c = typeof code === 'string' ? code : '';
  if (TLS.test(c))
    return new StoreUnreachable(
      'tls_error',
      `${where}: the store's HTTPS certificate is not valid.`,
    );
  if (c === 'ENOTFOUND' || c === 'EAI_AGAIN')
    return new StoreUnreachable('name_not_found', `${where}: the store's name was not found.`);
  return new StoreUnreachable(
    'connection_refused',
    `${where}: the store did not accept the connection.`,
  );
}

interface RawAnswer {
  status: number;
  location: string | undefined;
  bytes: Buffer;
}

function once(
  url: URL,
  pinned: { address: string; family: number },
  req: SafeRequest,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<RawAnswer> {
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise<RawAnswer>((resolve, reject) => {
    const r = mod.request(
      url,
      {
        method: req.method,
        headers: {
          ...req.headers,
          ...(req.body !== undefined && { 'content-length': String(Buffer.byteLength(req.body)) }),
        },
        signal,
        // Connect to the address that was checked, whatever the name resolves to now.
        lookup: (_host, opts, cb) => {
          if ((opts as { all?: boolean }).all)
            (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
              pinned,
            ]);
          else cb(null, pinned.address, pinned.family);
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = status >= 300 && status < 400 ? res.headers.location : undefined;
        if (location) {
          res.resume();
          resolve({ status, location, bytes: Buffer.alloc(0) });
          return;
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        const tooLarge = () =>
          new StoreUnreachable(
            'too_large',
            `The store's answer is larger than ${policy.maxBytes} bytes.`,
          );
        if (declared > policy.maxBytes) {
          res.destroy();
          reject(tooLarge());
          return;
        }
        // Streamed, and cut off at the cap: a huge answer is never held whole.
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > policy.maxBytes) {
            res.destroy();
            reject(tooLarge());
            return;
          }
          chunks.push(c);
        });
        res.on('end', () => resolve({ status, location: undefined, bytes: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/**
 * One exchange with a store: only http(s), the address checked after DNS and pinned, every
 * redirect checked the same way (and the credential dropped when it leaves the origin), the
 * answer capped at `policy.maxBytes`, one deadline for the whole exchange.
 */
export async function safeFetch(
  rawUrl: string,
  req: SafeRequest,
  policy: FetchPolicy,
): Promise<{ status: number; bytes: Buffer }> {
  const signal = AbortSignal.timeout(req.timeoutMs);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new StoreUnreachable('address_not_allowed', 'The store address is not a valid URL.');
  }
  let current = { ...req, headers: { ...req.headers } };
  const origin = url.origin;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new StoreUnreachable(
        'address_not_allowed',
        'Only http and https store addresses work.',
      );
    const where = `${current.method} ${url.origin}${url.pathname}`;
    try {
      const pinned = await resolveChecked(url.hostname, policy);
      if (signal.aborted) throw signal.reason;
      const a = await once(url, pinned, current, policy, signal);
      if (!a.location) return { status: a.status, bytes: a.bytes };
      if (hop >= MAX_REDIRECTS)
        throw new StoreUnreachable('connection_refused', `${where}: too many redirects.`);
      url = new URL(a.location, url);
      // As fetch does: 303, and 301/302 after a POST, continue as GET without the body.
      if (a.status === 303 || ((a.status === 301 || a.status === 302) && current.method !== 'GET'))
        current = { ...current, method: 'GET', body: undefined };
      if (url.origin !== origin) {
        const headers = { ...current.headers };
        delete headers.authorization;
        current = { ...current, headers };
      }
    } catch (err) {
      const name = err instanceof Error ? err.name : '';
      if (signal.aborted || name === 'TimeoutError' || name === 'AbortError')
        throw new StoreUnreachable('timeout', `${where}: no answer within ${req.timeoutMs} ms`);
      throw transportError(err, where);
    }
  }
}
