import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { admissionQueue, type AdmissionOptions } from './admission.server.js';

type Started = {
  base: string;
  log: string[];
  inFlight: () => number;
  peak: () => number;
  release: (name: string) => void;
  close: () => Promise<void>;
};

const servers: Started[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server whose /work/:name answers only when the test releases that name. */
async function start(options: AdmissionOptions): Promise<Started & { queue: ReturnType<typeof admissionQueue> }> {
  const queue = admissionQueue(options);
  const log: string[] = [];
  const waiting = new Map<string, () => void>();
  let inFlight = 0;
  let peak = 0;
  const app = express();
  app.use(queue);
  app.get('/healthz', (_req, res) => void res.send('ok'));
  app.get('/work/:name', (req, res) => {
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    log.push(`start ${req.params.name}`);
    waiting.set(req.params.name, () => {
      inFlight -= 1;
      res.send(req.params.name);
    });
  });
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const started = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    queue,
    inFlight: () => inFlight,
    peak: () => peak,
    release: (name: string) => {
      const answer = waiting.get(name);
      if (!answer) throw new Error(`${name} has not started`);
      waiting.delete(name);
      answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(started);
  return started;
}

async function until(condition: () => boolean): Promise<void> {
  await expect.poll(condition, { timeout: 5_000, interval: 5 }).toBe(true);
}

describe('the admission queue', () => {
  it('works on at most `concurrent` requests and admits the waiting ones in arrival order', async () => {
    const app = await start({ concurrent: 2, maxWaiting: 10 });
    const answers: Array<Promise<string>> = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      answers.push(fetch(`${app.base}/work/${name}`).then((response) => response.text()));
      // Arrival order is the order the server sees the requests.
      await until(() => app.queue.stats().active + app.queue.stats().waiting === answers.length);
    }
    expect(app.log).toEqual(['start a', 'start b']);
    expect(app.queue.stats()).toEqual({ active: 2, waiting: 3 });
    app.release('b');
    await until(() => app.log.length === 3);
    app.release('a');
    await until(() => app.log.length === 4);
    expect(app.log).toEqual(['start a', 'start b', 'start c', 'start d']);
    app.release('c');
    await until(() => app.log.length === 5);
    app.release('d');
    app.release('e');
    expect(await Promise.all(answers)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(app.peak()).toBe(2);
    expect(app.queue.stats()).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses with 503 and Retry-After when the line is full, and lets bypassed paths through', async () => {
    const app = await start({ concurrent: 1, maxWaiting: 1, bypass: (req) => req.path === '/healthz' });
    const first = fetch(`${app.base}/work/a`);
    await until(() => app.log.length === 1);
    const second = fetch(`${app.base}/work/b`);
    await until(() => app.queue.stats().waiting === 1);
    const refused = await fetch(`${app.base}/work/c`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(await refused.text()).toMatch(/busy/);
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    app.release('a');
    await until(() => app.log.length === 2);
    app.release('b');
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
    expect(app.log).toEqual(['start a', 'start b']);
  });

  it('drops a request whose client left while it waited, without running it or losing a place', async () => {
    const app = await start({ concurrent: 1, maxWaiting: 10 });
    const first = fetch(`${app.base}/work/a`);
    await until(() => app.log.length === 1);
    const leaving = new AbortController();
    const gone = fetch(`${app.base}/work/gone`, { signal: leaving.signal }).catch((error: unknown) => error);
    await until(() => app.queue.stats().waiting === 1);
    leaving.abort();
    await gone;
    const third = fetch(`${app.base}/work/c`);
    await until(() => app.queue.stats().waiting === 2);
    app.release('a');
    await until(() => app.log.length === 2);
    app.release('c');
    expect((await third).status).toBe(200);
    expect(app.log).toEqual(['start a', 'start c']);
    expect(app.queue.stats()).toEqual({ active: 0, waiting: 0 });
    await first;
  });

  it('frees the place of a request whose client left while it was being worked on', async () => {
    const app = await start({ concurrent: 1, maxWaiting: 10 });
    const leaving = new AbortController();
    const gone = fetch(`${app.base}/work/gone`, { signal: leaving.signal }).catch((error: unknown) => error);
    await until(() => app.log.length === 1);
    leaving.abort();
    await gone;
    const next = fetch(`${app.base}/work/b`);
    await until(() => app.log.length === 2);
    app.release('b');
    expect((await next).status).toBe(200);
  });

  it('starts each admitted request in a turn of its own, so the event loop reads sockets in between', async () => {
    const app = await start({ concurrent: 1, maxWaiting: 10 });
    const first = fetch(`${app.base}/work/a`);
    await until(() => app.log.length === 1);
    const second = fetch(`${app.base}/work/b`);
    await until(() => app.queue.stats().waiting === 1);
    // Work that waits for the loop's next turn, as reading a socket does, runs before the next request starts.
    app.release('a');
    setImmediate(() => app.log.push('a turn of the loop'));
    await until(() => app.log.length === 3);
    expect(app.log).toEqual(['start a', 'a turn of the loop', 'start b']);
    app.release('b');
    await Promise.all([first, second]);
  });
});
