import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { enqueueIndexChanges } from '../../search/outbox.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { checkHealth } from './health.server.js';

/** The embedded engine, answering its health check as `state.up` says. */
function switchableEngine(): { engine: SearchEngine; state: { up: boolean } } {
  const state = { up: true };
  const engine: SearchEngine = { ...createEmbeddedEngine(), healthy: async () => state.up };
  return { engine, state };
}

describe.each(databaseKinds)('GET /healthz on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.deleteFrom('search_outbox').execute();
  });

  it('is degraded while the search engine is down, and counts what the index lags by', async () => {
    const { engine, state } = switchableEngine();
    await database.db.transaction().execute((trx) =>
      enqueueIndexChanges(trx, [
        { index: 'slots', id: 'a', operation: 'upsert' },
        { index: 'slots', id: 'b', operation: 'delete' },
      ]),
    );
    state.up = false;
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({
      status: 'degraded',
      database: 'up',
      search: 'down',
      outboxBacklog: 2,
      outboxFailed: 0,
    });
    state.up = true;
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({
      status: 'ok',
      database: 'up',
      search: 'up',
      outboxBacklog: 2,
      outboxFailed: 0,
    });
  });

  it('is degraded, with the count, while a search document keeps failing (issue 21)', async () => {
    const { engine } = switchableEngine();
    await database.db.transaction().execute((trx) => enqueueIndexChanges(trx, [{ index: 'candidates', id: 'c', operation: 'upsert' }]));
    // What the outbox writes when the document cannot be built (search/outbox.server.ts).
    await database.db
      .updateTable('search_outbox')
      .set({ attempts: 1, last_error: 'RangeError: Not a date (YYYY-MM-DD)', retry_at: new Date(Date.now() + 10_000) })
      .execute();
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({
      status: 'degraded',
      database: 'up',
      search: 'up',
      outboxBacklog: 1,
      outboxFailed: 1,
    });
    await database.db.updateTable('search_outbox').set({ processed_at: new Date(), retry_at: null }).execute();
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({
      status: 'ok',
      database: 'up',
      search: 'up',
      outboxBacklog: 0,
      outboxFailed: 0,
    });
  });
});

describe.each(databaseKinds)('GET /healthz after the database closed on %s', (kind) => {
  it('reports the database down and the status degraded', async () => {
    const database = await createTestDatabase(kind);
    const { engine } = switchableEngine();
    await database.close();
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({
      status: 'degraded',
      database: 'down',
      search: 'up',
      outboxBacklog: null,
      outboxFailed: null,
    });
  });
});
