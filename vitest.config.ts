import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DynamoDB Local and the local SES start once for the whole run; each test file gets its own table.
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // The machine has 2 cores and runs DynamoDB Local (Java) beside the tests.
    maxWorkers: 2,
    // Generous: tests never fail on timing (a busy 2-core machine runs DynamoDB Local, Chromium and two workers);
    // a hang still fails, only later.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
