/**
 * Vitest global setup: starts a throwaway PostgreSQL 15 server from the
 * local binaries on a free port, and stops it afterwards. Suites get its URL
 * through `inject('postgresUrl')` and create their own database on it.
 * Set JOBBRO_TEST_POSTGRES=0 to skip the server suites on a machine without it.
 */
import type { TestProject } from 'vitest/node';
import { DEFAULT_PG_BIN, startThrowawayPostgres } from '../../scripts/support/throwaway-postgres.js';

const BIN_DIR = process.env.JOBBRO_PG_BIN ?? DEFAULT_PG_BIN;

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.JOBBRO_TEST_POSTGRES === '0') {
    project.provide('postgresUrl', null);
    return;
  }
  const server = await startThrowawayPostgres({ binDir: BIN_DIR, prefix: 'jobbro-pg-', settings: ['max_connections=200'] });
  project.provide('postgresUrl', server.url);

  return () => server.stop();
}
