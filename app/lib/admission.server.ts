/**
 * How many requests one app process works on at once. Node interleaves every
 * request it has accepted: under load each one's queries, rendering and
 * writes wait behind everyone else's, so with 50 requests open all 50 finish
 * late together — and with the embedded database, whose one connection
 * serves queries in arrival order, a request that needs five queries waits
 * for the whole crowd five times (tails of seconds, timeouts). Admitting a
 * few at a time and queueing the rest in arrival order gives the same
 * throughput (the CPU is the limit either way) with each request served in
 * turn, and keeps fewer half-rendered pages in memory.
 *
 * Each admitted request starts in its own turn of the event loop
 * (setImmediate). A request whose work is all promise continuations (an API
 * call on the embedded database, whose queries resolve at once) would
 * otherwise admit the next one as a microtask, and so on down the line:
 * Node reads sockets only when the microtasks run out, so new requests went
 * unread for seconds (load test: p99 4–6 s and 10 s timeouts on the slot
 * list, while no request spent more than 2.5 s inside the app).
 *
 * A request that waits is admitted when one in progress ends (its response
 * finished or its connection closed); one whose client gave up while waiting
 * is dropped from the line without running. When the line is full the
 * request is refused at once with 503 and Retry-After instead of piling up.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import pLimit from 'p-limit';

export type AdmissionOptions = {
  /** Requests worked on at once. */
  concurrent: number;
  /** Requests that may wait for their turn; more are refused with 503. */
  maxWaiting: number;
  /** Requests that never wait (cheap, or must answer under load: health checks). */
  bypass?: (req: Request) => boolean;
};

export type AdmissionQueue = RequestHandler & {
  /** Requests in progress and waiting, now. */
  readonly stats: () => { active: number; waiting: number };
};

export function admissionQueue(options: AdmissionOptions): AdmissionQueue {
  const limit = pLimit(options.concurrent);
  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (options.bypass?.(req)) return next();
    if (limit.pendingCount >= options.maxWaiting) {
      res.setHeader('Retry-After', '1');
      res.status(503).type('text/plain').send('Jobbro is busy right now; please try again in a moment.');
      return;
    }
    let closed = false;
    const ended = new Promise<void>((resolve) =>
      res.once('close', () => {
        closed = true;
        resolve();
      }),
    );
    void limit(
      () =>
        new Promise<void>((admitted) =>
          setImmediate(() => {
            // The client left while waiting: nothing to answer, so its turn goes to the next one.
            if (closed) return admitted();
            next();
            void ended.then(admitted);
          }),
        ),
    );
  };
  return Object.assign(middleware, { stats: () => ({ active: limit.activeCount, waiting: limit.pendingCount }) });
}
