/**
 * Browser tests against the BUILT app run as `npm start` runs it (`npm run
 * build` first; `npm test` does it), in Debian's Chromium, with a fresh PGlite data directory so the
 * first-start seed runs exactly as it does for a new user.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const dataDir = path.resolve('.e2e-data');
const serverLog = path.resolve('.e2e-logs/server.log');

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'da-DK',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [{ name: 'chromium' }],
  // Scans everything the server logged for the personal data the journeys used (tests/e2e/global-teardown.ts).
  globalTeardown: './tests/e2e/global-teardown.ts',
  webServer: {
    // All the server prints is kept for the scan; warnings, errors and the welcome text still show here.
    command: `rm -rf "${dataDir}" && mkdir -p "${path.dirname(serverLog)}" && node server-build/index.js 2>&1 | tee "${serverLog}" | grep --line-buffered -v '"level":[23]0'`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      NODE_ENV: 'production',
      JOBBRO_DATA_DIR: dataDir,
      JOBBRO_DEMO: '1',
      // Every request's line and every debug line, so the scan reads all the server says.
      LOG_LEVEL: 'debug',
      // A test-only key, so the browser journeys run with CPR storage configured as on a real server.
      CPR_ENCRYPTION_KEY: '0e2e'.repeat(16),
    },
  },
});
