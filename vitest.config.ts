import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DynamoDB Local and the local SES start once for the whole run; each test file gets its own table.
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // The machine has 2 cores and runs DynamoDB Local (Java) beside the tests.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
