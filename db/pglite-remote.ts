/**
 * The embedded database as an app process sees it when the primary of
 * scripts/serve.ts holds it for several processes (pglite-broker.server.ts):
 * queries go to the primary over the cluster's IPC channel and come back in
 * the order they were sent, as with the thread in one process.
 */
import type { BrokerReply, BrokerRequest } from './pglite-broker.server.js';
import { EmbeddedDatabaseError, type PGliteThread } from './pglite-thread.js';

/** The IPC channel to the primary: `process` in a forked app process. */
export type BrokerChannel = {
  send(message: BrokerRequest, callback: (error: Error | null) => void): unknown;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
};

type Unsent = BrokerRequest extends infer R ? (R extends BrokerRequest ? Omit<R, 'id'> : never) : never;
type Answer = Extract<BrokerReply, { jobbroDb: 'reply' }>;
type Pending = { resolve(answer: Answer): void; reject(error: Error): void };

function isReply(message: unknown): message is BrokerReply {
  return typeof message === 'object' && message !== null && 'jobbroDb' in message;
}

export function openPGliteViaPrimary(channel: BrokerChannel): PGliteThread {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Array<(payload: string) => void>>();
  let nextId = 1;
  let closed = false;
  let failure: Error | undefined;

  channel.on('message', (message) => {
    if (!isReply(message)) return;
    if (message.jobbroDb === 'notification') {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
      return;
    }
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    waiting?.resolve(message);
  });
  channel.on('disconnect', () => {
    failure ??= new Error('The embedded database is out of reach: the primary process that holds it is gone');
    for (const each of pending.values()) each.reject(failure);
    pending.clear();
  });

  const send = (request: Unsent): Promise<Answer> => {
    if (failure) return Promise.reject(failure);
    if (closed) return Promise.reject(new Error('The embedded database is closed'));
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      channel.send({ ...request, id } as BrokerRequest, (error) => {
        if (!error || !pending.delete(id)) return;
        reject(new Error(`The embedded database is out of reach: ${error.message}`, { cause: error }));
      });
    });
  };

  return {
    waitReady: Promise.resolve(),
    // The primary forwards this process's queries in the order they came, to a thread that runs them in that order.
    runsInSendOrder: true,
    get closed() {
      return closed || failure !== undefined;
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const answer = await send({ jobbroDb: 'query', sql, params });
      if (answer.error) throw new EmbeddedDatabaseError(answer.error);
      return { rows: (answer.rows ?? []) as T[], ...(answer.affectedRows !== undefined ? { affectedRows: answer.affectedRows } : {}) };
    },
    async listen(name, onPayload) {
      const known = listeners.get(name);
      if (known) return void known.push(onPayload);
      listeners.set(name, [onPayload]);
      const answer = await send({ jobbroDb: 'listen', channel: name });
      if (answer.error) throw new EmbeddedDatabaseError(answer.error);
    },
    // The primary owns the database and closes it once every app process has stopped.
    async close() {
      closed = true;
    },
  };
}
