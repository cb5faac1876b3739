// Mutation testing of the core rules (npm run test:mutation; not part of npm test: it is slow).
// Stryker's command runner runs the tests that guard these rules once per mutant, on SQLite
// (test/mutation-suite.ts);
// the mutant under test is chosen by the __STRYKER_ACTIVE_MUTANT__ variable it sets.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'command',
  commandRunner: {
    command:
      'node --import tsx --test-reporter=./test/support/bail-reporter.mjs test/mutation-suite.ts',
  },
  // The core rules. The pure cores' fast tests run first; the lock and the tenant scope are
  // SQL, guarded by integration tests on SQLite (about 7 s each here), which only the mutants
  // that survive the fast tests reach (test/support/bail-reporter.mjs stops at a failure).
  mutate: [
    // eligibility
    'src/modules/distribution/eligibility.ts:37-84',
    'src/modules/distribution/eligibility.ts:209-231',
    // cursors
    'src/modules/orders/cursor.ts',
    // the limiter
    'src/modules/accounts/attempt-limiter.ts',
    // which addresses a store may be on
    'src/modules/connectors/address-policy.ts',
    // the lock
    'src/modules/packing/order-lock.ts',
    // the tenant scope: roles and CSRF on every route, another account's packer and stores
    'src/http/auth.ts:36-55',
    'src/modules/packers/active-packer.ts',
    'src/modules/packers/packers.repo.ts:128-137',
    'src/modules/stores/stores.repo.ts:25-32',
  ],
  // The sandbox links the workspace's node_modules instead of copying them.
  symlinkNodeModules: true,
  coverageAnalysis: 'off',
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 80, low: 60, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
