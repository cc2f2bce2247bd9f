/**
 * The admin's view of search documents that keep failing (issue 21): the
 * outbox isolates each one (search/outbox.server.ts); an admin sees them
 * with their errors and may retry one now instead of after its back-off.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { failedOutboxEntries, listFailedOutboxEntries, retryFailedOutboxEntry, type FailedOutboxEntry } from '../../search/outbox.server.js';

type Deps = { db: Kysely<DB> };

/** How many documents fail now (the admin home's link, and /healthz through app/lib/health.server.ts). */
export function countFailedSearchDocuments(deps: Deps): Promise<number> {
  return failedOutboxEntries(deps.db);
}

/** The failed entries, oldest first, at most `limit`. */
export function listFailedSearchDocuments(deps: Deps, limit: number): Promise<FailedOutboxEntry[]> {
  return listFailedOutboxEntries(deps.db, limit);
}

/** Makes a failed entry due now; false when it no longer fails (applied meanwhile, or no such entry). */
export function retryFailedSearchDocument(deps: Deps, entryId: number): Promise<boolean> {
  return retryFailedOutboxEntry(deps.db, entryId);
}
