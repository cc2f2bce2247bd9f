/**
 * Jobbro as a child process, for the load test, the Lighthouse audit and the
 * tests that start the real server: the built server (server-build/index.js,
 * `npm run build`) in production mode on a free loopback port, run by node
 * as `npm start` runs it, so the child's pid is the server's own (its RSS is
 * the app's), and logins through the real login form.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEMO_PASSWORD } from '../db/seed/seed.js';
import { freePort } from './support/throwaway-postgres.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOOT_TIMEOUT_MS = 240_000;
/** What `npm run build` makes and `npm start` runs. */
export const SERVER_FILE = path.join(root, 'server-build/index.js');
/**
 * Node's flags in package.json's `serve` script, so the child runs as `npm start` does: a young generation twice
 * V8's default, where a page's objects die instead of being promoted to the old generation (docs/performance.md).
 */
const SERVE_NODE_FLAGS = ['--max-semi-space-size=32'];
/** Printed once the server listens (with JOBBRO_PROCESSES, once all of them do). */
const WELCOME = 'Jobbro is running at';

export type AppChild = {
  child: ChildProcess;
  pid: number;
  base: string;
  stderr: () => string;
  /** How many times the server printed its welcome line. */
  greetings: () => number;
  stop(): Promise<void>;
};

/** Starts the server with `env` on top of this process's environment (and `nodeArgs` for node itself) and waits until it is ready. */
export async function startAppChild(env: Record<string, string>, nodeArgs: string[] = []): Promise<AppChild> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVE_NODE_FLAGS, ...nodeArgs, SERVER_FILE], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the server could not be started');
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  let greetings = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    greetings += chunk.toString().split(WELCOME).length - 1;
  });
  const app: AppChild = {
    child,
    pid: child.pid,
    base: `http://127.0.0.1:${port}`,
    stderr: () => errors,
    greetings: () => greetings,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
  try {
    await waitUntilReady(app);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return app;
}

const healthSchema = z.object({ status: z.string(), outboxBacklog: z.number().nullable() });

/** /healthz 200, an empty outbox and the welcome line: every process has built its index and nothing is left to apply. */
async function waitUntilReady(app: AppChild): Promise<void> {
  const deadline = Date.now() + BOOT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null) throw new Error(`the server exited with code ${app.child.exitCode}:\n${app.stderr()}`);
    try {
      const response = await fetch(`${app.base}/healthz`);
      const health = healthSchema.parse(await response.json());
      if (response.status === 200 && health.outboxBacklog === 0 && app.greetings() > 0) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not become ready within ${BOOT_TIMEOUT_MS / 1000} s:\n${app.stderr()}`);
}

/** Logs in through the login form, as a browser without JavaScript would; returns the session cookie (`name=value`). */
export async function logIn(app: AppChild, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${app.base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.base },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.includes('='));
  if (response.status !== 302 || !cookie) throw new Error(`logging in as ${email} failed: HTTP ${response.status}`);
  return cookie;
}
