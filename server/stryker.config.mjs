// Mutation testing of the core rules (npm run test:mutation; not part of npm test: it is slow).
// Stryker's command runner runs the tests that guard these rules once per mutant, on SQLite;
// the mutant under test is chosen by the __STRYKER_ACTIVE_MUTANT__ variable it sets.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'command',
  commandRunner: {
    command: 'node --import tsx test/mutation-suite.ts',
  },
  // The rules' pure cores, guarded by fast tests. The lock and the tenant scope are SQL, guarded
  // by the integration tests (packing.test.ts, tenant-isolation.test.ts) that take about a
  // minute per run here: too slow to run once per mutant.
  mutate: [
    // eligibility
    'src/modules/distribution/eligibility.ts:37-84',
    'src/modules/distribution/eligibility.ts:209-231',
    // cursors
    'src/modules/orders/cursor.ts',
    // the limiter
    'src/modules/accounts/attempt-limiter.ts',
    // which addresses a store may be on
    'src/modules/connectors/address-policy.ts:41-60',
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
