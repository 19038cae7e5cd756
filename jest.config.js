/**
 * Two projects: unit specs beside the code (pure logic, plus integration specs that use the test
 * database) and e2e specs that drive the HTTP API. The global setup gives each Jest worker its own
 * database: an embedded PGlite server each without DATABASE_URL, or a database each on the
 * PostgreSQL server that DATABASE_URL names.
 */
const swc = ['@swc/jest', { ...require('./swc.config'), swcrc: false }];

const common = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/utils/setup-env.ts'],
};

module.exports = {
  maxWorkers: 2,
  // the global setup is TypeScript too
  transform: common.transform,
  globalSetup: '<rootDir>/test/utils/global-setup.ts',
  globalTeardown: '<rootDir>/test/utils/global-teardown.ts',
  // an app per e2e file migrates a fresh schema (20 migrations), and checkout races run 40
  // completions; on a loaded 2-core machine 30 s was too tight for both (a slow machine is not a failure)
  testTimeout: 90000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
