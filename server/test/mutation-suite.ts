// The tests of the core rules, in one process: what `npm run test:mutation` runs once per
// mutant, on SQLite. The fast pure tests come first; the bail reporter stops at the first
// failure, so a mutant they kill never waits for the integration tests after them.
import './support/mutation-env.js';
// eligibility and shifts
import '../src/modules/distribution/strategies.test.js';
// cursors
import '../src/modules/orders/cursor.test.js';
// the limiter
import '../src/modules/accounts/attempt-limiter.test.js';
// which addresses a store may be on
import '../src/modules/connectors/address-policy.test.js';
// the lock (conditional updates, 50 parallel requests)
import '../src/modules/packing/packing.test.js';
// the tenant scope (another account's ids in paths, queries and bodies)
import './tenant-isolation.test.js';
