/**
 * `npm run match:all`: re-matches every published slot and stores the
 * proposals. Decided proposals keep their decision. With the embedded engine
 * the index is built here first (it lives in this process only).
 */
import { getEnv } from '../app/env.server.js';
import { rematchAll } from '../app/matching/proposals.server.js';
import { createSearchEngine } from '../search/create-engine.server.js';
import { createDocumentSources } from '../app/matching/documents/index.server.js';
import { reindex } from '../search/reindex.server.js';
import { openForMaintenance } from './support/open-for-maintenance.js';

async function main(): Promise<void> {
  const env = getEnv();
  const database = await openForMaintenance(env.database);
  const search = await createSearchEngine(env.search);
  const clock = () => new Date();
  try {
    if (search.kind === 'embedded') {
      const started = performance.now();
      const counts = await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
      console.log(
        `index built: ${counts.candidates ?? 0} candidates, ${counts.slots ?? 0} slots in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    const summary = await rematchAll(
      { db: database.db, search, clock },
      { onProgress: ({ slots, proposed }) => process.stderr.write(`\r${slots} slots, ${proposed} proposals`) },
    );
    process.stderr.write('\n');
    console.log(
      `re-matched ${summary.slots} slots: ${summary.proposed} proposals (${summary.written} new or changed, the rest already stored), ${summary.removed} removed`,
    );
    console.log(
      `proposals now: ${Object.entries(summary.counts)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ')}`,
    );
    console.log(`done in ${(summary.durationMs / 1000).toFixed(1)} s`);
  } finally {
    await search.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
