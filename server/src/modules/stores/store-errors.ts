import type { StoreMessage } from '../connectors/connector.js';

/**
 * Why a store could not be verified, as one stable code the dashboard explains in plain words
 * (`errors.<code>`, with what to do): transport failures (StoreUnreachable codes) and the
 * store's own refusals (connector message codes) map onto the same short list.
 */
const BY_CAUSE: Record<string, string> = {
  name_not_found: 'store_name_not_found',
  connection_refused: 'store_connection_refused',
  unreachable: 'store_connection_refused',
  timeout: 'store_timeout',
  tls_error: 'store_tls_error',
  credentials_rejected: 'store_credentials_rejected',
  plugin_missing: 'store_plugin_missing',
  server_error: 'store_server_error',
  bad_answer: 'store_not_json',
  too_large: 'store_answer_too_large',
  address_not_allowed: 'store_address_not_allowed',
};

export const STORE_ERROR_CODES = [...new Set(Object.values(BY_CAUSE)), 'store_refused'];

export function storeErrorCode(m: Pick<StoreMessage, 'code' | 'httpStatus'>): string {
  const known = BY_CAUSE[m.code];
  if (known) return known;
  if (m.httpStatus === 401 || m.httpStatus === 403) return 'store_credentials_rejected';
  return 'store_refused';
}
