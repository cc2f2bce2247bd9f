/**
 * Compares a search engine's indexes with the documents PostgreSQL says
 * belong there (built by app/matching/documents/* exactly as reindex and the outbox
 * build them). Used by the reliability suites after a crash and restart.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { searchIndexNames, type DocumentSources } from '../../search/document-sources.js';
import type { SearchDocument, SearchEngine } from '../../search/engine.js';

export type IndexDifference = { index: string; id: string; problem: 'missing from the engine' | 'not in the database' | 'different' };

/** JSON with sorted object keys, so equal documents hash equally whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function documentHash(document: SearchDocument): string {
  return createHash('sha256').update(canonical(document)).digest('hex');
}

/** Every document the database says belongs in `index`, by id. */
export async function expectedDocuments(
  db: Kysely<DB>,
  sources: DocumentSources,
  index: (typeof searchIndexNames)[number],
): Promise<Map<string, SearchDocument>> {
  const documents = new Map<string, SearchDocument>();
  for await (const ids of sources[index].allIds(db)) {
    for (const [id, document] of await sources[index].load(db, ids)) documents.set(id, document);
  }
  return documents;
}

/** Every document the engine holds in `index`, by id (read in one page; the suites stay far below any engine's cap). */
export async function engineDocuments(search: SearchEngine, index: string): Promise<Map<string, SearchDocument>> {
  const total = await search.count(index);
  const result = await search.search<SearchDocument>(index, { limit: Math.max(total, 1) });
  if (result.hits.length !== total) throw new Error(`${index}: the engine counts ${total} documents but returned ${result.hits.length}`);
  return new Map(result.hits.map((hit) => [hit.id, hit.document]));
}

/** Differences between the engine and the database, over every index; empty when they agree. */
export async function indexDifferences(db: Kysely<DB>, search: SearchEngine, sources: DocumentSources): Promise<IndexDifference[]> {
  const differences: IndexDifference[] = [];
  for (const index of searchIndexNames) {
    const expected = await expectedDocuments(db, sources, index);
    const actual = await engineDocuments(search, index);
    for (const [id, document] of expected) {
      const held = actual.get(id);
      if (!held) differences.push({ index, id, problem: 'missing from the engine' });
      else if (documentHash(held) !== documentHash(document)) differences.push({ index, id, problem: 'different' });
    }
    for (const id of actual.keys()) if (!expected.has(id)) differences.push({ index, id, problem: 'not in the database' });
  }
  return differences;
}
