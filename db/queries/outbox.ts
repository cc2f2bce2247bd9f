/**
 * SQL for the search outbox: index changes written in the same transaction
 * as the data they describe, and claimed by outbox workers. Several app
 * processes may share one database, so claiming uses row locks that other
 * workers skip, plus a per-document advisory lock (see `lockDocuments`).
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { SearchIndexName } from '../schema.js';

export type OutboxEntryRow = {
  id: number;
  index_name: SearchIndexName;
  document_id: string;
  operation: 'upsert' | 'delete';
  attempts: number;
};

export async function insertOutboxEntries(
  db: Executor,
  entries: Array<{ index_name: SearchIndexName; document_id: string; operation: 'upsert' | 'delete' }>,
): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('search_outbox').values(entries).execute();
}

/**
 * Upserts of documents a rebuild had to leave out, except those that already
 * have an unprocessed entry: a document that keeps failing is written once,
 * not once more at every start (it would be listed twice on /admin/outbox).
 */
export async function insertUpsertEntriesUnlessPending(db: Executor, index: SearchIndexName, documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  await sql`
    insert into search_outbox (index_name, document_id, operation)
    select ${index}, left_out.document_id, 'upsert' from unnest(${sql.val([...new Set(documentIds)])}::text[]) as left_out(document_id)
    where not exists (
      select 1 from search_outbox pending
      where pending.processed_at is null and pending.index_name = ${index} and pending.document_id = left_out.document_id)`.execute(db);
}

/**
 * Locks up to `limit` pending entries for the calling transaction, skipping
 * entries another worker holds and failed entries not yet due for a retry.
 * Entries that failed before come last, so one document the engine rejects
 * does not hold up the rest.
 */
export async function claimPendingOutboxEntries(trx: Executor, limit: number): Promise<OutboxEntryRow[]> {
  return trx
    .selectFrom('search_outbox')
    .select(['id', 'index_name', 'document_id', 'operation', 'attempts'])
    .where('processed_at', 'is', null)
    .where((eb) => eb.or([eb('retry_at', 'is', null), eb('retry_at', '<=', sql<Date>`now()`)]))
    .orderBy('attempts')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Takes a transaction-scoped advisory lock per document key and returns the
 * keys it got. Two workers may hold different entries of one document; the
 * lock makes the second wait for the first to commit, so it loads the newer
 * data and the index never ends on a stale version.
 */
export async function lockDocuments(trx: Executor, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const result = await sql<{ key: string; locked: boolean }>`
    select key, pg_try_advisory_xact_lock(hashtextextended('search_outbox:' || key, 0)) as locked
    from unnest(${sql.val(keys)}::text[]) as key`.execute(trx);
  return new Set(result.rows.filter((row) => row.locked).map((row) => row.key));
}

export async function markOutboxEntriesProcessed(trx: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('search_outbox')
    .set({ processed_at: sql`now()`, last_error: null, retry_at: null })
    .where('id', 'in', ids)
    .execute();
}

/**
 * Marks earlier failed entries of documents just applied as processed: the
 * index now holds each document's current state, which is all any entry asks for.
 */
export async function markEarlierEntriesOfDocumentsProcessed(
  trx: Executor,
  index: SearchIndexName,
  documentIds: string[],
  upToId: number,
): Promise<void> {
  if (documentIds.length === 0) return;
  await trx
    .updateTable('search_outbox')
    .set({ processed_at: sql`now()`, last_error: null, retry_at: null })
    .where('index_name', '=', index)
    .where('document_id', 'in', documentIds)
    .where('processed_at', 'is', null)
    .where('id', '<=', upToId)
    .execute();
}

/** The engine was unreachable: the entries stay pending for the next round (`attempts + 1`, the error kept). */
export async function markOutboxEntriesFailed(trx: Executor, ids: number[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('search_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: error.slice(0, 2_000) }))
    .where('id', 'in', ids)
    .execute();
}

/** First retry of a failed document after this long; each further failure doubles it, up to `RETRY_MAX_SECONDS`. */
export const RETRY_BASE_SECONDS = 10;
export const RETRY_MAX_SECONDS = 3_600;

/**
 * The entries' own document failed (cannot be built, or the engine refused
 * it): marked failed with the error and retried after an exponential
 * back-off (10 s, 20 s, 40 s, … at most an hour).
 */
export async function markOutboxEntriesFailedWithRetry(trx: Executor, ids: number[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('search_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_error: error.slice(0, 2_000),
      retry_at: sql<Date>`now() + make_interval(secs => least(${RETRY_BASE_SECONDS} * power(2, least(attempts, 20)), ${RETRY_MAX_SECONDS}))`,
    }))
    .where('id', 'in', ids)
    .execute();
}

export type FailedOutboxEntryRow = {
  id: number;
  index_name: SearchIndexName;
  document_id: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  retry_at: Date;
};

/** Failed entries (their own document failed), oldest first, for the admin's page. */
export async function selectFailedOutboxEntries(db: Executor, limit: number): Promise<FailedOutboxEntryRow[]> {
  const rows = await db
    .selectFrom('search_outbox')
    .select(['id', 'index_name', 'document_id', 'attempts', 'last_error', 'created_at', 'retry_at'])
    .where('processed_at', 'is', null)
    .where('retry_at', 'is not', null)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.flatMap((row) => (row.retry_at === null ? [] : [{ ...row, retry_at: row.retry_at }]));
}

export async function countFailedOutboxEntries(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.countAll<number>().as('failed'))
    .where('processed_at', 'is', null)
    .where('retry_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.failed);
}

/** Makes a failed entry due now (the admin's retry button); false when it is no longer failed. */
export async function retryFailedOutboxEntryNow(db: Executor, id: number): Promise<boolean> {
  const result = await db
    .updateTable('search_outbox')
    .set({ retry_at: sql`now()` })
    .where('id', '=', id)
    .where('processed_at', 'is', null)
    .where('retry_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Runs `work` inside a savepoint of the transaction: when it fails (also a
 * failed query), the transaction goes on as it was before.
 */
export async function inSavepoint<T>(trx: Executor, work: () => Promise<T>): Promise<T> {
  await sql`savepoint outbox_document`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint outbox_document`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint outbox_document`.execute(trx);
    throw error;
  }
}

/** Whether any entry waits, without a transaction or a lock (the partial index of pending entries answers it). */
export async function hasPendingOutboxEntries(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('search_outbox').select('id').where('processed_at', 'is', null).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function countPendingOutboxEntries(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.countAll<number>().as('pending'))
    .where('processed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.pending);
}

/** The channel on which a process announces the index changes it applied (for processes with their own embedded index). */
export const INDEX_CHANGES_CHANNEL = 'jobbro_index_changes';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; 150 ids of 36 characters stay well below. */
const IDS_PER_NOTICE = 150;

/**
 * Announces applied changes on `INDEX_CHANGES_CHANNEL`. Run inside the
 * transaction that marks the entries processed: PostgreSQL delivers the
 * notices only when it commits, in commit order, and never when it rolls back.
 */
export async function notifyIndexChanges(trx: Executor, origin: string, index: SearchIndexName, ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += IDS_PER_NOTICE) {
    const payload = JSON.stringify({ origin, index, ids: ids.slice(start, start + IDS_PER_NOTICE) });
    await sql`select pg_notify(${INDEX_CHANGES_CHANNEL}, ${payload})`.execute(trx);
  }
}

/** LISTEN on a dedicated connection (the statement cannot take a parameter; the channel is ours). */
export const listenIndexChangesSql = `listen ${INDEX_CHANGES_CHANNEL}`;
