/**
 * Keeps search indexes in step with PostgreSQL through the `search_outbox`
 * table. Domain code calls `enqueueIndexChange` inside the transaction that
 * changes the data, so a change and its index entry commit (or roll back)
 * together. Workers then claim entries, load the current documents and
 * update the engine. When the engine is down, writes still succeed; entries
 * stay pending (with attempts and the last error) until it answers again.
 */
import type { Kysely } from 'kysely';
import type { Executor } from '../db/client.server.js';
import {
  claimPendingOutboxEntries,
  countPendingOutboxEntries,
  hasPendingOutboxEntries,
  insertOutboxEntries,
  lockDocuments,
  markOutboxEntriesFailed,
  markOutboxEntriesProcessed,
  notifyIndexChanges,
  type OutboxEntryRow,
} from '../db/queries/outbox.js';
import type { DB, SearchIndexName } from '../db/schema.js';
import type { DocumentSources } from './document-sources.js';
import type { SearchDocument, SearchEngine } from './engine.js';

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

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Puts the loaded documents of `ids` into the index and removes the ids that have none (deleted, or no longer searchable). */
export async function applyLoadedDocuments(search: SearchEngine, index: SearchIndexName, ids: readonly string[], current: Map<string, SearchDocument>): Promise<void> {
  const gone = ids.filter((id) => !current.has(id));
  if (current.size > 0) await search.upsert(index, [...current.values()]);
  if (gone.length > 0) await search.remove(index, gone);
}

const keyOf = (entry: Pick<OutboxEntryRow, 'index_name' | 'document_id'>) => `${entry.index_name}:${entry.document_id}`;

/**
 * Claims up to `batchSize` pending entries (`FOR UPDATE SKIP LOCKED`, so two
 * processes never take the same entry), collapses repeats of a document,
 * loads the documents' current state and upserts or removes them. Entries
 * are marked processed in the same transaction. If the engine fails, the
 * entries stay pending with `attempts + 1` and `last_error`; this function
 * does not throw for engine failures (database errors do propagate).
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
      const ids = [...new Set(indexEntries.map((entry) => entry.document_id))];
      const entryIds = indexEntries.map((entry) => entry.id);
      // The transaction holds the claim; loading through it also keeps PGlite's single connection free of deadlock.
      const current = await deps.sources[index].load(trx, ids);
      try {
        await ensureConfigured(deps.search, deps.sources, index);
        await applyLoadedDocuments(deps.search, index, ids, current);
      } catch (error) {
        await markOutboxEntriesFailed(trx, entryIds, describe(error));
        failed += entryIds.length;
        continue;
      }
      await markOutboxEntriesProcessed(trx, entryIds);
      if (deps.announceAs !== undefined) await notifyIndexChanges(trx, deps.announceAs, index, ids);
      processed += entryIds.length;
      for (const id of ids) applied.push({ index, id, operation: current.has(id) ? 'upsert' : 'delete' });
    }
    return { processed, failed };
  });
  // After the commit: the hook reads through the pool, which would wait on (or, in PGlite, deadlock with) our transaction.
  if (deps.onApplied && applied.length > 0) await deps.onApplied(applied);
  return result;
}

/** Entries not yet applied to the search engine (for /healthz and tests). */
export async function outboxBacklog(db: Kysely<DB>): Promise<number> {
  return countPendingOutboxEntries(db);
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
export function startOutboxWorker(
  deps: OutboxDeps & { intervalMs: number; logger?: { warn(obj: object, msg: string): void } },
): OutboxWorker {
  const batchSize = deps.batchSize ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  // One batch at a time per process; drain() and the timer share this chain.
  let running: Promise<unknown> = Promise.resolve();

  async function runOnce(): Promise<{ processed: number; failed: number }> {
    try {
      const result = await processOutboxBatch({ ...deps, batchSize });
      if (result.failed > 0) deps.logger?.warn({ failed: result.failed }, 'search outbox: engine refused a batch; will retry');
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
        if (result.processed === 0 || result.failed > 0) return;
      }
    },
  };
}
