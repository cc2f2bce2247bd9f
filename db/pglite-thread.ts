/**
 * The embedded database (PGlite) in a worker thread of its own.
 *
 * PGlite runs PostgreSQL as WebAssembly on the thread that calls it. In the
 * main thread every query's parsing, planning and execution (≈ 30 % of a
 * page's CPU under load) took turns with rendering, so an embedded Jobbro
 * used one core of two. In a worker thread the database works on the other
 * core while the main thread renders. The thread runs queries in the order
 * they are sent (so pglite-dialect.ts locks only to send, and from BEGIN to
 * COMMIT) and prepares statements that come back (pglite-worker.js).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';

/** What the Kysely dialect needs of a PGlite: the in-process instance has it, and so does the thread. */
export type PGliteQueryable = {
  readonly waitReady: Promise<void>;
  /** True when queries run strictly in the order `query` was called (pglite-dialect.ts then sends without holding the connection). */
  readonly runsInSendOrder: boolean;
  readonly closed: boolean;
  query<T>(sql: string, params?: unknown[]): Promise<Pick<Results<T>, 'rows' | 'affectedRows'>>;
  close(): Promise<void>;
};

type Reply = { id: number; rows?: unknown[]; affectedRows?: number; error?: Record<string, unknown> & { message: string } };
type Pending = { resolve(reply: Reply): void; reject(error: Error): void };

/** A PostgreSQL error from the worker, with its fields (code, detail, constraint …) as PGlite gave them. */
export class EmbeddedDatabaseError extends Error {
  constructor(fields: Record<string, unknown> & { message: string }) {
    super(fields.message);
    const { message: _message, name: _name, ...rest } = fields;
    Object.assign(this, rest);
    this.name = 'EmbeddedDatabaseError';
  }
}

/** Opens PGlite on `dataDir` ('memory://' for a throwaway database) in a worker thread; resolves once it is open. */
export async function openPGliteThread(dataDir: string): Promise<PGliteQueryable> {
  // Plain JavaScript: without the parent's loaders (tsx, Vitest), which would only take memory in the thread (≈ 35 MB).
  // Found through package.json's "imports": this module may run from the Remix bundle in build/, away from db/.
  const workerFile = createRequire(import.meta.url).resolve('#pglite-worker');
  const worker = new Worker(workerFile, { workerData: { dataDir }, execArgv: [] });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let failure: Error | undefined;

  let terminating = false;
  const fail = (error: Error) => {
    failure ??= error;
    closed = true;
    for (const each of pending.values()) each.reject(error);
    pending.clear();
  };

  const waitReady = new Promise<void>((resolve, reject) => {
    const refused = (why: string) => reject(new Error(`The embedded database at ${dataDir} did not open: ${why}`));
    worker.once('message', (message: { ready: boolean; error?: { message: string } }) => {
      if (message.ready) return resolve();
      refused(message.error?.message ?? 'unknown error');
    });
    worker.once('error', (error) => refused(error.message));
    worker.once('exit', (code) => refused(`its thread stopped (exit code ${code})`));
  });
  try {
    await waitReady;
  } catch (error) {
    // A thread left running would keep the process alive after the error.
    await worker.terminate();
    throw error;
  }
  worker.unref();

  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    waiting.resolve(reply);
  });
  worker.on('error', (error) => fail(new Error(`The embedded database thread failed: ${error.message}`, { cause: error })));
  // close() ends the thread itself: that is no failure, and later queries hear that the database is closed.
  worker.on('exit', (code) => {
    if (!terminating) fail(new Error(`The embedded database thread stopped (exit code ${code})`));
  });

  const send = (message: { sql: string; params: unknown[] } | { close: true }): Promise<Reply> => {
    if (failure) return Promise.reject(failure);
    if (closed) return Promise.reject(new Error('The embedded database is closed'));
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      // Throws for a parameter that cannot be copied to the thread (a function, a symbol): then nothing is pending.
      worker.postMessage({ id, ...message });
      // Keeps the process alive while a query is out, and only then (a script that never closes still ends).
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
    });
  };

  return {
    waitReady,
    // The worker takes messages in order and PGlite runs each query after the one before.
    runsInSendOrder: true,
    get closed() {
      return closed;
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const reply = await send({ sql, params });
      if (reply.error) throw new EmbeddedDatabaseError(reply.error);
      return { rows: (reply.rows ?? []) as T[], ...(reply.affectedRows !== undefined ? { affectedRows: reply.affectedRows } : {}) };
    },
    async close() {
      if (closed) return;
      const done = send({ close: true });
      // Queries sent after this are refused here; those sent before it are answered first.
      closed = true;
      await done;
      terminating = true;
      await worker.terminate();
    },
  };
}
