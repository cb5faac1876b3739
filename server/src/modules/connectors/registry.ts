import type { ConnectorKey, ConnectorRegistry, StoreConnector } from './connector.js';
import { connectPluginConnector } from './woocommerce/index.js';
import { wcRestConnector } from './woocommerce-rest/index.js';

/** Every store connector, by key. A ConnectorKey without an entry does not compile. */
const all = {
  woocommerce: connectPluginConnector,
  'woocommerce-rest': wcRestConnector,
} satisfies Record<ConnectorKey, StoreConnector>;

export function buildConnectorRegistry(): ConnectorRegistry {
  return new Map(Object.entries(all) as [ConnectorKey, StoreConnector][]);
}
