/**
 * An app process's end of the IPC channel to the primary's embedded-database
 * broker, in memory: messages are copied and arrive on a later turn, as
 * between processes.
 */
import type { BrokerClient, PGliteBroker } from '../../db/pglite-broker.server.js';
import type { BrokerChannel } from '../../db/pglite-remote.js';

/** One app process: its channel, the broker's handle on it, and its exit. */
export type AppProcessEnd = { channel: BrokerChannel; client: BrokerClient; exit(): void };

export function connect(broker: PGliteBroker): AppProcessEnd {
  const onMessage: Array<(message: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  let connected = true;
  const client: BrokerClient = {
    send: (reply) => {
      if (!connected) throw new Error('channel closed');
      const copy = structuredClone(reply);
      setImmediate(() => onMessage.forEach((listener) => listener(copy)));
    },
  };
  const channel: BrokerChannel = {
    send: (message, callback) => {
      if (!connected) return callback(new Error('channel closed'));
      const copy = structuredClone(message);
      setImmediate(() => broker.receive(client, copy));
      callback(null);
    },
    on: (event: 'message' | 'disconnect', listener: (message?: unknown) => void) => {
      if (event === 'message') onMessage.push(listener);
      else onDisconnect.push(listener as () => void);
    },
  };
  return {
    channel,
    client,
    exit: () => {
      connected = false;
      broker.disconnected(client);
      onDisconnect.forEach((listener) => listener());
    },
  };
}

