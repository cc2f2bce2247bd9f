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
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({ status: 'degraded', database: 'up', search: 'down', outboxBacklog: 2 });
    state.up = true;
    expect(await checkHealth({ db: database.db, search: engine })).toEqual({ status: 'ok', database: 'up', search: 'up', outboxBacklog: 2 });
  });
});
