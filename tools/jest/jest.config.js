const { join } = require('node:path');
const { getJestProjectsAsync } = require('@nx/jest');

// One jest run over every project, so the real Kafka and MongoDB-wire servers start once.
module.exports = async () => ({
  rootDir: join(__dirname, '../..'),
  projects: await getJestProjectsAsync(),
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  // Repeated here: in a multi-project run jest takes the timeout from the root config only.
  testTimeout: 60_000,
});
