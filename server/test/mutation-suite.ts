// The tests of the core rules: what `npm run test:mutation` runs once per mutant, on SQLite.
// A mutant lives in one source file; only the tests that guard that file run for it (the
// integration tests take seconds each, and there are hundreds of mutants). Stryker names the
// mutant in __STRYKER_ACTIVE_MUTANT__ and marks each one in the instrumented sources as
// stryMutAct_…("<id>"), which says which file holds it. The dry run (no mutant) runs them all.
import fs from 'node:fs';
import './support/mutation-env.js';

/** Each mutated source file and the tests that guard it (relative to this folder). */
const GUARDS: Record<string, string[]> = {
  'src/modules/distribution/eligibility.ts': ['../src/modules/distribution/strategies.test.js'],
  'src/modules/orders/cursor.ts': ['../src/modules/orders/cursor.test.js'],
  'src/modules/accounts/attempt-limiter.ts': ['../src/modules/accounts/attempt-limiter.test.js'],
  'src/modules/connectors/address-policy.ts': ['../src/modules/connectors/address-policy.test.js'],
  // the lock
  'src/modules/packing/order-lock.ts': ['../src/modules/packing/packing.test.js'],
  // the tenant scope
  'src/http/auth.ts': [
    '../src/http/auth.test.js',
    './tenant-isolation.test.js',
    '../src/modules/accounts/accounts.test.js',
  ],
  'src/modules/packers/active-packer.ts': [
    './tenant-isolation.test.js',
    '../src/modules/packing/packing.test.js',
  ],
  'src/modules/packers/packers.repo.ts': [
    './tenant-isolation.test.js',
    '../src/modules/accounts/team.test.js',
  ],
  'src/modules/stores/stores.repo.ts': [
    './tenant-isolation.test.js',
    '../src/modules/stores/store-lifecycle.test.js',
  ],
};

function filesToRun(): string[] {
  const active = process.env.__STRYKER_ACTIVE_MUTANT__;
  if (active) {
    const marker = new RegExp(`stryMutAct_\\w+\\("${active}"\\)`);
    for (const [source, tests] of Object.entries(GUARDS))
      if (marker.test(fs.readFileSync(source, 'utf8'))) return tests;
  }
  return [...new Set(Object.values(GUARDS).flat())];
}

for (const file of filesToRun()) await import(file);
