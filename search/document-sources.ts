/**
 * Where index documents come from. PostgreSQL is the source of truth: the
 * outbox worker and `npm run search:reindex` ask a source for the current
 * documents and never trust what an outbox entry says beyond its id.
 */
import type { Kysely } from 'kysely';
import type { DB, SearchIndexName } from '../db/schema.js';
import type { IndexSettings, SearchDocument } from './engine.js';

export type { SearchIndexName };

export type DocumentSource = {
  /** The index's settings; the engine is configured with these before any upload. */
  settings(): IndexSettings;
  /**
   * The current documents for `ids`. An id missing from the map means the
   * document must leave the index (deleted, or no longer searchable).
   * `db` may be a transaction: the outbox worker passes the one holding its claim.
   */
  load(db: Kysely<DB>, ids: string[]): Promise<Map<string, SearchDocument>>;
  /** Every id that belongs in the index, in batches (for reindexing). */
  allIds(db: Kysely<DB>): AsyncIterable<string[]>;
  /**
   * Optional, for reindexing: the documents of the index a page at a time in
   * id order, after `afterId` (null: from the start), with the page's last
   * id to continue from (null: no more). The same documents as `allIds` and
   * `load`, read by key ranges instead of lists of ids.
   */
  loadPage?(db: Kysely<DB>, afterId: string | null, limit: number): Promise<{ documents: SearchDocument[]; lastId: string | null }>;
};

export type DocumentSources = Record<SearchIndexName, DocumentSource>;

export const searchIndexNames: readonly SearchIndexName[] = ['candidates', 'slots'];
