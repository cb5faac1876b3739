// The fast tests of the core rules, in one process: what `npm run test:mutation` runs once per
// mutant (node:test sets a failing exit code when any of them fails).
import '../src/modules/distribution/strategies.test.js';
import '../src/modules/orders/cursor.test.js';
import '../src/modules/accounts/attempt-limiter.test.js';
import '../src/modules/connectors/address-policy.test.js';
