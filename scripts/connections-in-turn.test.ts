/**
 * The primary's hand-over of connections (connections-in-turn.ts) with
 * stand-in app processes: new connections go to each process in turn, a
 * stopped process gets none, and a connection with no process to take it is
 * closed.
 */
import type { Worker } from 'node:cluster';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { handConnectionsInTurn, type ConnectionsInTurn } from './connections-in-turn.js';
import { freePort } from './support/throwaway-postgres.js';

type StandIn = { worker: Worker; handed: net.Socket[] };

function standIn(): StandIn {
  const handed: net.Socket[] = [];
  const send = (_message: unknown, socket: net.Socket, done: (error: Error | null) => void) => {
    handed.push(socket);
    done(null);
    return true;
  };
  return { worker: { send } as unknown as Worker, handed };
}

async function open(port: number, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve());
      socket.on('error', reject);
    });
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('handing connections to the app processes in turn', () => {
  let connections: ConnectionsInTurn | undefined;

  afterEach(() => connections?.close());

  it('gives each process the same number of new connections, and none to a process that stopped', async () => {
    connections = handConnectionsInTurn();
    const [a, b, c] = [standIn(), standIn(), standIn()];
    for (const each of [a, b, c]) connections.add(each.worker);
    const port = await freePort();
    await connections.listen(port, '127.0.0.1');
    await open(port, 9);
    await settle();
    expect([a.handed.length, b.handed.length, c.handed.length]).toEqual([3, 3, 3]);

    connections.remove(b.worker);
    await open(port, 4);
    await settle();
    expect([a.handed.length, b.handed.length, c.handed.length]).toEqual([5, 3, 5]);
  });

  it('closes a connection when no process serves', async () => {
    connections = handConnectionsInTurn();
    const port = await freePort();
    await connections.listen(port, '127.0.0.1');
    const closed = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('close', () => resolve(true));
      socket.on('error', () => undefined);
    });
    expect(closed).toBe(true);
  });
});
