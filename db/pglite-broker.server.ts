/**
 * The embedded database shared by several app processes (`JOBBRO_PROCESSES`
 * without DATABASE_URL). PGlite has one connection and lives in one process,
 * so the primary of scripts/serve.ts opens it (in its worker thread,
 * pglite-thread.ts) and the app processes send it their queries over the
 * cluster's IPC channel (pglite-remote.ts). An embedded Jobbro otherwise
 * renders every page on one core while the other waits.
 *
 * One connection means one transaction at a time for all processes: from a
 * process's BEGIN to its COMMIT or ROLLBACK the broker holds every other
 * process's queries back, in arrival order, so none runs inside a transaction
 * that is not its own (within a process the PGlite dialect's lock does the
 * same). A process that goes away in the middle of a transaction has it
 * rolled back. NOTIFY on a channel a process listens to reaches it, which is
 * how each process's search index follows the others' changes.
 */
import type { Worker } from 'node:cluster';
import { z } from 'zod';
import type { PGliteThread } from './pglite-thread.js';

/** What an app process sends. `id` pairs the reply with its request. */
export const brokerRequestSchema = z.discriminatedUnion('jobbroDb', [
  z.object({ jobbroDb: z.literal('query'), id: z.number().int(), sql: z.string(), params: z.array(z.unknown()) }),
  z.object({ jobbroDb: z.literal('listen'), id: z.number().int(), channel: z.string().min(1) }),
]);
export type BrokerRequest = z.infer<typeof brokerRequestSchema>;

export type BrokerReply =
  | { jobbroDb: 'reply'; id: number; rows?: unknown[]; affectedRows?: number; error?: Record<string, unknown> & { message: string } }
  | { jobbroDb: 'notification'; channel: string; payload: string };

/** One app process as the broker sees it. */
export type BrokerClient = { send(reply: BrokerReply): void };

export type PGliteBroker = {
  /** A message from `client`: answered when it is a request, ignored otherwise (the IPC channel carries other messages too). */
  receive(client: BrokerClient, message: unknown): void;
  /** `client` is gone: its waiting queries are dropped and its open transaction, if any, is rolled back. */
  disconnected(client: BrokerClient): void;
  close(): Promise<void>;
};

const BEGINS = /^\s*(begin|start\s+transaction)\b/i;
/** COMMIT, ROLLBACK, END, ABORT, but not ROLLBACK TO SAVEPOINT, which stays inside the transaction. */
const ENDS = /^\s*(commit|end|abort|rollback(?!\s+to\b))\b/i;

type Held = { client: BrokerClient; request: BrokerRequest };

export function createPGliteBroker(database: PGliteThread): PGliteBroker {
  /** The process whose transaction is open. */
  let owner: BrokerClient | null = null;
  /** Requests waiting for the open transaction to end, in arrival order. */
  let held: Held[] = [];
  const listeners = new Map<string, Set<BrokerClient>>();
  const gone = new WeakSet<BrokerClient>();

  const reply = (client: BrokerClient, message: BrokerReply) => {
    if (gone.has(client)) return;
    try {
      client.send(message);
    } catch {
      // The process went away between its request and the answer: nothing is waiting for it.
    }
  };

  const releaseHeld = () => {
    while (held.length > 0) {
      const next = owner === null ? 0 : held.findIndex((each) => each.client === owner);
      if (next === -1) return;
      const [{ client, request }] = held.splice(next, 1) as [Held];
      forward(client, request);
    }
  };

  const endTransaction = () => {
    owner = null;
    releaseHeld();
  };

  /** Sends the request to the database thread, which runs queries in the order they are sent. */
  function forward(client: BrokerClient, request: BrokerRequest): void {
    if (request.jobbroDb === 'listen') {
      let clients = listeners.get(request.channel);
      const first = clients === undefined;
      if (!clients) listeners.set(request.channel, (clients = new Set()));
      clients.add(client);
      const listening = first
        ? database.listen(request.channel, (payload) => {
            for (const each of listeners.get(request.channel) ?? []) reply(each, { jobbroDb: 'notification', channel: request.channel, payload });
          })
        : Promise.resolve();
      listening.then(
        () => reply(client, { jobbroDb: 'reply', id: request.id, rows: [] }),
        (error: unknown) => reply(client, { jobbroDb: 'reply', id: request.id, error: { message: String(error) } }),
      );
      return;
    }
    const begins = BEGINS.test(request.sql);
    if (begins) owner = client;
    database.query(request.sql, request.params).then(
      (result) => reply(client, { jobbroDb: 'reply', id: request.id, rows: result.rows, ...(result.affectedRows !== undefined ? { affectedRows: result.affectedRows } : {}) }),
      (error: unknown) => {
        // A BEGIN that failed opened nothing.
        if (begins && owner === client) endTransaction();
        reply(client, { jobbroDb: 'reply', id: request.id, error: plainFields(error) });
      },
    );
    // What waits runs after the end of the transaction, since the thread keeps the order it is sent.
    if (ENDS.test(request.sql) && owner === client) endTransaction();
  }

  return {
    receive(client, message) {
      const parsed = brokerRequestSchema.safeParse(message);
      if (!parsed.success) {
        const id = typeof message === 'object' && message !== null && 'jobbroDb' in message ? Reflect.get(message, 'id') : undefined;
        if (typeof id === 'number') reply(client, { jobbroDb: 'reply', id, error: { message: `Not a request for the embedded database: ${parsed.error.message}` } });
        return;
      }
      // Behind the open transaction of another process, and behind what already waits for it.
      if (owner === client || (owner === null && held.length === 0)) forward(client, parsed.data);
      else held.push({ client, request: parsed.data });
    },
    disconnected(client) {
      gone.add(client);
      held = held.filter((each) => each.client !== client);
      for (const clients of listeners.values()) clients.delete(client);
      if (owner === client) {
        database.query('rollback').catch(() => undefined);
        endTransaction();
      }
    },
    close: () => database.close(),
  };
}

/** The fields of a database error (code, detail, constraint …), as the app process rebuilds it. */
function plainFields(error: unknown): Record<string, unknown> & { message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: Record<string, unknown> & { message: string } = { message: error.message };
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'message' && key !== 'name' && key !== 'stack' && (value === null || typeof value !== 'object' || value instanceof Date)) fields[key] = value;
  }
  return fields;
}

/** Serves the cluster's app processes: their messages, and their exits. */
export function serveClusterWorkers(broker: PGliteBroker, cluster: { on(event: 'message', listener: (worker: Worker, message: unknown) => void): unknown; on(event: 'exit', listener: (worker: Worker) => void): unknown }): void {
  const clients = new WeakMap<Worker, BrokerClient>();
  const clientOf = (worker: Worker) => {
    let client = clients.get(worker);
    if (!client) {
      // With a callback a message that cannot be sent (the process just exited) is no 'error' event that would end the primary.
      client = { send: (reply) => void worker.send(reply, () => undefined) };
      clients.set(worker, client);
    }
    return client;
  };
  cluster.on('message', (worker, message) => broker.receive(clientOf(worker), message));
  cluster.on('exit', (worker) => broker.disconnected(clientOf(worker)));
}
