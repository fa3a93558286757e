import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, CDK synthesis; no services) and `integration` (against one
// local stack started for the run: DynamoDB Local, the local Step Functions service, the outbox).
// `npx vitest run --project unit` runs the fast half alone.
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/cdk/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/worker-env.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
