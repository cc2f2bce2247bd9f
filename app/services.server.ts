/**
 * Everything the running app holds open: database, search engine, auth,
 * logger and the outbox worker that keeps search in step with PostgreSQL.
 * Started once, before the server listens (PGlite needs ~2 s to open), and
 * handed to every loader and action through the Remix load context.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { openDatabase, type Database } from '../db/client.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import type { DB } from '../db/schema.js';
import { loadReference, seedDatabase } from '../db/seed/seed.js';
import { createSearchEngine } from '../search/create-engine.server.js';
import { createDocumentSources } from './matching/documents/index.server.js';
import type { SearchEngine } from '../search/engine.js';
import { createEmbeddedEngine } from '../search/embedded-engine.js';
import { postgresNotices, rebuildableEngine, startIndexFollower, type IndexFollower, type NoticeSource } from '../search/index-follower.server.js';
import { startOutboxWorker } from '../search/outbox.server.js';
import { reindex } from '../search/reindex.server.js';
import { createAuth, type Auth } from './auth/lucia.server.js';
import { purgeAppliedErasures } from './privacy/erasure.server.js';
import { startInactivityReview, type InactivityReviewSchedule } from './candidates/inactivity.server.js';
import { createMailer } from './mail/mailer.server.js';
import { startNotificationWorker, type NotificationWorker } from './notifications/worker.server.js';
import { createLoginThrottle, type LoginThrottle } from './auth/login-throttle.server.js';
import { rematchAll, rematchForIndexChanges } from './matching/proposals.server.js';
import type { AppEnv } from './env.server.js';
import { createLogger } from './lib/logger.server.js';
import { hashPassword } from './auth/password.server.js';
import { getTaxonomy } from './taxonomy/taxonomy.js';

export type AppServices = {
  env: AppEnv;
  database: Database;
  db: Kysely<DB>;
  search: SearchEngine;
  auth: Auth;
  logger: Logger;
  clock: () => Date;
  outbox: { stop(): Promise<void>; drain(): Promise<void> };
  /** On PostgreSQL with the embedded engine: follows the index changes other processes apply (search/index-follower.server.ts). */
  indexFollower?: IndexFollower;
  /** The daily inactivity review (app/candidates/inactivity.server.ts): once at start, then every 24 h. Test harnesses run without it. */
  inactivityReview?: InactivityReviewSchedule;
  loginThrottle: LoginThrottle;
  /** Mail delivery, reminders and digests (app/notifications/worker.server.ts). Test harnesses run without it. */
  notificationWorker?: NotificationWorker;
};

declare module '@remix-run/node' {
  interface AppLoadContext {
    services: AppServices;
    /** Per-request nonce for the Content-Security-Policy's inline scripts. */
    cspNonce: string;
    /** The requester's address (for login throttling); never logged with personal data. */
    clientAddress?: string;
    /** Adds a Set-Cookie header to the response (sliding session renewal from any loader). */
    appendSetCookie?: (cookie: string) => void;
  }
  // remix.config.js turns single fetch on; this makes loader/action data types follow it.
  interface Future {
    v3_singleFetch: true;
  }
}

