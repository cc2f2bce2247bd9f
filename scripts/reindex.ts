/**
 * `npm run search:reindex [-- --index slots]`: rebuilds search indexes from
 * the database. With PostgreSQL safe while the app runs (the outbox catches
 * up afterwards); the embedded data directory has one writer, so there it
 * refuses beside the server (or waits, with --wait), which rebuilds its
 * embedded index on every start anyway.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getEnv } from '../app/env.server.js';
import { createSearchEngine } from '../search/create-engine.server.js';
import { documentSources } from '../app/matching/documents/index.server.js';
import { reindex } from '../search/reindex.server.js';
import { openForMaintenance } from './support/open-for-maintenance.js';

const argsSchema = z.object({ index: z.enum(['candidates', 'slots']).optional() });

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { index: { type: 'string' }, wait: { type: 'boolean' } } });
  const args = argsSchema.parse(values);
  const env = getEnv();
  const database = await openForMaintenance(env.database);
  const search = await createSearchEngine(env.search);
  if (search.kind === 'embedded') {
    console.warn('The embedded engine lives inside the app process; it rebuilds itself at start-up. Reindexing here only checks the documents.');
  }
  try {
    const started = Date.now();
    const counts = await reindex({ db: database.db, search, sources: documentSources, index: args.index });
    for (const [index, count] of Object.entries(counts)) console.log(`${index}: ${count} documents`);
    console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await search.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
