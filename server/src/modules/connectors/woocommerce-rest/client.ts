import crypto from 'node:crypto';
import {
  type HttpAnswer,
  type RequestOptions,
  basicAuth,
  httpRequest,
  trimSlash,
} from '../http.js';

const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * HTTP and auth only: WooCommerce's wc/v3 API with a consumer key and secret. Over HTTPS
 * WooCommerce takes them as Basic Auth; over plain HTTP it insists on OAuth 1.0a signatures
 * (one-legged, HMAC-SHA1), which is what a shop on http:// gets here.
 */
export class WcRestClient {
  private readonly base: string;

  constructor(
    storeUrl: string,
    private readonly key: string,
    private readonly secret: string,
    private readonly opts: RequestOptions,
  ) {
    this.base = `${trimSlash(storeUrl)}/wp-json/wc/v3/`;
  }

  request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    query: Record<string, string | number> = {},
    body?: unknown,
  ): Promise<HttpAnswer> {
    const url = `${this.base}${path}`;
    const params: Record<string, string> = Object.fromEntries(
      Object.entries(query).map(([k, v]) => [k, String(v)]),
    );
    const headers: Record<string, string> = {};
    if (url.startsWith('https://')) headers.authorization = basicAuth(this.key, this.secret);
    else Object.assign(params, this.oauth(method, url, params));
    const qs = new URLSearchParams(params).toString();
    return httpRequest(`${url}${qs ? `?${qs}` : ''}`, {
      method,
      headers,
      body,
      ...this.opts,
    });
  }

  private oauth(
    method: string,
    url: string,
    params: Record<string, string>,
  ): Record<string, string> {
    const o: Record<string, string> = {
      oauth_consumer_key: this.key,
      oauth_nonce: crypto.randomBytes(16).toString('hex'),
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: String(Math.floor(Date.now() / 1000)),
      oauth_version: '1.0',
    };
    const all = { ...params, ...o };
    const normalized = Object.keys(all)
      .sort()
      .map((k) => `${rfc3986(k)}=${rfc3986(all[k] ?? '')}`)
      .join('&');
    const base = [method, rfc3986(url), rfc3986(normalized)].join('&');
    // WooCommerce signs with the secret followed by '&' (no token secret, one-legged).
    o.oauth_signature = crypto.createHmac('sha1', `${this.secret}&`).update(base).digest('base64');
    return o;
  }
}
