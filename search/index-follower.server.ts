/**
 * Several app processes on one PostgreSQL, each with its own embedded search
 * engine (the embedded default scaled to several cores: `JOBBRO_PROCESSES`).
 * The outbox gives each change to ONE process, which applies it to its own
 * index and announces it (NOTIFY at commit, db/queries/outbox.ts). Every other
 * process follows here: it listens on a dedicated connection, reloads the
 * announced documents from PostgreSQL (the source of truth, never the notice)
 * and applies them to its own index. With Meilisearch all processes share one
 * index and nothing needs following.
 *
 * Notices that arrive before `start()` (while the process builds its index)
 * wait and are applied after it, so a document the rebuild read before a
 * change is never left stale. When the listening connection drops, notices
 * may have been missed: the follower reconnects and calls `resync` (a rebuild
 * from the database).
 */
import type { Kysely } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { INDEX_CHANGES_CHANNEL, listenIndexChangesSql } from '../db/queries/outbox.js';
import type { DB, SearchIndexName } from '../db/schema.js';
import { searchIndexNames, type DocumentSources } from './document-sources.js';
import { applyLoadedDocuments } from './outbox.server.js';
import { reindex } from './reindex.server.js';
import type { SearchDocument, SearchEngine, SearchQuery } from './engine.js';

export type IndexFollower = {
  /** Applies what has arrived and everything after it. */
  start(): void;
  stop(): Promise<void>;
};

/**
 * Opens a way to hear the notices on the index-changes channel. `onLost` is
 * called once if it breaks (notices may then have been missed); the follower
 * opens a new one and rebuilds.
 */
export type NoticeSource = (onPayload: (payload: string) => void, onLost: (error: Error) => void) => Promise<{ close(): Promise<void> }>;

/** LISTEN on a connection of its own to the PostgreSQL server at `url`. */
export function postgresNotices(url: string): NoticeSource {
  return async (onPayload, onLost) => {
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const lose = (error: Error) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners();
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
      onLost(error);
    };
    client.on('notification', (message) => {
      if (message.channel === INDEX_CHANGES_CHANNEL && message.payload !== undefined) onPayload(message.payload);
    });
    client.on('error', lose);
    client.on('end', () => lose(new Error('connection ended')));
    await client.connect();
    await client.query(listenIndexChangesSql);
    return {
      async close() {
        lost = true;
        client.removeAllListeners();
        await client.end().catch(() => undefined);
      },
    };
  };
}

type FollowerLogger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

export type IndexFollowerDeps = {
  /** Where notices come from: a connection of its own to PostgreSQL (`postgresNotices`), or a test's stand-in. */
  notices: NoticeSource;
  db: Kysely<DB>;
  search: SearchEngine;
  sources: DocumentSources;
  /** This process's name in notices: its own announcements are already in its index. */
  origin: string;
  /** Rebuilds this process's index from the database, after notices may have been missed. */
  resync: () => Promise<void>;
  logger?: FollowerLogger;
  /** Wait before reconnecting a dropped connection; default 1 s. */
  reconnectMs?: number;
};

const noticeSchema = z.object({
  origin: z.string(),
  index: z.enum(searchIndexNames as [SearchIndexName, ...SearchIndexName[]]),
  ids: z.array(z.string()).max(1_000),
});

