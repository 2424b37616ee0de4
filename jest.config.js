const { getJestProjectsAsync } = require('@nx/jest');

// One jest run over every project, so the real Kafka and MongoDB-wire servers start once.
module.exports = async () => ({
  projects: await getJestProjectsAsync(),
  reporters: ['default', '<rootDir>/tools/infra/src/jest/summary-reporter.js'],
});
