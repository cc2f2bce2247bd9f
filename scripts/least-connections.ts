/**
 * Connections to the app processes, each to the one with the fewest open.
 *
 * Node's cluster hands a new connection to whichever process acknowledged
 * its last one first, so under load the process that happened to be busy
 * got fewer. A kept-alive connection stays where it landed: in the load test
 * 50 connections split 14/36 or 16/34 between two processes, and the
 * clients of the fuller one waited 2–2.5 times as long (offers page
 * 88–90 ms against 187–244 ms on average). Here the primary accepts, pauses
 * the socket before reading from it and hands it over; each app process says
 * when one of its connections closes.
 */
import type { Worker } from 'node:cluster';
import type { Server as HttpServer } from 'node:http';
import net from 'node:net';

/** Told by an app process to the primary once it serves. */
export const SERVING_MESSAGE = { jobbroServing: true } as const;
export const isServing = (message: unknown): boolean => typeof message === 'object' && message !== null && 'jobbroServing' in message;

type Handed = { jobbroConnection: true };
type Closed = { jobbroConnectionClosed: true };

const isClosed = (message: unknown): message is Closed => typeof message === 'object' && message !== null && 'jobbroConnectionClosed' in message;
const isHanded = (message: unknown): message is Handed => typeof message === 'object' && message !== null && 'jobbroConnection' in message;

export type ConnectionBalancer = {
  /** `worker` serves from now on. */
  add(worker: Worker): void;
  /** `worker` has stopped: it gets nothing more. */
  remove(worker: Worker): void;
  /** Opens the port (once the first process serves, so nothing waits on a port nobody answers). */
  listen(port: number, host: string): Promise<void>;
  /** Takes no new connections; those already handed over stay with their process. */
  close(): void;
};

export function balanceConnections(cluster: { on(event: 'message', listener: (worker: Worker, message: unknown) => void): unknown }): ConnectionBalancer {
  const open = new Map<Worker, number>();
  const server = net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
    let target: Worker | undefined;
    for (const [worker, count] of open) if (target === undefined || count < open.get(target)!) target = worker;
    if (!target) return socket.destroy();
    const chosen = target;
    open.set(chosen, open.get(chosen)! + 1);
    chosen.send({ jobbroConnection: true } satisfies Handed, socket, (error: Error | null) => {
      if (!error) return;
      // The process went away meanwhile: the client reconnects.
      if (open.has(chosen)) open.set(chosen, Math.max(0, open.get(chosen)! - 1));
      socket.destroy();
    });
  });
  cluster.on('message', (worker, message) => {
    if (isClosed(message) && open.has(worker)) open.set(worker, Math.max(0, open.get(worker)! - 1));
  });
  return {
    add: (worker) => void open.set(worker, 0),
    remove: (worker) => void open.delete(worker),
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      }),
    close: () => void server.close(),
  };
}

/**
 * In an app process: serves the connections the primary hands over on
 * `server` (which never listens itself). `stop` ends them gracefully: idle
 * ones at once, busy ones after their answer; it resolves when none is left
 * or `graceMs` has passed (then the rest are cut).
 */
export function serveHandedConnections(server: HttpServer): { stop(graceMs: number): Promise<void> } {
  const sockets = new Set<net.Socket>();
  let stopping = false;
  // Node starts tracking a server's connections (request and header timeouts, idle connections) when it listens; this one never does.
  server.emit('listening');
  const report = () => process.send?.({ jobbroConnectionClosed: true } satisfies Closed, undefined, undefined, () => undefined);
  process.on('message', (message: unknown, socket: unknown) => {
    if (!isHanded(message) || !(socket instanceof net.Socket)) return;
    if (stopping) {
      socket.destroy();
      report();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      report();
    });
    server.emit('connection', socket);
    socket.resume();
  });
  // While stopping, every answer closes its connection (a kept-alive one would otherwise wait for its next request).
  server.prependListener('request', (_req, res) => {
    if (stopping) res.setHeader('Connection', 'close');
  });
  return {
    stop: (graceMs) =>
      new Promise((resolve) => {
        stopping = true;
        const deadline = Date.now() + graceMs;
        const check = () => {
          server.closeIdleConnections();
          if (sockets.size === 0) return resolve();
          if (Date.now() > deadline) {
            for (const socket of sockets) socket.destroy();
            return resolve();
          }
          setTimeout(check, 50).unref();
        };
        check();
      }),
  };
}