export async function startIndexFollower(deps: IndexFollowerDeps): Promise<IndexFollower> {
  const reconnectMs = deps.reconnectMs ?? 1_000;
  const pending = new Map<SearchIndexName, Set<string>>(searchIndexNames.map((index) => [index, new Set<string>()]));
  let started = false;
  let stopped = false;
  let needsResync = false;
  let connection: { close(): Promise<void> } | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  // One application at a time, in the order notices arrived.
  let applying: Promise<void> = Promise.resolve();

  async function applyPending(): Promise<void> {
    if (needsResync) {
      needsResync = false;
      for (const ids of pending.values()) ids.clear();
      await deps.resync();
      deps.logger?.info({}, 'index follower: index rebuilt after the listening connection was lost');
      return;
    }
    for (const [index, ids] of pending) {
      if (ids.size === 0) continue;
      const batch = [...ids];
      ids.clear();
      await applyLoadedDocuments(deps.search, index, batch, await deps.sources[index].load(deps.db, batch));
    }
  }

  function schedule(): void {
    if (!started || stopped) return;
    applying = applying.then(applyPending).catch((error: unknown) => {
      // The documents could not be read or written: try them (all of them) again from scratch.
      needsResync = true;
      deps.logger?.warn({ err: error }, 'index follower: applying changes failed; the index will be rebuilt');
      setTimeout(schedule, reconnectMs).unref();
    });
  }

  function receive(payload: string): void {
    let notice: z.infer<typeof noticeSchema>;
    try {
      notice = noticeSchema.parse(JSON.parse(payload));
    } catch {
      deps.logger?.warn({}, 'index follower: ignored a notice that is not ours');
      return;
    }
    if (notice.origin === deps.origin) return;
    const ids = pending.get(notice.index)!;
    for (const id of notice.ids) ids.add(id);
    schedule();
  }

  let generation = 0;

  async function connect(): Promise<void> {
    const mine = (generation += 1);
    connection = await deps.notices(receive, (error) => {
      if (mine === generation) lost(error);
    });
  }

  function lost(error: Error): void {
    if (stopped) return;
    connection = undefined;
    deps.logger?.warn({ err: error }, 'index follower: listening connection lost; reconnecting');
    const retry = () => {
      reconnectTimer = undefined;
      if (stopped) return;
      connect().then(
        () => {
          // Whatever was announced while we were away is unknown: rebuild.
          needsResync = true;
          schedule();
        },
        () => {
          reconnectTimer = setTimeout(retry, reconnectMs);
          reconnectTimer.unref();
        },
      );
    };
    reconnectTimer = setTimeout(retry, reconnectMs);
    reconnectTimer.unref();
  }

  await connect();

  return {
    start() {
      started = true;
      schedule();
    },
    async stop() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await applying;
      const current = connection;
      connection = undefined;
      await current?.close();
    },
  };
}

/**
 * An embedded engine that can be rebuilt while it serves: `rebuild` fills a
 * fresh engine from the database and swaps it in, so searches never see a
 * half-empty index (the follower's resync after a lost connection). Writes
 * made to the serving engine meanwhile (this process's outbox) are noted and
 * re-read from the database into the fresh one before the swap.
 */
export function rebuildableEngine(
  initial: SearchEngine,
  fresh: () => SearchEngine,
): { engine: SearchEngine; rebuild(deps: { db: Kysely<DB>; sources: DocumentSources }): Promise<void> } {
  let current = initial;
  let touched: Map<SearchIndexName, Set<string>> | undefined;
  const note = (index: string, ids: readonly string[]) => {
    if (!touched || !searchIndexNames.includes(index as SearchIndexName)) return;
    const set = touched.get(index as SearchIndexName) ?? new Set<string>();
    for (const id of ids) set.add(id);
    touched.set(index as SearchIndexName, set);
  };
  const engine: SearchEngine = {
    get kind() {
      return current.kind;
    },
    configureIndex: (index, settings) => current.configureIndex(index, settings),
    upsert: (index, documents: SearchDocument[]) => {
      note(
        index,
        documents.map((document) => document.id),
      );
      return current.upsert(index, documents);
    },
    remove: (index, ids) => {
      note(index, ids);
      return current.remove(index, ids);
    },
    clear: (index) => current.clear(index),
    search: <TDocument extends SearchDocument>(index: string, query: SearchQuery) => current.search<TDocument>(index, query),
    get: <TDocument extends SearchDocument>(index: string, id: string) => current.get<TDocument>(index, id),
    count: (index) => current.count(index),
    healthy: () => current.healthy(),
    close: () => current.close(),
  };
  return {
    engine,
    async rebuild(deps) {
      const next = fresh();
      touched = new Map();
      try {
        await reindex({ db: deps.db, search: next, sources: deps.sources });
        // Until a pass finds nothing new: the swap below then happens with no await in between.
        for (;;) {
          const batch = touched;
          touched = new Map();
          if (batch.size === 0) break;
          for (const [index, ids] of batch) await applyLoadedDocuments(next, index, [...ids], await deps.sources[index].load(deps.db, [...ids]));
        }
      } catch (error) {
        touched = undefined;
        await next.close();
        throw error;
      }
      touched = undefined;
      const old = current;
      current = next;
      await old.close();
    },
  };
}
