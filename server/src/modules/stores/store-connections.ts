import { Invalid } from '../../shared/errors.js';
import type {
  ConnectorKey,
  ConnectorRegistry,
  StoreConnection,
  StoreConnector,
} from '../connectors/connector.js';
import type { FetchPolicy } from '../connectors/safe-fetch.js';
import type { Vault } from './vault.js';

/** Opens connections to stores: picks the connector, unseals and checks the credential. */
export class StoreConnections {
  constructor(
    private readonly registry: ConnectorRegistry,
    readonly vault: Vault,
    private readonly timeoutMs: number,
    private readonly fetchPolicy: FetchPolicy,
  ) {}

  connector(key: string): StoreConnector {
    const c = this.registry.get(key as ConnectorKey);
    if (!c) throw new Invalid('unknown_connector', `No store connector "${key}".`);
    return c;
  }

  /** A connection with a credential not yet stored (connect handshake, adding by hand). */
  withCredentials(key: string, url: string, credentials: unknown): StoreConnection {
    const c = this.connector(key);
    return c.connect(url, c.credentials.parse(credentials), {
      timeoutMs: this.timeoutMs,
      fetch: this.fetchPolicy,
    });
  }

  /** The connection of a stored store; its credential is unsealed only here, only in memory. */
  of(store: { connector: string; url: string; credentials: string | null }): StoreConnection {
    if (!store.credentials)
      throw new Invalid(
        'store_without_credentials',
        'This store has no credential; connect it again.',
      );
    return this.withCredentials(
      store.connector,
      store.url,
      this.vault.openJson<unknown>(store.credentials),
    );
  }
}
