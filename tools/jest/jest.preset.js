const nxPreset = require('@nx/jest/preset').default;

// SWC instead of ts-jest: tests only transpile (`npm test` typechecks separately with tsc), with
// the same SWC settings the service build uses, so tests run the code as it ships.
const swc = { ...require('../build/swcrc.json'), sourceMaps: 'inline' };

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
  // Integration suites talk to real Kafka and MongoDB-wire servers; group joins take seconds.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/../../tools/infra/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/infra/src/jest/global-teardown.ts',
};
