/**
 * `npm run db:migrate`: brings the database named by the environment
 * (DATABASE_URL, or the embedded PGlite under JOBBRO_DATA_DIR) to the latest
 * schema. The app also migrates on start; this is for deploys and CI.
 */
import { getEnv } from '../app/env.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import { openForMaintenance } from './support/open-for-maintenance.js';

async function main(): Promise<void> {
  const env = getEnv();
  const database = await openForMaintenance(env.database);
  try {
    const result = await migrateToLatest(database.db);
    const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const where = env.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite at ${env.database.dataDir}`;
    console.log(applied.length > 0 ? `${where}: applied ${applied.join(', ')}` : `${where}: already up to date`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
