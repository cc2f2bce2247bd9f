/**
 * Keeps search indexes in step with PostgreSQL through the `search_outbox`
 * table. Domain code calls `enqueueIndexChange` inside the transaction that
 * changes the data, so a change and its index entry commit (or roll back)
 * together. Workers then claim entries, load the current documents and
 * update the engine. When the engine is down, writes still succeed; entries
 * stay pending (with attempts and the last error) until it answers again.
 * A document that fails on its own is isolated and retried with back-off.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../db/client.server.js';
import {
  claimPendingOutboxEntries,
  countFailedOutboxEntries,
  countPendingOutboxEntries,
  hasPendingOutboxEntries,
  inSavepoint,
  insertOutboxEntries,
  lockDocuments,
  markEarlierEntriesOfDocumentsProcessed,
  markOutboxEntriesFailed,
  markOutboxEntriesFailedWithRetry,
  markOutboxEntriesProcessed,
  notifyIndexChanges,
  retryFailedOutboxEntryNow,
  selectFailedOutboxEntries,
  type FailedOutboxEntryRow,
  type OutboxEntryRow,
} from '../db/queries/outbox.js';
import type { DB, SearchIndexName } from '../db/schema.js';
import { DocumentBuildFailures, describeError, type DocumentFailure, type DocumentSource, type DocumentSources } from './document-sources.js';
import { SearchUnavailable, type SearchDocument, type SearchEngine } from './engine.js';

export type IndexChange = { index: SearchIndexName; id: string; operation: 'upsert' | 'delete' };

/** Records that a document changed. Call it with the transaction that changes the data. */
export async function enqueueIndexChange(trx: Executor, change: IndexChange): Promise<void> {
  await enqueueIndexChanges(trx, [change]);
}

/** Several changes at once (e.g. every slot of a workplace that moved). */
export async function enqueueIndexChanges(trx: Executor, changes: IndexChange[]): Promise<void> {
  await insertOutboxEntries(
    trx,
    changes.map((change) => ({ index_name: change.index, document_id: change.id, operation: change.operation })),
  );
}

export type OutboxDeps = {
  db: Kysely<DB>;
  search: SearchEngine;
  sources: DocumentSources;
  /** Entries claimed per transaction; default 200. */
  batchSize?: number;
  /**
   * Called after a batch commits with the changes it applied (operation
   * 'delete' when the document left the index), e.g. to re-match what changed.
   * A failure propagates; the entries stay processed.
   */
  onApplied?: (changes: IndexChange[]) => Promise<void>;
  /**
   * When set, applied changes are announced (NOTIFY, at commit) under this
   * process's name, so other processes with their own embedded index follow
   * them (search/index-follower.server.ts). Only with PostgreSQL.
   */
  announceAs?: string;
};

// Configuring a Meilisearch index waits for a task; do it once per engine and index.
const configured = new WeakMap<SearchEngine, Set<SearchIndexName>>();

async function ensureConfigured(search: SearchEngine, sources: DocumentSources, index: SearchIndexName): Promise<void> {
  const done = configured.get(search) ?? new Set<SearchIndexName>();
  configured.set(search, done);
  if (done.has(index)) return;
  await search.configureIndex(index, sources[index].settings());
  done.add(index);
}

const describe = describeError;

/** Puts the loaded documents of `ids` into the index and removes the ids that have none (deleted, or no longer searchable). */
export async function applyLoadedDocuments(
  search: SearchEngine,
  index: SearchIndexName,
  ids: readonly string[],
  current: Map<string, SearchDocument>,
): Promise<void> {
  const gone = ids.filter((id) => !current.has(id));
  if (current.size > 0) await search.upsert(index, [...current.values()]);
  if (gone.length > 0) await search.remove(index, gone);
}

const keyOf = (entry: Pick<OutboxEntryRow, 'index_name' | 'document_id'>) => `${entry.index_name}:${entry.document_id}`;

/**
 * Loads the documents of `ids`; when the batch fails, loads them one at a
 * time (each inside a savepoint, so a failing query does not abort the
 * claim's transaction) and reports the ones that fail.
 */
