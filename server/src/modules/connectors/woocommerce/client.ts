import {
  type HttpAnswer,
  type RequestOptions,
  basicAuth,
  httpRequest,
  trimSlash,
} from '../http.js';

/** HTTP and auth only: the ecomdir Connect plugin's REST namespace with an Application Password. */
export class ConnectPluginClient {
  private readonly base: string;
  private readonly auth: string;

  constructor(
    storeUrl: string,
    user: string,
    password: string,
    private readonly opts: RequestOptions,
  ) {
    this.base = `${trimSlash(storeUrl)}/wp-json/ecomdir/v1/`;
    // WordPress shows application passwords in groups of four; the spaces are optional.
    this.auth = basicAuth(user, password.replace(/\s+/g, ''));
  }

  get(path: string, query: Record<string, string | number> = {}): Promise<HttpAnswer> {
    const qs = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(v)]),
    ).toString();
    return httpRequest(`${this.base}${path}${qs ? `?${qs}` : ''}`, {
      method: 'GET',
      headers: { authorization: this.auth },
      ...this.opts,
    });
  }

  post(path: string, body: unknown): Promise<HttpAnswer> {
    return httpRequest(`${this.base}${path}`, {
      method: 'POST',
      headers: { authorization: this.auth },
      body,
      ...this.opts,
    });
  }
}
