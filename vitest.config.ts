import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': new URL('./app', import.meta.url).pathname } },
  test: {
    include: ['{app,db,search,scripts,tests}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'tests/e2e/**', 'build/**'],
    globalSetup: ['tests/setup/postgres-server.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    // Each worker may open PGlite instances (0.5–1 GB each): keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