async function isFirstStart(db: Kysely<DB>): Promise<boolean> {
  const row = await db
    .selectFrom('jobcentres')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * Opens the database, migrates, seeds on the first start (reference data on
 * every other start), opens the search
 * engine, rebuilds the index when it cannot have survived (embedded engine)
 * or the seed just ran, and starts the outbox worker.
 */
export async function startServices(env: AppEnv, options: { logger?: Logger } = {}): Promise<AppServices> {
  const logger = options.logger ?? createLogger(env);
  const database = await openDatabase(
    env.database.kind === 'postgres'
      ? {
          kind: 'postgres',
          url: env.database.url,
          onIdleError: (error) => logger.warn({ err: error }, 'an idle database connection failed; the pool opens another'),
        }
      : { kind: 'pglite', dataDir: env.database.dataDir },
  );
  const { db } = database;
  let indexFollower: IndexFollower | undefined;
  try {
    await migrateToLatest(db);
    let seeded = false;
    if (await isFirstStart(db)) {
      logger.info({ demo: env.demo }, 'first start: loading reference data%s', env.demo ? ' and demo data' : '');
      const summary = await seedDatabase(db, { hashPassword, taxonomy: getTaxonomy(), demo: env.demo, log: (line) => logger.info(line) });
      logger.info({ counts: summary.counts, ms: summary.durationMs }, 'seed finished');
      seeded = true;
    } else {
      // Reference data (places, taxonomy, jobcentres) follows the data files shipped with this version.
      const started = Date.now();
      await loadReference(db, { taxonomy: getTaxonomy() });
      logger.info({ ms: Date.now() - started }, 'reference data loaded');
    }
    const sources = createDocumentSources();
    // Each of several processes on PostgreSQL with an embedded engine holds its own index: it follows what the others apply.
    // Listening starts before the rebuild, so nothing committed meanwhile is missed; a resync rebuilds beside the serving index.
    const origin = randomUUID();
    const notices: NoticeSource | undefined =
      env.search.kind === 'embedded' && env.database.kind === 'postgres' ? postgresNotices(env.database.url) : undefined;
    const rebuildable = notices ? rebuildableEngine(createEmbeddedEngine(), createEmbeddedEngine) : undefined;
    const search = rebuildable?.engine ?? (await createSearchEngine(env.search));
    indexFollower =
      notices && rebuildable
        ? await startIndexFollower({ notices, db, search, sources, origin, logger, resync: () => rebuildable.rebuild({ db, sources }) })
        : undefined;
    // The embedded engine lives in memory, so PostgreSQL is its source of truth on every boot.
    if (env.search.kind === 'embedded' || seeded) {
      const started = Date.now();
      const counts = await reindex({ db, search, sources, logger });
      logger.info({ counts, ms: Date.now() - started }, 'search index rebuilt');
    }
    indexFollower?.start();
    const clock = () => new Date();
    if (seeded) {
      const matched = await rematchAll(
        { db, search, clock },
        { onSlotFailed: (slotId, error) => logger.warn({ slotId, err: error }, 'match proposals: a slot could not be ranked; skipped') },
      );
      logger.info({ slots: matched.slots, proposals: matched.proposed, ms: Math.round(matched.durationMs) }, 'match proposals computed');
    }
    const outbox = startOutboxWorker({
      db,
      search,
      sources,
      intervalMs: env.outboxIntervalMs,
      logger,
      ...(indexFollower ? { announceAs: origin } : {}),
      // A slot or profile change re-matches what it touches once the index holds the new version.
      onApplied: async (changes) => {
        await rematchForIndexChanges({ db, search, clock }, changes);
        // An applied delete of an erased candidate is the last place their id is kept.
        if (changes.some((change) => change.index === 'candidates' && change.operation === 'delete')) await purgeAppliedErasures(db);
      },
    });
    const inactivityReview = startInactivityReview({ db, mailer: createMailer({ env, db }), clock, logger });
    const notificationWorker = startNotificationWorker({ db, mailer: createMailer({ env, db }), clock, baseUrl: env.publicUrl, logger });
    const auth = createAuth(db, { secureCookies: env.secureCookies });
    return {
      env,
      database,
      db,
      search,
      auth,
      logger,
      clock,
      outbox,
      indexFollower,
      inactivityReview,
      notificationWorker,
      loginThrottle: createLoginThrottle({ db }),
    };
  } catch (error) {
    await indexFollower?.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

/** Stops the review and the worker first (they use both), then search, then the database. */
export async function stopServices(services: AppServices): Promise<void> {
  await services.inactivityReview?.stop();
  await services.notificationWorker?.stop();
  await services.outbox.stop();
  await services.indexFollower?.stop();
  await services.search.close();
  await services.database.close();
}
