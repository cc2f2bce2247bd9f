/**
 * Connections to the app processes strictly in turn.
 *
 * Node's cluster hands a new connection to a process only once it has
 * acknowledged its last one, so under load the process that happened to be
 * busy got fewer. A kept-alive connection stays where it landed: in the load
 * test 50 connections split 14/36 or 16/34 between two processes, and the
 * clients of the fuller one waited 2–2.5 times as long (offers page 88–90 ms
 * against 187–244 ms on average). Here the primary accepts, pauses the socket
 * before reading from it and hands it to the next process in turn: 50 new
 * connections split 25/25. (Handing each to the process with the fewest open
 * did worse: a busy process reports its closed connections late, so a client
 * that closed all its connections and opened new ones at once was split as
 * unevenly as before, 12/38.)
 */
import type { Worker } from 'node:cluster';
import type { Server as HttpServer } from 'node:http';
import net from 'node:net';

/** Told by an app process to the primary once it serves. */
export const SERVING_MESSAGE = { jobbroServing: true } as const;
export const isServing = (message: unknown): boolean => typeof message === 'object' && message !== null && 'jobbroServing' in message;

type Handed = { jobbroConnection: true };
const isHanded = (message: unknown): message is Handed => typeof message === 'object' && message !== null && 'jobbroConnection' in message;

export type ConnectionsInTurn = {
  /** `worker` serves from now on. */
  add(worker: Worker): void;
  /** `worker` has stopped: it gets nothing more. */
  remove(worker: Worker): void;
  /** Opens the port (once the first process serves, so nothing waits on a port nobody answers). */
  listen(port: number, host: string): Promise<void>;
  /** Takes no new connections; those already handed over stay with their process. */
  close(): void;
};

export function handConnectionsInTurn(): ConnectionsInTurn {
  const serving: Worker[] = [];
  let turn = 0;
  const server = net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
    if (serving.length === 0) return socket.destroy();
    turn = (turn + 1) % serving.length;
    // The process may have gone away meanwhile: the client then reconnects.
    serving[turn]!.send({ jobbroConnection: true } satisfies Handed, socket, (error: Error | null) => {
      if (error) socket.destroy();
    });
  });
  return {
    add: (worker) => void serving.push(worker),
    remove: (worker) => {
      const at = serving.indexOf(worker);
      if (at !== -1) serving.splice(at, 1);
    },
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
  process.on('message', (message: unknown, socket: unknown) => {
    if (!isHanded(message) || !(socket instanceof net.Socket)) return;
    if (stopping) return void socket.destroy();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
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
