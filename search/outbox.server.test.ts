import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.server.js';
import type { DB } from '../db/schema.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../tests/setup/database.js';
import type { DocumentSource, DocumentSources } from './document-sources.js';
import { createEmbeddedEngine } from './embedded-engine.js';
import { SearchUnavailable, type IndexSettings, type SearchDocument, type SearchEngine } from './engine.js';
import {
  enqueueIndexChange,
  failedOutboxEntries,
  outboxBacklog,
  processOutboxBatch,
  retryFailedOutboxEntry,
  startOutboxWorker,
} from './outbox.server.js';

// The outbox does not care what a document is: ESCO skills stand in for slots here.
const uri = (code: string) => `http://data.europa.eu/esco/skill/${code}`;
const label = (name: string) => ({ da: name, en: name, ar: name, uk: name });
const regionSettings: IndexSettings = {
  fields: { id: 'keyword', name: 'string' },
  searchable: ['name'],
  filterable: [],
  sortable: [],
  synonyms: [],
  typoTolerance: true,
};

const regionSource: DocumentSource = {
  settings: () => regionSettings,
  async load(db: Kysely<DB>, ids: string[]) {
    const rows = ids.length === 0 ? [] : await db.selectFrom('skills').select(['uri', 'labels']).where('uri', 'in', ids.map(uri)).execute();
    return new Map<string, SearchDocument>(
      rows.map((row) => {
        const id = row.uri.slice(uri('').length);
        return [id, { id, name: row.labels.da }];
      }),
    );
  },
  async *allIds(db: Kysely<DB>) {
    const rows = await db.selectFrom('skills').select('uri').orderBy('uri').execute();
    yield rows.map((row) => row.uri.slice(uri('').length));
  },
};

const sources: DocumentSources = { slots: regionSource, candidates: regionSource };

/** An engine that can be switched off, and that counts what it was asked to write. */
function switchableEngine(delayMs = 0) {
  const inner = createEmbeddedEngine();
  const state = { down: false, upserted: [] as string[] };
  const guard = async () => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (state.down) throw new SearchUnavailable('engine is down');
  };
  const engine: SearchEngine = {
    ...inner,
    kind: 'embedded',
    async configureIndex(index, settings) {
      await guard();
      await inner.configureIndex(index, settings);
    },
    async upsert(index, documents) {
      await guard();
      state.upserted.push(...documents.map((document) => document.id));
      await inner.upsert(index, documents);
    },
    async remove(index, ids) {
      await guard();
      await inner.remove(index, ids);
    },
    healthy: async () => !state.down,
  };
  return { engine, state, inner };
}

async function addRegion(db: Kysely<DB>, code: string, name: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('skills')
      .values({ uri: uri(code), labels: label(name) })
      .execute();
    await enqueueIndexChange(trx, { index: 'slots', id: code, operation: 'upsert' });
  });
}

