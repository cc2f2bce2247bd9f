/**
 * Two app processes against one PostgreSQL: each with its own connection
 * pool, its own Lucia instance and its own outbox worker, as two copies of
 * the built server behind a load balancer would be. They share one search
 * engine — Meilisearch when MEILI_HOST is set, otherwise one embedded engine
 * standing in for it. (An embedded engine per process, each following the
 * changes the others apply, is tests/scale/index-follower.test.ts.)
 *
 * Checked: a session opened through one process is valid through the other
 * and a logout in either ends it for both; with both workers running, every
 * outbox entry is applied exactly once and none is left; re-matching driven
 * by changes in both processes ends in one consistent set of proposals and
 * leaves decided ones alone.
 */
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAuth, type Auth } from '../../app/auth/lucia.server.js';
import { rematchAll, rematchForIndexChanges } from '../../app/matching/proposals.server.js';
import { openDatabase, type Database } from '../../db/client.server.js';
import { markProposalDecided } from '../../db/queries/queue.js';
import { selectProposalsOfSlot } from '../../db/queries/proposals.js';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { provisionJobbroKey } from '../../search/create-engine.server.js';
import { createDocumentSources } from '../../app/matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { createMeilisearchEngine } from '../../search/meilisearch-engine.js';
import { enqueueIndexChanges, outboxBacklog, startOutboxWorker, type IndexChange, type OutboxWorker } from '../../search/outbox.server.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';
import { buildMatchingWorld, insertPublishedSlots, type MatchingWorld } from '../setup/test-world.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const sources = createDocumentSources({ clock });
const EXTRA_SLOTS = 40;

/** Writes to the shared engine, counted per document and per process. */
type Writes = { perDocument: Map<string, number>; perProcess: number[] };

function counting(inner: SearchEngine, writes: Writes, processNo: number): SearchEngine {
  const count = (index: string, ids: string[]) => {
    for (const id of ids) writes.perDocument.set(`${index}:${id}`, (writes.perDocument.get(`${index}:${id}`) ?? 0) + 1);
    writes.perProcess[processNo] = (writes.perProcess[processNo] ?? 0) + ids.length;
  };
  return {
    ...inner,
    async upsert(index, documents) {
      count(
        index,
        documents.map((document) => document.id),
      );
      await inner.upsert(index, documents);
    },
    async remove(index, ids) {
      count(index, ids);
      await inner.remove(index, ids);
    },
    // The engine is shared: closing one process must not close it for the other.
    async close() {},
  };
}

type EngineCase = { name: string; create(): Promise<{ engines: [SearchEngine, SearchEngine]; close(): Promise<void> }> };

const engineCases: EngineCase[] = [
  {
    name: 'embedded (shared)',
    async create() {
      const engine = createEmbeddedEngine();
      return { engines: [engine, engine], close: () => engine.close() };
    },
  },
];

// Tests may read the environment directly; the app reads it only in app/env.server.ts.
const meiliHost = process.env.MEILI_HOST;
if (meiliHost) {
  engineCases.push({
    name: 'meilisearch',
    async create() {
      const indexPrefix = `twoproc_${randomBytes(4).toString('hex')}_`;
      const masterKey = process.env.MEILI_MASTER_KEY || undefined;
      const apiKey = masterKey ? await provisionJobbroKey(meiliHost, masterKey, indexPrefix) : process.env.MEILI_API_KEY;
      // One client per process, as two servers would have.
      const engines: [SearchEngine, SearchEngine] = [
        createMeilisearchEngine({ host: meiliHost, apiKey, indexPrefix }),
        createMeilisearchEngine({ host: meiliHost, apiKey, indexPrefix }),
      ];
      return {
        engines,
        async close() {
          await Promise.all(engines.map((engine) => engine.close()));
          const admin = new Meilisearch({ host: meiliHost, apiKey: masterKey ?? apiKey });
          for (const index of ['slots', 'candidates']) await admin.deleteIndexIfExists(`${indexPrefix}${index}`);
        },
      };
    },
  });
}

type AppProcess = { database: Database; auth: Auth; search: SearchEngine };

