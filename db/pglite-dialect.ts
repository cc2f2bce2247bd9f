/**
 * A Kysely dialect over PGlite (PostgreSQL compiled to WASM, in-process).
 *
 * PGlite has exactly one connection. Kysely assumes a pool, so without a lock
 * a query issued outside a transaction would run *inside* whichever
 * transaction happens to be open and see its uncommitted rows. The driver
 * therefore holds a lock from BEGIN to COMMIT.
 *
 * Outside a transaction the lock is needed only to send a query, when the
 * database runs queries strictly in the order they were sent (the worker
 * thread of pglite-thread.ts: `runsInSendOrder`). Requests' queries then wait
 * in the thread's queue, and it goes from one to the next without waiting
 * for the main thread to take each answer and send the next query. An
 * in-process PGlite takes a query's turn only once it runs, so there the
 * single connection is held from acquire to release. With the thread,
 * `db.connection()` therefore reserves nothing outside a transaction: session
 * state (SET, temporary tables, session advisory locks) belongs in one.
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
  /** Set while this connection holds the driver's lock: during a transaction, or from acquire to release in process. */
  release: (() => void) | undefined;

  constructor(
    private readonly pglite: PGliteQueryable,
    private readonly lock: Mutex,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    let answer: ReturnType<PGliteQueryable['query']>;
    if (this.release) {
      answer = this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    } else {
      // Queued in order behind what was sent before, never inside an open transaction: the lock is only needed to send.
      const release = await this.lock.acquire();
      try {
        answer = this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
      } finally {
        release();
      }
    }
    const result = await answer;
    return {
      rows: result.rows as R[],
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming queries are not supported');
  }
}

class PGliteDriver implements Driver {
  readonly #lock = new Mutex();

  constructor(private readonly pglite: PGliteQueryable) {}

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = new PGliteConnection(this.pglite, this.#lock);
    // In process a query's turn is only taken once it runs, so the connection is held throughout (see the file comment).
    if (!this.pglite.runsInSendOrder) connection.release = await this.#lock.acquire();
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const own = ownConnection(connection);
    own.release ??= await this.#lock.acquire();
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      this.#endTransaction(connection);
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      this.#endTransaction(connection);
    }
  }

  /** With queries run in send order, the lock is given back as soon as the transaction ends. */
  #endTransaction(connection: DatabaseConnection): void {
    if (this.pglite.runsInSendOrder) giveBack(connection);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    giveBack(connection);
  }

  async destroy(): Promise<void> {
    // After any open transaction, so closing never cuts one in half.
    const release = await this.#lock.acquire();
    try {
      if (!this.pglite.closed) await this.pglite.close();
    } finally {
      release();
    }
  }
}

/** An in-process PGlite as the dialect queries it; `parsers` apply to every query, so clones of an instance parse alike. */
export function queryableInProcess(pglite: PGliteInterface, parsers: ParserOptions = {}): PGliteQueryable {
  return {
    waitReady: pglite.waitReady,
    get closed() {
      return pglite.closed;
    },
    runsInSendOrder: false,
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

  createIntrospector(db: Parameters<Dialect['createIntrospector']>[0]) {
    return new PostgresIntrospector(db);
  }
}

function ownConnection(connection: DatabaseConnection): PGliteConnection {
  if (!(connection instanceof PGliteConnection)) throw new Error('Not a connection of the PGlite dialect');
  return connection;
}

/** Gives the lock back if the connection holds it. */
function giveBack(connection: DatabaseConnection): void {
  const own = ownConnection(connection);
  own.release?.();
  own.release = undefined;
}
