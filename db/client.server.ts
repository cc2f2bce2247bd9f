/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, otherwise
 * PGlite in-process. Both return the same Kysely<DB> and the same value types
 * (int8 and numeric as numbers, dates as 'YYYY-MM-DD' strings).
 */
import fs from 'node:fs';
import type { PGliteInterface } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { recordFailedStatement } from './failed-statement.js';
import { preparingPool } from './pg-prepared.js';
import { PGliteDialect, queryableInProcess } from './pglite-dialect.js';
import { pgliteParsers } from './pglite-parsers.js';
import { openPGliteViaPrimary, type BrokerChannel } from './pglite-remote.js';
import { openPGliteThread, type PGliteQueryable, type PGliteThread } from './pglite-thread.js';
import type { DB } from './schema.js';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string;
      max?: number;
      /** An idle pooled connection failed (server restarted, connection terminated): the pool drops it and opens another. */
      onIdleError?: (error: Error) => void;
    };

export type Database = {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};

export type Executor = Kysely<DB> | Transaction<DB>;

/** The same value types from both databases (pglite-parsers.js): int8 and numeric as numbers, dates as text. */
const ownParsers: Partial<Record<number, (value: string) => unknown>> = pgliteParsers;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return ownParsers[oid] ?? pg.types.getTypeParser(oid, format);
  },
};

/** Wraps an open in-process PGlite instance (e.g. a test template's clone). */
export function databaseFromPGlite(pglite: PGliteInterface): Database {
  return databaseOver(queryableInProcess(pglite, pgliteParsers));
}

function databaseOver(pglite: PGliteQueryable): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log: recordFailedStatement });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

/**
 * The embedded database that the primary of scripts/serve.ts holds for
 * several app processes (pglite-broker.server.ts), over `channel` (the
 * process's IPC channel), with its NOTIFY.
 */
export function openDatabaseViaPrimary(channel: BrokerChannel): Database & { listen: PGliteThread['listen'] } {
  const pglite = openPGliteViaPrimary(channel);
  return { ...databaseOver(pglite), listen: (name, onPayload) => pglite.listen(name, onPayload) };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.max ?? 10, types: pgTypes });
    // Without a listener the pool's 'error' event for an idle connection is thrown and ends the process.
    pool.on('error', (error) => config.onIdleError?.(error));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }), log: recordFailedStatement });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (config.dataDir) fs.mkdirSync(config.dataDir, { recursive: true });
  // Its own thread, so queries run on another core than rendering (pglite-thread.ts).
  return databaseOver(await openPGliteThread(config.dataDir ?? 'memory://'));
}
