/**
 * Rebuilds search indexes from PostgreSQL, the source of truth: configure
 * the index, empty it, and upload every document in batches. Outbox entries
 * written meanwhile are applied afterwards by the worker, which reloads the
 * current rows, so nothing written during a reindex is lost.
 */
import type { Kysely } from 'kysely';
import type { DB, SearchIndexName } from '../db/schema.js';
import { searchIndexNames, type DocumentSources } from './document-sources.js';
import type { SearchDocument, SearchEngine } from './engine.js';

const UPLOAD_BATCH = 1_000;

/** Rebuilds one index (or all); returns the number of documents uploaded per index. */
export async function reindex(deps: {
  db: Kysely<DB>;
  search: SearchEngine;
  sources: DocumentSources;
  index?: SearchIndexName;
}): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const indexes = deps.index ? [deps.index] : searchIndexNames;
  for (const index of indexes) {
    const source = deps.sources[index];
    await deps.search.configureIndex(index, source.settings());
    await deps.search.clear(index);
    let uploaded = 0;
    let pending: SearchDocument[] = [];
    const flush = async (all: boolean) => {
      while (pending.length >= UPLOAD_BATCH || (all && pending.length > 0)) {
        const batch = pending.slice(0, UPLOAD_BATCH);
        pending = pending.slice(batch.length);
        await deps.search.upsert(index, batch);
        uploaded += batch.length;
      }
    };
    for await (const ids of source.allIds(deps.db)) {
      for (let start = 0; start < ids.length; start += UPLOAD_BATCH) {
        const documents = await source.load(deps.db, ids.slice(start, start + UPLOAD_BATCH));
        pending.push(...documents.values());
        await flush(false);
      }
    }
    await flush(true);
    counts[index] = uploaded;
  }
  return counts;
}
