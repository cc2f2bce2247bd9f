/**
 * Rebuilds search indexes from PostgreSQL, the source of truth: configure
 * the index, empty it, and upload every document in batches. Outbox entries
 * written meanwhile are applied afterwards by the worker, which reloads the
 * current rows, so nothing written during a reindex is lost.
 *
 * Speed (the embedded engine rebuilds on every start): tables the document
 * queries read get planner statistics first if they have none (PGlite runs
 * no autovacuum); documents load 2,000 per query, by key ranges when the
 * source offers pages (`loadPage`), and the next batch loads while the
 * current one uploads (with PostgreSQL and Meilisearch the two overlap;
 * PGlite runs both on this thread, so there it costs nothing).
 */
import type { Kysely } from 'kysely';
import { analyzeTables, documentTables, selectUnanalyzedTables } from '../db/queries/search-documents.js';
import type { DB, SearchIndexName } from '../db/schema.js';
import { insertUpsertEntriesUnlessPending } from '../db/queries/outbox.js';
import { DocumentBuildFailures, searchIndexNames, type DocumentFailure, type DocumentSources } from './document-sources.js';
import type { SearchDocument, SearchEngine } from './engine.js';

/**
 * Documents per query: set-based loads get cheaper per row up to a few
 * thousand, but 5,000 pushed the bench's peak RSS over 1.5 GB (1,537 MB) while
 * 2,000 built faster (5.8 s against 6.25 s) at 1,483 MB.
 */
const LOAD_BATCH = 2_000;
/** Documents per engine upload (Meilisearch payloads stay a few MB). */
const UPLOAD_BATCH = 1_000;

/**
 * Rebuilds one index (or all); returns the number of documents uploaded per
 * index. A row whose document cannot be built never stops the rebuild (nor
 * the start that runs it): it is logged by id, left out, and written to the
 * outbox, where it shows as a failed entry (/healthz, /admin/outbox) until
 * its data is mended.
 */
export async function reindex(deps: {
  db: Kysely<DB>;
  search: SearchEngine;
  sources: DocumentSources;
  index?: SearchIndexName;
  logger?: { warn(obj: object, msg: string): void };
}): Promise<Record<string, number>> {
  const unanalyzed = await selectUnanalyzedTables(deps.db, documentTables);
  if (unanalyzed.length > 0) await analyzeTables(deps.db, unanalyzed);
  const counts: Record<string, number> = {};
  const indexes = deps.index ? [deps.index] : searchIndexNames;
  for (const index of indexes) {
    const source = deps.sources[index];
    await deps.search.configureIndex(index, source.settings());
    await deps.search.clear(index);
    let uploaded = 0;
    const upload = async (documents: SearchDocument[]) => {
      for (let start = 0; start < documents.length; start += UPLOAD_BATCH) {
        const batch = documents.slice(start, start + UPLOAD_BATCH);
        await deps.search.upsert(index, batch);
        uploaded += batch.length;
      }
    };
    const leftOut = async (failures: readonly DocumentFailure[] | undefined) => {
      if (!failures || failures.length === 0) return;
      for (const failure of failures)
        deps.logger?.warn({ index, id: failure.id, error: failure.error }, 'search index: a document could not be built; left out');
      await insertUpsertEntriesUnlessPending(
        deps.db,
        index,
        failures.map((failure) => failure.id),
      );
    };
    let uploading: Promise<void> = Promise.resolve();
    const uploadNext = async (documents: SearchDocument[]) => {
      await uploading;
      uploading = upload(documents);
      // Handled here so a failed upload does not count as unhandled while the next batch loads; awaited later.
      uploading.catch(() => undefined);
    };
    if (source.loadPage) {
      for (let after: string | null = null; ;) {
        const page = await source.loadPage(deps.db, after, LOAD_BATCH);
        if (page.lastId === null) break;
        await leftOut(page.failures);
        await uploadNext(page.documents);
        after = page.lastId;
      }
    } else {
      for await (const ids of source.allIds(deps.db)) {
        for (let start = 0; start < ids.length; start += LOAD_BATCH) {
          const documents = await source.load(deps.db, ids.slice(start, start + LOAD_BATCH)).catch(async (error: unknown) => {
            if (!(error instanceof DocumentBuildFailures)) throw error;
            await leftOut(error.failures);
            return error.built;
          });
          await uploadNext([...documents.values()]);
        }
      }
    }
    await uploading;
    counts[index] = uploaded;
  }
  return counts;
}