describe.each(databaseKinds)('search outbox on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.deleteFrom('search_outbox').execute();
    await database.db.deleteFrom('skills').execute();
  });

  it('writes the data change and its outbox entry in one transaction', async () => {
    await addRegion(database.db, 'R1', 'Region Hovedstaden');
    const rows = await database.db.selectFrom('search_outbox').selectAll().execute();
    expect(rows).toMatchObject([{ index_name: 'slots', document_id: 'R1', operation: 'upsert', processed_at: null, attempts: 0 }]);
    expect(await outboxBacklog(database.db)).toBe(1);
  });

  it('leaves no outbox entry when the transaction rolls back', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('skills')
          .values({ uri: uri('R2'), labels: label('X') })
          .execute();
        await enqueueIndexChange(trx, { index: 'slots', id: 'R2', operation: 'upsert' });
        throw new Error('domain rule refused');
      }),
    ).rejects.toThrow('domain rule refused');
    expect(await outboxBacklog(database.db)).toBe(0);
  });

  it('applies upserts and deletes, collapsing repeats of a document', async () => {
    const { engine, state } = switchableEngine();
    await addRegion(database.db, 'R1', 'Region Hovedstaden');
    await addRegion(database.db, 'R2', 'Region Sjælland');
    await database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('skills')
        .set({ labels: label('Region Hovedstaden (ny)') })
        .where('uri', '=', uri('R1'))
        .execute();
      await enqueueIndexChange(trx, { index: 'slots', id: 'R1', operation: 'upsert' });
      await trx.deleteFrom('skills').where('uri', '=', uri('R2')).execute();
      await enqueueIndexChange(trx, { index: 'slots', id: 'R2', operation: 'delete' });
    });
    expect(await processOutboxBatch({ db: database.db, search: engine, sources })).toEqual({ processed: 4, failed: 0 });
    expect(state.upserted).toEqual(['R1']);
    expect(await engine.get('slots', 'R1')).toEqual({ id: 'R1', name: 'Region Hovedstaden (ny)' });
    expect(await engine.get('slots', 'R2')).toBeNull();
    expect(await outboxBacklog(database.db)).toBe(0);
  });

  it('keeps entries pending while the engine is down and catches up when it is back', async () => {
    const { engine, state } = switchableEngine();
    state.down = true;
    await addRegion(database.db, 'R1', 'Region Nordjylland');
    await addRegion(database.db, 'R2', 'Region Midtjylland');
    expect(await processOutboxBatch({ db: database.db, search: engine, sources })).toEqual({ processed: 0, failed: 2 });
    expect(await processOutboxBatch({ db: database.db, search: engine, sources })).toEqual({ processed: 0, failed: 2 });
    const pending = await database.db.selectFrom('search_outbox').select(['attempts', 'last_error', 'processed_at']).execute();
    expect(pending).toHaveLength(2);
    for (const row of pending) {
      expect(row).toMatchObject({ attempts: 2, processed_at: null });
      expect(row.last_error).toMatch(/engine is down/);
    }
    expect(await outboxBacklog(database.db)).toBe(2);

    state.down = false;
    const warnings: string[] = [];
    const worker = startOutboxWorker({
      db: database.db,
      search: engine,
      sources,
      intervalMs: 20,
      logger: { warn: (_obj, msg) => warnings.push(msg) },
    });
    await worker.drain();
    await worker.stop();
    expect(await outboxBacklog(database.db)).toBe(0);
    expect(await engine.count('slots')).toBe(2);
    expect((await engine.search('slots', { q: 'midtjylland', limit: 5 })).hits.map((hit) => hit.id)).toEqual(['R2']);
  });

  /** The region source, except that building `poisoned`'s document throws, as a birth date of 9999-12-31 once did. */
  const poisonedSources = (poisoned: Set<string>): DocumentSources => {
    const source: DocumentSource = {
      ...regionSource,
      async load(db, ids) {
        const bad = ids.find((id) => poisoned.has(id));
        if (bad) throw new RangeError(`Not a date (YYYY-MM-DD) in document ${bad}`);
        return regionSource.load(db, ids);
      },
    };
    return { slots: source, candidates: source };
  };

  it('isolates a document that cannot be built: marked failed with its error, every other change goes through, counted as failed', async () => {
    const { engine } = switchableEngine();
    const poisoned = new Set(['R1']);
    await addRegion(database.db, 'R1', 'Region Hovedstaden');
    await addRegion(database.db, 'R2', 'Region Sjælland');
    await addRegion(database.db, 'R3', 'Region Syddanmark');

    expect(await processOutboxBatch({ db: database.db, search: engine, sources: poisonedSources(poisoned) })).toEqual({ processed: 2, failed: 1 });
    expect(await engine.get('slots', 'R2')).toEqual({ id: 'R2', name: 'Region Sjælland' });
    expect(await engine.get('slots', 'R1')).toBeNull();
    const [failed] = await database.db
      .selectFrom('search_outbox')
      .select(['document_id', 'attempts', 'last_error', 'retry_at'])
      .where('processed_at', 'is', null)
      .execute();
    expect(failed).toMatchObject({ document_id: 'R1', attempts: 1, last_error: 'RangeError: Not a date (YYYY-MM-DD) in document R1' });
    expect(failed!.retry_at!.getTime()).toBeGreaterThan(Date.now() + 5_000);
    // What /healthz reports as degraded (app/lib/health.server.ts).
    expect([await outboxBacklog(database.db), await failedOutboxEntries(database.db)]).toEqual([1, 1]);

    // A change made afterwards is found at once; the failed entry waits for its back-off.
    await addRegion(database.db, 'R4', 'Region Midtjylland');
    expect(await processOutboxBatch({ db: database.db, search: engine, sources: poisonedSources(poisoned) })).toEqual({ processed: 1, failed: 0 });
    expect((await engine.search('slots', { q: 'midtjylland', limit: 5 })).hits.map((hit) => hit.id)).toEqual(['R4']);
    expect(await processOutboxBatch({ db: database.db, search: engine, sources: poisonedSources(poisoned) })).toEqual({ processed: 0, failed: 0 });

    // Due again and still failing: the back-off doubles.
    await database.db
      .updateTable('search_outbox')
      .set({ retry_at: new Date(Date.now() - 1_000) })
      .where('processed_at', 'is', null)
      .execute();
    expect(await processOutboxBatch({ db: database.db, search: engine, sources: poisonedSources(poisoned) })).toEqual({ processed: 0, failed: 1 });
    const again = await database.db
      .selectFrom('search_outbox')
      .select(['attempts', 'retry_at'])
      .where('processed_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(again.attempts).toBe(2);
    expect(again.retry_at!.getTime()).toBeGreaterThan(Date.now() + 15_000);

    // Once the data is mended, the document's next change applies it and settles the failed entry too.
    poisoned.clear();
    await database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('skills')
        .set({ labels: label('Region Hovedstaden (rettet)') })
        .where('uri', '=', uri('R1'))
        .execute();
      await enqueueIndexChange(trx, { index: 'slots', id: 'R1', operation: 'upsert' });
    });
    expect(await processOutboxBatch({ db: database.db, search: engine, sources: poisonedSources(poisoned) })).toEqual({ processed: 1, failed: 0 });
    expect(await engine.get('slots', 'R1')).toEqual({ id: 'R1', name: 'Region Hovedstaden (rettet)' });
    expect([await outboxBacklog(database.db), await failedOutboxEntries(database.db)]).toEqual([0, 0]);
  });

  it('isolates a document the engine refuses while it answers, and keeps the batch waiting while it does not', async () => {
    const { engine, inner } = switchableEngine();
    const refusing: SearchEngine = {
      ...engine,
      async upsert(index, documents) {
        if (documents.some((document) => document.id === 'R2')) throw new Error('document R2: invalid geo field');
        await engine.upsert(index, documents);
      },
    };
    await addRegion(database.db, 'R1', 'Region Hovedstaden');
    await addRegion(database.db, 'R2', 'Region Sjælland');
    await addRegion(database.db, 'R3', 'Region Syddanmark');
    expect(await processOutboxBatch({ db: database.db, search: refusing, sources })).toEqual({ processed: 2, failed: 1 });
    expect(await inner.count('slots')).toBe(2);
    const failed = await database.db
      .selectFrom('search_outbox')
      .select(['document_id', 'last_error'])
      .where('retry_at', 'is not', null)
      .where('processed_at', 'is', null)
      .execute();
    expect(failed).toEqual([{ document_id: 'R2', last_error: 'Error: document R2: invalid geo field' }]);
  });

  it("retries a failed entry at once when asked (the admin's button)", async () => {
    const { engine } = switchableEngine();
    const poisoned = new Set(['R1']);
    await addRegion(database.db, 'R1', 'Region Hovedstaden');
    await processOutboxBatch({ db: database.db, search: engine, sources: poisonedSources(poisoned) });
    const entry = await database.db.selectFrom('search_outbox').select('id').where('processed_at', 'is', null).executeTakeFirstOrThrow();
    poisoned.clear();
    expect(await processOutboxBatch({ db: database.db, search: engine, sources })).toEqual({ processed: 0, failed: 0 });
    expect(await retryFailedOutboxEntry(database.db, entry.id)).toBe(true);
    expect(await processOutboxBatch({ db: database.db, search: engine, sources })).toEqual({ processed: 1, failed: 0 });
    expect(await retryFailedOutboxEntry(database.db, entry.id)).toBe(false);
    expect(await engine.get('slots', 'R1')).toEqual({ id: 'R1', name: 'Region Hovedstaden' });
  });

  it.runIf(kind === 'postgres')('lets two processes work the same outbox, each entry handled once', async () => {
    const url = database.url;
    if (!url) throw new Error('expected a PostgreSQL URL');
    const codes = Array.from({ length: 150 }, (_, i) => `R${String(i).padStart(3, '0')}`);
    await database.db
      .insertInto('skills')
      .values(codes.map((code) => ({ uri: uri(code), labels: label(`Region ${code}`) })))
      .execute();
    // Two entries per document, so the per-document lock and the collapsing are exercised too.
    await database.db
      .insertInto('search_outbox')
      .values([...codes, ...codes].map((code) => ({ index_name: 'slots' as const, document_id: code, operation: 'upsert' as const })))
      .execute();

    const processA = await openDatabase({ kind: 'postgres', url, max: 3 });
    const processB = await openDatabase({ kind: 'postgres', url, max: 3 });
    const engineA = switchableEngine(3);
    const engineB = switchableEngine(3);
    try {
      const work = async (db: Kysely<DB>, engine: SearchEngine) => {
        let handled = 0;
        for (let idle = 0; idle < 3;) {
          const { processed, failed } = await processOutboxBatch({ db, search: engine, sources, batchSize: 10 });
          expect(failed).toBe(0);
          handled += processed;
          idle = processed === 0 ? idle + 1 : 0;
          if (processed === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        }
        return handled;
      };
      const [handledA, handledB] = await Promise.all([work(processA.db, engineA.engine), work(processB.db, engineB.engine)]);
      expect(handledA + handledB).toBe(300);
      expect(handledA).toBeGreaterThan(0);
      expect(handledB).toBeGreaterThan(0);
      expect(await outboxBacklog(database.db)).toBe(0);
      const indexed = new Set([...engineA.state.upserted, ...engineB.state.upserted]);
      expect(indexed.size).toBe(150);
    } finally {
      await processA.close();
      await processB.close();
    }
  });
});