async function loadIsolating(
  trx: Kysely<DB>,
  source: DocumentSource,
  ids: readonly string[],
): Promise<{ current: Map<string, SearchDocument>; failures: DocumentFailure[] }> {
  try {
    return { current: await inSavepoint(trx, () => source.load(trx, [...ids])), failures: [] };
  } catch (error) {
    if (error instanceof DocumentBuildFailures) return { current: error.built, failures: error.failures };
    if (ids.length === 1) return { current: new Map(), failures: [{ id: ids[0]!, error: describe(error) }] };
  }
  const current = new Map<string, SearchDocument>();
  const failures: DocumentFailure[] = [];
  for (const id of ids) {
    try {
      for (const [key, document] of await inSavepoint(trx, () => source.load(trx, [id]))) current.set(key, document);
    } catch (error) {
      failures.push(...(error instanceof DocumentBuildFailures ? error.failures : [{ id, error: describe(error) }]));
    }
  }
  return { current, failures };
}

/**
 * Puts the loaded documents into the index; when the engine refuses the
 * batch but answers, one document at a time, reporting the ones it refuses.
 * An engine that does not answer throws (the whole batch waits for it).
 */
async function applyIsolating(
  search: SearchEngine,
  index: SearchIndexName,
  ids: readonly string[],
  current: Map<string, SearchDocument>,
): Promise<DocumentFailure[]> {
  try {
    await applyLoadedDocuments(search, index, ids, current);
    return [];
  } catch (error) {
    if (error instanceof SearchUnavailable || !(await search.healthy().catch(() => false))) throw error;
  }
  const failures: DocumentFailure[] = [];
  for (const id of ids) {
    const document = current.get(id);
    try {
      await applyLoadedDocuments(search, index, [id], document ? new Map([[id, document]]) : new Map());
    } catch (error) {
      if (error instanceof SearchUnavailable) throw error;
      failures.push({ id, error: describe(error) });
    }
  }
  return failures;
}

/**
 * Claims up to `batchSize` pending entries (`FOR UPDATE SKIP LOCKED`, so two
 * processes never take the same entry), collapses repeats of a document,
 * loads the documents' current state and upserts or removes them. Entries
 * are marked processed in the same transaction.
 *
 * One document that cannot be built or that the engine refuses is isolated:
 * its entries are marked failed with the error and retried after a back-off
 * (db/queries/outbox.ts), and every other document goes through. If the
 * engine is unreachable, the entries stay pending with `attempts + 1` and
 * `last_error` for the next round. This function does not throw for either
 * (database errors do propagate).
 */
export async function processOutboxBatch(deps: OutboxDeps): Promise<{ processed: number; failed: number }> {
  const batchSize = deps.batchSize ?? 200;
  // Most polls find nothing. Asking first keeps them out of a transaction, which with PGlite would hold back every
  // other query (of all app processes sharing it) for the round trips from BEGIN to COMMIT.
  if (!(await hasPendingOutboxEntries(deps.db))) return { processed: 0, failed: 0 };
  const applied: IndexChange[] = [];
  const result = await deps.db.transaction().execute(async (trx) => {
    const claimed = await claimPendingOutboxEntries(trx, batchSize);
    if (claimed.length === 0) return { processed: 0, failed: 0 };

    // Another worker busy with the same document keeps it; ours wait for the next round.
    const locked = await lockDocuments(trx, [...new Set(claimed.map(keyOf))]);
    const entries = claimed.filter((entry) => locked.has(keyOf(entry)));

    let processed = 0;
    let failed = 0;
    const byIndex = new Map<SearchIndexName, OutboxEntryRow[]>();
    for (const entry of entries) byIndex.set(entry.index_name, [...(byIndex.get(entry.index_name) ?? []), entry]);

    for (const [index, indexEntries] of byIndex) {
      const entryIdsOf = (documentIds: ReadonlySet<string>) =>
        indexEntries.filter((entry) => documentIds.has(entry.document_id)).map((entry) => entry.id);
      const ids = [...new Set(indexEntries.map((entry) => entry.document_id))];
      // The transaction holds the claim; loading through it also keeps PGlite's single connection free of deadlock.
      const { current, failures: unbuilt } = await loadIsolating(trx, deps.sources[index], ids);
      const buildable = ids.filter((id) => !unbuilt.some((failure) => failure.id === id));
      let failures: DocumentFailure[];
      try {
        await ensureConfigured(deps.search, deps.sources, index);
        failures = [...unbuilt, ...(await applyIsolating(deps.search, index, buildable, current))];
      } catch (error) {
        const waiting = entryIdsOf(new Set(buildable));
        await markOutboxEntriesFailed(trx, waiting, describe(error));
        await markFailures(trx, indexEntries, unbuilt);
        failed += waiting.length + entryIdsOf(new Set(unbuilt.map((failure) => failure.id))).length;
        continue;
      }
      await markFailures(trx, indexEntries, failures);
      const failedIds = new Set(failures.map((failure) => failure.id));
      const done = ids.filter((id) => !failedIds.has(id));
      const doneEntries = entryIdsOf(new Set(done));
      await markOutboxEntriesProcessed(trx, doneEntries);
      if (doneEntries.length > 0) await markEarlierEntriesOfDocumentsProcessed(trx, index, done, Math.max(...doneEntries));
      if (deps.announceAs !== undefined && done.length > 0) await notifyIndexChanges(trx, deps.announceAs, index, done);
      processed += doneEntries.length;
      failed += indexEntries.length - doneEntries.length;
      for (const id of done) applied.push({ index, id, operation: current.has(id) ? 'upsert' : 'delete' });
    }
    return { processed, failed };
  });
  // After the commit: the hook reads through the pool, which would wait on (or, in PGlite, deadlock with) our transaction.
  if (deps.onApplied && applied.length > 0) await deps.onApplied(applied);
  return result;
}

