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
  loadPage?(
    db: Kysely<DB>,
    afterId: string | null,
    limit: number,
  ): Promise<{ documents: SearchDocument[]; lastId: string | null; failures?: DocumentFailure[] }>;
};

/** A row whose document could not be built (an impossible value that got into the database), by id only. */
export type DocumentFailure = { id: string; error: string };

/**
 * Thrown by `load` when some rows' documents could not be built: carries
 * the documents that were, and the failures, so a caller can go on with
 * the rest (the outbox marks the failed ones; nothing treats them as deleted).
 */
export class DocumentBuildFailures extends Error {
  constructor(
    readonly built: Map<string, SearchDocument>,
    readonly failures: DocumentFailure[],
  ) {
    super(`${failures.length} document(s) could not be built: ${failures.map((failure) => failure.id).join(', ')}`);
    this.name = 'DocumentBuildFailures';
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Builds one document per row; a row whose build throws is reported by its id and never stops the others. */
export function buildEach<Row extends { id: string }, Document extends SearchDocument>(
  rows: readonly Row[],
  build: (row: Row) => Document,
): { documents: Map<string, Document>; failures: DocumentFailure[] } {
  const documents = new Map<string, Document>();
  const failures: DocumentFailure[] = [];
  for (const row of rows) {
    try {
      documents.set(row.id, build(row));
    } catch (error) {
      failures.push({ id: row.id, error: describeError(error) });
    }
  }
  return { documents, failures };
}

/** What `load` returns: the documents, or `DocumentBuildFailures` when any row failed. */
export function documentsOrFailures<Document extends SearchDocument>(result: {
  documents: Map<string, Document>;
  failures: DocumentFailure[];
}): Map<string, Document> {
  if (result.failures.length > 0) throw new DocumentBuildFailures(new Map<string, SearchDocument>(result.documents), result.failures);
  return result.documents;
}

export type DocumentSources = Record<SearchIndexName, DocumentSource>;

export const searchIndexNames: readonly SearchIndexName[] = ['candidates', 'slots'];
