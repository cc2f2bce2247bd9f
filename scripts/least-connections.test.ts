/**
 * The primary's hand-over of connections (least-connections.ts) with
 * stand-in app processes: each new connection goes to the process with the
 * fewest open, a closed one counts down, a stopped process gets none, and a
 * connection with no process to take it is closed.
 */
import type { Worker } from 'node:cluster';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { balanceConnections, type ConnectionBalancer } from './least-connections.js';
import { freePort } from './support/throwaway-postgres.js';

type StandIn = { worker: Worker; handed: net.Socket[] };

function standIn(): StandIn {
  const handed: net.Socket[] = [];
  const worker = { send: (_message: unknown, socket: net.Socket, done: (error: Error | null) => void) => (handed.push(socket), done(null), true) } as unknown as Worker;
  return { worker, handed };
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

describe('handing connections to the app process with the fewest', () => {
  const cluster = new EventEmitter();
  let balancer: ConnectionBalancer | undefined;

  afterEach(() => {
    balancer?.close();
    cluster.removeAllListeners();
  });

  it('spreads connections evenly, fills up the one whose connection closed, and skips a stopped process', async () => {
    balancer = balanceConnections(cluster as never);
    const a = standIn();
    const b = standIn();
    balancer.add(a.worker);
    balancer.add(b.worker);
    const port = await freePort();
    await balancer.listen(port, '127.0.0.1');

    await open(port, 6);
    await settle();
    expect([a.handed.length, b.handed.length]).toEqual([3, 3]);

    // a says two of its connections closed: the next two go to a.
    cluster.emit('message', a.worker, { jobbroConnectionClosed: true });
    cluster.emit('message', a.worker, { jobbroConnectionClosed: true });
    await open(port, 2);
    await settle();
    expect([a.handed.length, b.handed.length]).toEqual([5, 3]);

    balancer.remove(a.worker);
    await open(port, 2);
    await settle();
    expect([a.handed.length, b.handed.length]).toEqual([5, 5]);
  });

  it('closes a connection when no process serves yet', async () => {
    balancer = balanceConnections(cluster as never);
    const port = await freePort();
    await balancer.listen(port, '127.0.0.1');
    const closed = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.on('close', () => resolve(true));
      socket.on('error', () => undefined);
    });
    expect(closed).toBe(true);
  });
});
