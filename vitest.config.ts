import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    globalSetup: [],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
