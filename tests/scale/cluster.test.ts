/**
 * `JOBBRO_PROCESSES=2` with PostgreSQL: the built server (server-build/,
 * `npm run build`) runs two app processes on one port with node's cluster
 * module. Checked: both run and the welcome line comes once, when both
 * listen; a session opened through the login form works on every following
 * request whichever process takes it; a process that dies is replaced while
 * the other keeps answering; SIGTERM stops them all.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_EMAILS } from '../../db/seed/seed.js';
import { logIn, startAppChild, type AppChild } from '../../scripts/app-child.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';

/** The app processes the server forked. */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const parent = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
        const isApp = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('server-build/index.js');
        return parent === pid && isApp ? [Number(name)] : [];
      } catch {
        return [];
      }
    });
}

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
    app = await startAppChild({ DATABASE_URL: database.url!, JOBBRO_PROCESSES: '2', JOBBRO_DEMO: '1' });
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

  it('keeps a session across requests that both processes answer', async () => {
    const cookie = await logIn(app, DEMO_EMAILS.candidate);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${app.base}/candidate`, { headers: { Cookie: cookie }, redirect: 'manual' }).then((response) => response.status),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => 200));
  });

  it('replaces a process that dies while the other keeps answering', async () => {
    const [victim, survivor] = childrenOf(app.pid);
    process.kill(victim!, 'SIGKILL');
    // A kept-alive connection to the dead process is reset; a new one reaches the survivor.
    await eventually(
      async () =>
        (await fetch(`${app.base}/healthz`).then(
          (response) => response.status,
          () => 0,
        )) === 200,
      'the survivor answers',
      2_000,
    );
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
