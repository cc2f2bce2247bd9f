/**
 * Two app processes on one PostgreSQL, each with its OWN embedded engine (as
 * `JOBBRO_PROCESSES=2` runs them): the outbox gives each change to one
 * process, which announces it; the other follows. Checked: after changes
 * written through both processes, both indexes hold exactly the database's
 * documents (new, changed and removed); notices that arrive while a process
 * is still building its index are applied after it; a dropped listening
 * connection is re-opened and the index rebuilt.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.server.js';
import { createDocumentSources } from '../../app/matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { postgresNotices, rebuildableEngine, startIndexFollower, type IndexFollower } from '../../search/index-follower.server.js';
import { enqueueIndexChanges, outboxBacklog, startOutboxWorker, type IndexChange, type OutboxWorker } from '../../search/outbox.server.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';
import { buildMatchingWorld, insertPublishedSlots, type MatchingWorld } from '../setup/test-world.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const sources = createDocumentSources({ clock });

const upserts = (ids: string[]): IndexChange[] => ids.map((id) => ({ index: 'slots', id, operation: 'upsert' }));

type Process = { name: string; database: Database; search: SearchEngine; follower: IndexFollower; resyncs: number };

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within 30 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!inject('postgresUrl'))('embedded engine per process, following each other through PostgreSQL', () => {
  let main: TestDatabase;
  let world: MatchingWorld;
  const processes: Process[] = [];

  async function startProcess(name: string, database: Database, options: { start: boolean }): Promise<Process> {
    const search = createEmbeddedEngine();
    const process: Process = { name, database, search, follower: undefined as unknown as IndexFollower, resyncs: 0 };
    process.follower = await startIndexFollower({
      notices: postgresNotices(main.url!),
      db: database.db,
      search,
      sources,
      origin: name,
      reconnectMs: 50,
      resync: async () => {
        process.resyncs += 1;
        await reindex({ db: database.db, search, sources });
      },
    });
    await reindex({ db: database.db, search, sources });
    if (options.start) process.follower.start();
    processes.push(process);
    return process;
  }

  const startWorker = (process: Process): OutboxWorker =>
    startOutboxWorker({ db: process.database.db, search: process.search, sources, batchSize: 5, intervalMs: 10, announceAs: process.name });

  async function runOutbox(workers: OutboxWorker[]): Promise<void> {
    await eventually(async () => (await outboxBacklog(main.db)) === 0, 'the outbox is empty');
    await Promise.all(workers.map((worker) => worker.stop()));
  }

  const newSlots = (count: number, seed: number) => insertPublishedSlots(main.db, world, count, 'index-follower', seed);

  beforeAll(async () => {
    main = await createTestDatabase('postgres');
    world = await buildMatchingWorld(main.db);
  });

  afterAll(async () => {
    for (const process of processes) {
      await process.follower.stop();
      await process.search.close();
      if (process.database !== main) await process.database.close();
    }
    await main?.close();
  });

  it('keeps both indexes equal to the database when each process applies half of the changes', async () => {
    const a = await startProcess('a', main, { start: true });
    const b = await startProcess('b', await openDatabase({ kind: 'postgres', url: main.url!, max: 5 }), { start: true });
    const slots = await newSlots(30, 1);
    const ids = slots.map((slot) => slot.id);
    await main.db.transaction().execute((trx) => enqueueIndexChanges(trx, upserts(ids.filter((_, i) => i % 2 === 0))));
    await b.database.db.transaction().execute((trx) => enqueueIndexChanges(trx, upserts(ids.filter((_, i) => i % 2 === 1))));
    await runOutbox([startWorker(a), startWorker(b)]);

    for (const process of [a, b]) {
      await eventually(
        async () => (await Promise.all(ids.map((id) => process.search.get('slots', id)))).every(Boolean),
        `process ${process.name} holds all 30 slots`,
      );
    }
    // Same documents in both, as the database has them.
    const expected = await sources.slots.load(main.db, ids);
    for (const id of ids) {
      expect(await a.search.get('slots', id)).toEqual(expected.get(id));
      expect(await b.search.get('slots', id)).toEqual(expected.get(id));
    }

    // A closed slot leaves both indexes, whichever process applies the change.
    const closed = ids[3]!;
    await main.db.updateTable('slots').set({ status: 'closed' }).where('id', '=', closed).execute();
    await main.db.transaction().execute((trx) => enqueueIndexChanges(trx, upserts([closed])));
    await runOutbox([startWorker(b)]);
    await eventually(async () => (await a.search.get('slots', closed)) === null, 'the closed slot left the follower');
    expect(await b.search.get('slots', closed)).toBeNull();
  });

  it('holds notices that arrive while the process builds its index and applies them after', async () => {
    const writer = processes[0]!;
    const late = await startProcess('late', await openDatabase({ kind: 'postgres', url: main.url!, max: 2 }), { start: false });
    const [slot] = await newSlots(1, 2);
    await main.db.transaction().execute((trx) => enqueueIndexChanges(trx, upserts([slot!.id])));
    await runOutbox([startWorker(writer)]);
    await eventually(async () => (await writer.search.get('slots', slot!.id)) !== null, 'the writer applied it');
    // Not applied before start(): a rebuild in progress could otherwise overwrite it with what it read earlier.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await late.search.get('slots', slot!.id)).toBeNull();
    late.follower.start();
    await eventually(async () => (await late.search.get('slots', slot!.id)) !== null, 'the late process applied the held notice');
  });

  it('re-opens a dropped listening connection and rebuilds its index from the database', async () => {
    const follower = processes[1]!;
    const writer = processes[0]!;
    const before = follower.resyncs;
    // A slot written while nobody listens for follower b: only a rebuild can bring it.
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query = 'listen jobbro_index_changes'`.execute(
      main.db,
    );
    const [slot] = await newSlots(1, 3);
    await main.db.transaction().execute((trx) => enqueueIndexChanges(trx, upserts([slot!.id])));
    await runOutbox([startWorker(writer)]);
    await eventually(async () => follower.resyncs > before, 'the follower rebuilt its index');
    await eventually(async () => (await follower.search.get('slots', slot!.id)) !== null, 'the rebuilt index has the slot');
  });
});

describe('rebuilding an embedded index while it serves', () => {
  it('keeps answering from the old index and carries writes made meanwhile into the new one', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const world = await buildMatchingWorld(database.db);
      let release!: () => void;
      let reached!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const atGate = new Promise<void>((resolve) => (reached = resolve));
      // The fresh engine waits at its first upload of slots (the rebuild has read the first page of slots by then), so the test acts mid-rebuild.
      const slowFresh = (): SearchEngine => {
        const inner = createEmbeddedEngine();
        return {
          ...inner,
          kind: inner.kind,
          upsert: async (index, documents) => {
            if (index === 'slots') {
              reached();
              await gate;
            }
            return inner.upsert(index, documents);
          },
        };
      };
      const { engine, rebuild } = rebuildableEngine(createEmbeddedEngine(), slowFresh);
      await reindex({ db: database.db, search: engine, sources });
      const before = await engine.count('slots');
      expect(before).toBeGreaterThan(0);

      const rebuilding = rebuild({ db: database.db, sources });
      await atGate;
      expect(await engine.count('slots')).toBe(before);
      // This process's outbox applies a change to a slot the rebuild has already read.
      const slotId = world.slots.igu.id;
      await database.db.updateTable('slots').set({ title: 'renamed during the rebuild' }).where('id', '=', slotId).execute();
      const current = await sources.slots.load(database.db, [slotId]);
      await engine.upsert('slots', [...current.values()]);
      release();
      await rebuilding;

      expect(await engine.count('slots')).toBe(before);
      expect(await engine.get('slots', slotId)).toEqual(current.get(slotId));
      expect(await engine.get('slots', slotId)).toMatchObject({ title: 'renamed during the rebuild' });
    } finally {
      await database.close();
    }
  });
});
