/**
 * A Kysely dialect over PGlite (PostgreSQL compiled to WASM, in-process).
 *
 * PGlite has exactly one connection. Kysely assumes a pool, so without a lock
 * a query issued outside a transaction would run *inside* whichever
 * transaction happens to be open and see its uncommitted rows. The driver
 * therefore hands out the single connection under a mutex that is held from
 * acquire to release — for a transaction, that is from BEGIN to COMMIT.
 */
import type { PGliteInterface, ParserOptions } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { PGliteQueryable } from './pglite-thread.js';

class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves with a release function once every earlier holder has released. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGliteQueryable) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming queries are not supported');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #held = new WeakMap<DatabaseConnection, () => void>();

  constructor(private readonly pglite: PGliteQueryable) {}

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    const connection = new PGliteConnection(this.pglite);
    this.#held.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#held.get(connection)?.();
    this.#held.delete(connection);
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

/** An in-process PGlite as the dialect queries it; `parsers` apply to every query, so clones of an instance parse alike. */
export function queryableInProcess(pglite: PGliteInterface, parsers: ParserOptions = {}): PGliteQueryable {
  return {
    waitReady: pglite.waitReady,
    get closed() {
      return pglite.closed;
    },
    query: (sql, params) => pglite.query(sql, params, { rowMode: 'object', parsers }),
    close: () => pglite.close(),
  };
}

export class PGliteDialect implements Dialect {
  /** An in-process PGlite (see `queryableInProcess`) or one in a worker thread (pglite-thread.ts). */
  constructor(private readonly pglite: PGliteQueryable) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