describe.skipIf(!inject('postgresUrl')).each(engineCases)('two app processes on one PostgreSQL, search $name', (engineCase) => {
  let main: TestDatabase;
  let processes: [AppProcess, AppProcess];
  let shared: Awaited<ReturnType<EngineCase['create']>>;
  let world: MatchingWorld;
  const writes: Writes = { perDocument: new Map(), perProcess: [0, 0] };

  const startWorkers = (): OutboxWorker[] =>
    processes.map((app) =>
      startOutboxWorker({
        db: app.database.db,
        search: app.search,
        sources,
        // Small batches, so the two workers take turns on one backlog.
        batchSize: 5,
        intervalMs: 10,
        onApplied: (changes) => rematchForIndexChanges({ db: app.database.db, search: app.search, clock }, changes),
      }),
    );

  /** Waits for an empty backlog, then stops both workers (stop waits for a batch in progress and its re-match). */
  async function runUntilEmpty(workers: OutboxWorker[]): Promise<void> {
    const deadline = Date.now() + 60_000;
    while ((await outboxBacklog(main.db)) > 0) {
      if (Date.now() > deadline) throw new Error('the outbox was not emptied within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(workers.map((worker) => worker.stop()));
  }

  beforeAll(async () => {
    main = await createTestDatabase('postgres');
    if (!main.url) throw new Error('the PostgreSQL test database has no URL');
    world = await buildMatchingWorld(main.db);
    shared = await engineCase.create();
    const second = await openDatabase({ kind: 'postgres', url: main.url, max: 5 });
    processes = [
      { database: main, auth: createAuth(main.db, { secureCookies: false }), search: counting(shared.engines[0], writes, 0) },
      { database: second, auth: createAuth(second.db, { secureCookies: false }), search: counting(shared.engines[1], writes, 1) },
    ];
    await reindex({ db: main.db, search: shared.engines[0], sources });
  });

  afterAll(async () => {
    await processes?.[1].database.close();
    await shared?.close();
    await main?.close();
  });

  it('shares sessions: opened in one process, valid in the other, ended by a logout in either', async () => {
    const [a, b] = processes;
    const user = await insertUser(
      main.db,
      buildUser(seededRng(1, 'two-processes'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }),
    );

    const first = await a.auth.createSession(user.id, {});
    expect((await b.auth.validateSession(first.id)).user?.id).toBe(user.id);
    await b.auth.invalidateSession(first.id);
    expect((await a.auth.validateSession(first.id)).session).toBeNull();
    expect((await b.auth.validateSession(first.id)).session).toBeNull();

    const second = await b.auth.createSession(user.id, {});
    expect((await a.auth.validateSession(second.id)).session?.id).toBe(second.id);
    await a.auth.invalidateSession(second.id);
    expect((await b.auth.validateSession(second.id)).session).toBeNull();
  });

  it('applies every outbox entry exactly once with both workers running, and leaves none', async () => {
    const slots = await insertPublishedSlots(main.db, world, EXTRA_SLOTS, 'two-processes', 2);
    const changes: IndexChange[] = [
      ...slots.map((slot) => ({ index: 'slots' as const, id: slot.id, operation: 'upsert' as const })),
      ...Object.values(world.people).map((person) => ({ index: 'candidates' as const, id: person.id, operation: 'upsert' as const })),
    ];
    // Half written through each process, as requests to either would.
    await main.db.transaction().execute((trx) =>
      enqueueIndexChanges(
        trx,
        changes.filter((_, i) => i % 2 === 0),
      ),
    );
    await processes[1].database.db.transaction().execute((trx) =>
      enqueueIndexChanges(
        trx,
        changes.filter((_, i) => i % 2 === 1),
      ),
    );
    writes.perDocument.clear();
    writes.perProcess = [0, 0];

    await runUntilEmpty(startWorkers());

    expect(await outboxBacklog(main.db)).toBe(0);
    const expected = new Map(changes.map((change) => [`${change.index}:${change.id}`, 1]));
    expect(Object.fromEntries(writes.perDocument)).toEqual(Object.fromEntries(expected));
    // Both took part: otherwise this would test one worker twice over.
    expect(writes.perProcess[0]).toBeGreaterThan(0);
    expect(writes.perProcess[1]).toBeGreaterThan(0);
    expect(await shared.engines[1].get('slots', slots[0]!.id)).toMatchObject({ id: slots[0]!.id });
  });

  it('re-matches changes from both processes into one consistent set of proposals, decided ones untouched', async () => {
    const [a, b] = processes;
    await rematchAll({ db: a.database.db, search: a.search, clock });
    const igu = world.slots.igu.id;
    const before = await selectProposalsOfSlot(main.db, igu);
    const decided = before.find((row) => row.candidate_id === world.people.neighbour.id);
    expect(decided).toBeDefined();
    const decidedAt = new Date('2026-03-01T10:00:00Z');
    const consultant = await insertUser(
      main.db,
      buildUser(seededRng(3, 'two-processes'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }),
    );
    await markProposalDecided(main.db, decided!.id, {
      status: 'rejected',
      decidedBy: consultant.id,
      decidedAt,
      rejectReason: 'distance',
      note: 'too far',
    });

    // Process A changes the slot; process B changes candidates proposed for it, twice over; all at about the same time.
    await a.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('slots').set({ hours_per_week: 25 }).where('id', '=', igu).execute();
      await enqueueIndexChanges(trx, [{ index: 'slots', id: igu, operation: 'upsert' }]);
    });
    await b.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('candidates').set({ available_from: '2026-06-01' }).where('id', '=', world.people.ok.id).execute();
      await enqueueIndexChanges(trx, [
        { index: 'candidates', id: world.people.ok.id, operation: 'upsert' },
        { index: 'candidates', id: world.people.neighbour.id, operation: 'upsert' },
      ]);
    });
    await a.database.db.transaction().execute((trx) =>
      enqueueIndexChanges(trx, [
        { index: 'candidates', id: world.people.neighbour.id, operation: 'upsert' },
        { index: 'slots', id: world.slots.praktik.id, operation: 'upsert' },
      ]),
    );
    await b.database.db.transaction().execute((trx) => enqueueIndexChanges(trx, [{ index: 'slots', id: igu, operation: 'upsert' }]));

    await runUntilEmpty(startWorkers());

    const after = await selectProposalsOfSlot(main.db, igu);
    const pairs = after.map((row) => `${row.slot_id}:${row.candidate_id}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    // No longer available in time: out of the undecided proposals.
    expect(after.some((row) => row.candidate_id === world.people.ok.id)).toBe(false);
    expect(after.find((row) => row.id === decided!.id)).toMatchObject({ status: 'rejected', decided_at: decidedAt, score: decided!.score });

    // What both processes left is what one process computes from scratch.
    const snapshot = async () =>
      (await Promise.all([igu, world.slots.praktik.id].map((slotId) => selectProposalsOfSlot(main.db, slotId))))
        .flat()
        .map((row) => ({ slot: row.slot_id, candidate: row.candidate_id, status: row.status, score: row.score }))
        .sort((x, y) => `${x.slot}${x.candidate}`.localeCompare(`${y.slot}${y.candidate}`));
    const left = await snapshot();
    await rematchAll({ db: b.database.db, search: b.search, clock });
    expect(await snapshot()).toEqual(left);
  });
});
