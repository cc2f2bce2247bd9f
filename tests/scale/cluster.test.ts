/**
 * `JOBBRO_PROCESSES=2` with PostgreSQL: scripts/serve.ts forks two app
 * processes on one port (drives the built app in build/). Checked: both run
 * and the welcome line comes once, when both listen; a session opened through
 * the login form works on every following request whichever process takes
 * it; a process that dies is replaced while the other keeps answering; SIGTERM
 * stops them all. The same with the embedded database, which the primary
 * then holds for both: a session works in both, and what they wrote is on
 * disk for the next start. And the embedded default: its one app process is
 * forked too, so that it gets its heap limit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_EMAILS } from '../../db/seed/seed.js';
import { logIn, startAppChild, type AppChild } from '../../scripts/app-child.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';

/** The app processes the server forked (not other helpers it may run, such as tsx's esbuild service). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const parent = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        const isApp = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('scripts/serve.ts');
        return parent === pid && isApp ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
}

/** A process's command line, argument by argument. */
const argsOf = (pid: number) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');

/** Running, neither gone nor a zombie waiting for its parent. */
const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

async function eventually(check: () => boolean | Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!inject('postgresUrl'))('JOBBRO_PROCESSES=2 on one PostgreSQL', () => {
  let database: TestDatabase;
  let app: AppChild;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    app = await startAppChild({ DATABASE_URL: database.url!, JOBBRO_PROCESSES: '2', JOBBRO_DEMO: '1', JOBBRO_HEAP_MB: '600' });
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    await database?.close();
  });

  it('runs two app processes and greets once both listen', () => {
    expect(childrenOf(app.pid)).toHaveLength(2);
    // The primary greets; the app processes it forked do not.
    expect(app.greetings()).toBe(1);
  });

  it('starts each app process with the heap limit JOBBRO_HEAP_MB sets and a larger young generation', () => {
    const pids = childrenOf(app.pid);
    expect(pids).toHaveLength(2);
    for (const pid of pids) {
      const args = argsOf(pid);
      expect(args).toContain('--max-old-space-size=600');
      expect(args).toContain('--max-semi-space-size=32');
    }
  });

  it('keeps a session across requests that both processes answer', async () => {
    const cookie = await logIn(app, DEMO_EMAILS.candidate);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${app.base}/candidate`, { headers: { Cookie: cookie }, redirect: 'manual' }).then((response) => response.status)),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('replaces a process that dies while the other keeps answering', async () => {
    const [victim, survivor] = childrenOf(app.pid);
    process.kill(victim!, 'SIGKILL');
    // A kept-alive connection to the dead process is reset; a new one reaches the survivor.
    await eventually(async () => (await fetch(`${app.base}/healthz`).then((response) => response.status, () => 0)) === 200, 'the survivor answers', 2_000);
    await eventually(() => {
      const now = childrenOf(app.pid);
      return now.length === 2 && now.includes(survivor!) && !now.includes(victim!);
    }, 'a new process took the dead one’s place');
  }, 150_000);

  it('stops every process on SIGTERM', async () => {
    const workers = childrenOf(app.pid);
    await app.stop();
    await eventually(() => workers.every((pid) => !alive(pid)), 'all app processes exited', 30_000);
    expect(app.child.exitCode).toBe(0);
  }, 60_000);
});

describe('JOBBRO_PROCESSES=2 on the embedded database', () => {
  let dataDir: string;
  let app: AppChild;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-two-embedded-'));
    app = await startAppChild({ JOBBRO_DATA_DIR: dataDir, JOBBRO_PROCESSES: '2', JOBBRO_DEMO: '1' });
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs two app processes on the database the primary holds, keeps sessions in both, and leaves the data whole on disk', async () => {
    expect(childrenOf(app.pid)).toHaveLength(2);
    expect(app.greetings()).toBe(1);
    for (const pid of childrenOf(app.pid)) {
      const args = argsOf(pid);
      expect(args).toContain('--max-old-space-size=512');
      // Without the larger young generation: here the memory goes to the primary's database.
      expect(args.some((arg) => arg.startsWith('--max-semi-space-size'))).toBe(false);
    }
    const cookie = await logIn(app, DEMO_EMAILS.candidate);
    // Twenty at once open several connections, which the primary hands to both processes in turn.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${app.base}/candidate`, { headers: { Cookie: cookie }, redirect: 'manual' }).then((response) => response.status)),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => 200));

    const workers = childrenOf(app.pid);
    await app.stop();
    await eventually(() => workers.every((pid) => !alive(pid)), 'all app processes exited', 30_000);
    expect(app.child.exitCode).toBe(0);
    // The session written through an app process is there after a restart: the primary closed the database cleanly.
    app = await startAppChild({ JOBBRO_DATA_DIR: dataDir, JOBBRO_PROCESSES: '2' });
    expect((await fetch(`${app.base}/candidate`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(200);
  }, 300_000);
});

describe('the embedded default (one app process)', () => {
  let dataDir: string;
  let app: AppChild;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-one-process-'));
    app = await startAppChild({ JOBBRO_DATA_DIR: dataDir, JOBBRO_DEMO: '1' });
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('forks its one app process with the default heap limit of 1 GB, which answers', async () => {
    const pids = childrenOf(app.pid);
    expect(pids).toHaveLength(1);
    const args = argsOf(pids[0]!);
    expect(args).toContain('--max-old-space-size=1024');
    expect(args).toContain('--max-semi-space-size=32');
    expect(app.greetings()).toBe(1);
    const cookie = await logIn(app, DEMO_EMAILS.candidate);
    expect((await fetch(`${app.base}/candidate`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(200);
  });

  it('stops on SIGTERM', async () => {
    const [worker] = childrenOf(app.pid);
    expect(worker).toBeDefined();
    await app.stop();
    await eventually(() => !alive(worker!), 'the app process exited', 30_000);
    expect(app.child.exitCode).toBe(0);
  }, 60_000);
});
