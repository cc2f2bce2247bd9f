/**
 * Opens the database: PostgreSQL through `pg` when a URL is given, otherwise
 * PGlite in-process. Both return the same Kysely<DB> and the same value types
 * (int8 and numeric as numbers, dates as 'YYYY-MM-DD' strings).
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { recordFailedStatement } from './failed-statement.js';
import { lockDataDirectory, type LockOptions } from './data-dir-lock.js';
import { preparingPool } from './pg-prepared.js';
import { PGliteDialect, queryableInProcess } from './pglite-dialect.js';
import { pgliteParsers } from './pglite-parsers.js';
import { openPGliteThread, type PGliteQueryable } from './pglite-thread.js';
import type { DB } from './schema.js';

export type DatabaseConfig =
  | {
      kind: 'pglite';
      /** null: a throwaway database in memory. */
      dataDir: string | null;
      /** When another process holds the directory: wait for it to stop instead of refusing (data-dir-lock.ts). */
      waitForHolder?: LockOptions['wait'];
    }
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
  const close = async () => {
    await db.destroy();
    // Kysely destroys only a driver that has run a query: a database closed before its first query stayed open (and healthy).
    if (!pglite.closed) await pglite.close();
  };
  return { db, kind: 'pglite', close };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.max ?? 10, types: pgTypes });
    // Without a listener the pool's 'error' event for an idle connection is thrown and ends the process.
    pool.on('error', (error) => config.onIdleError?.(error));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }), log: recordFailedStatement });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (config.dataDir === null) return databaseOver(await openPGliteThread('memory://'));
  // One writer per directory: refuses (or waits) while another process has it open.
  const lock = await lockDataDirectory(config.dataDir, config.waitForHolder ? { wait: config.waitForHolder } : {});
  try {
    // Its own thread, so queries run on another core than rendering (pglite-thread.ts).
    const database = databaseOver(await openPGliteThread(config.dataDir));
    return { ...database, close: () => database.close().finally(() => lock.release()) };
  } catch (error) {
    lock.release();
    throw error;
  }
}