/** Marks the entries of each failed document failed with that document's error (each document retried on its own back-off). */
async function markFailures(trx: Kysely<DB>, entries: readonly OutboxEntryRow[], failures: readonly DocumentFailure[]): Promise<void> {
  for (const failure of failures) {
    await markOutboxEntriesFailedWithRetry(
      trx,
      entries.filter((entry) => entry.document_id === failure.id).map((entry) => entry.id),
      failure.error,
    );
  }
}

/** Entries not yet applied to the search engine (for /healthz and tests). */
export async function outboxBacklog(db: Kysely<DB>): Promise<number> {
  return countPendingOutboxEntries(db);
}

export type FailedOutboxEntry = FailedOutboxEntryRow;

/** Failed entries, oldest first (at most `limit`), with their errors: the admin's outbox page. */
export async function listFailedOutboxEntries(db: Kysely<DB>, limit = 200): Promise<FailedOutboxEntry[]> {
  return selectFailedOutboxEntries(db, limit);
}

/** Makes a failed entry due now (the admin's retry button); false when it is no longer failed. */
export async function retryFailedOutboxEntry(db: Kysely<DB>, id: number): Promise<boolean> {
  return retryFailedOutboxEntryNow(db, id);
}

/** Entries whose own document failed (for /healthz and the admin's outbox page). */
export async function failedOutboxEntries(db: Kysely<DB>): Promise<number> {
  return countFailedOutboxEntries(db);
}

export type OutboxWorker = {
  /** Stops polling and waits for a batch in progress. */
  stop(): Promise<void>;
  /** Processes batches until nothing pending can be processed now (engine down, or empty). */
  drain(): Promise<void>;
};

/**
 * Polls the outbox every `intervalMs` (sooner while a backlog remains).
 * Errors are logged, never thrown: the next tick tries again.
 */
export function startOutboxWorker(deps: OutboxDeps & { intervalMs: number; logger?: { warn(obj: object, msg: string): void } }): OutboxWorker {
  const batchSize = deps.batchSize ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // One batch at a time per process; drain() and the timer share this chain.
  let running: Promise<unknown> = Promise.resolve();

  async function runOnce(): Promise<{ processed: number; failed: number }> {
    try {
      const result = await processOutboxBatch({ ...deps, batchSize });
      if (result.failed > 0)
        deps.logger?.warn(
          { failed: result.failed },
          'search outbox: entries failed (engine unreachable, or their document failed: see /admin/outbox); will retry',
        );
      return result;
    } catch (error) {
      deps.logger?.warn({ err: error }, 'search outbox: batch failed; will retry');
      return { processed: 0, failed: 0 };
    }
  }

  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void exclusive(runOnce).then((result) => {
        const more = result.processed + result.failed >= batchSize && result.failed === 0;
        schedule(more ? 0 : deps.intervalMs);
      });
    }, delay);
    timer.unref?.();
  }

  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
    async drain() {
      for (;;) {
        const result = await exclusive(runOnce);
        // Failed documents wait for their back-off, so this ends; an unreachable engine ends it at once.
        if (result.processed === 0) return;
      }
    },
  };
}
