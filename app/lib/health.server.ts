/** The state of what Jobbro depends on, for GET /healthz and for monitoring: `degraded` while a dependency is down or a search document keeps failing. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SearchEngine } from '../../search/engine.js';
import { failedOutboxEntries, outboxBacklog } from '../../search/outbox.server.js';

export type Health = {
  status: 'ok' | 'degraded';
  database: 'up' | 'down';
  search: 'up' | 'down';
  /** Changes not yet copied to the search engine; null when the database is down. */
  outboxBacklog: number | null;
  /** Of those, the ones whose own document failed (listed on /admin/outbox); any makes the status `degraded`. */
  outboxFailed: number | null;
};

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), CHECK_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** Never throws: a failing dependency is reported as `down`. */
export async function checkHealth(deps: { db: Kysely<DB>; search: SearchEngine }): Promise<Health> {
  const [databaseUp, searchUp] = await Promise.all([
    withTimeout(
      sql`select 1`.execute(deps.db).then(() => true),
      false,
    ),
    withTimeout(deps.search.healthy(), false),
  ]);
  const [backlog, failed] = databaseUp
    ? await Promise.all([withTimeout<number | null>(outboxBacklog(deps.db), null), withTimeout<number | null>(failedOutboxEntries(deps.db), null)])
    : [null, null];
  return {
    status: databaseUp && searchUp && failed === 0 ? 'ok' : 'degraded',
    database: databaseUp ? 'up' : 'down',
    search: searchUp ? 'up' : 'down',
    outboxBacklog: backlog,
    outboxFailed: failed,
  };
}
