/**
 * Starting Jobbro for real (the built server, server-build/index.js, and the
 * maintenance commands under tsx), as an operator would:
 *
 * - One writer per embedded data directory: a second server, or a command
 *   that writes, on a directory a server holds refuses at once, naming the
 *   process that holds it; with --wait a command runs once the server has
 *   stopped; a lock left by a server that was killed is taken over.
 * - A start that cannot work ends with one line naming the problem (a taken
 *   port, a data directory it cannot write) and never says Jobbro is running.
 */
import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_FILE, startAppChild, type AppChild } from '../../scripts/app-child.js';
import { freePort } from '../../scripts/support/throwaway-postgres.js';

const root = path.resolve(import.meta.dirname, '../..');
const RUNNING = 'Jobbro is running at';

type Finished = { code: number | null; stdout: string; stderr: string; ms: number };

/** Runs a command to its end (or kills it after `timeoutMs`). `onStderr` sees the error output as it grows. */
function run(
  args: string[],
  env: Record<string, string>,
  options: SpawnOptions & { timeoutMs?: number; onStderr?: (text: string) => void } = {},
): Promise<Finished> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      options.onStderr?.(stderr);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const server = async (env: Record<string, string>, options: SpawnOptions = {}) =>
  run([SERVER_FILE], { PORT: String(await freePort()), HOST: '127.0.0.1', ...env }, options);
const maintenance = (script: string, env: Record<string, string>, extra: string[] = [], options: Parameters<typeof run>[2] = {}) =>
  run(['--import', 'tsx', path.join('scripts', script), ...extra], env, options);

describe('one writer per embedded data directory', () => {
  let dataDir: string;
  let first: AppChild;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-one-writer-'));
    first = await startAppChild({ JOBBRO_DATA_DIR: dataDir, JOBBRO_DEMO: '0' });
  }, 240_000);

  afterAll(async () => {
    await first?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second server at once, naming the process that holds the directory, and the first keeps serving', async () => {
    const second = await server({ JOBBRO_DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(
      `Jobbro could not start: the data directory ${path.join(dataDir, 'pglite')} is in use by process ${first.pid} (node server-build/index.js); stop that process first`,
    );
    expect(second.stdout).not.toContain(RUNNING);
    expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
  }, 60_000);

  it.each(['flag-inactive.ts', 'reindex.ts', 'match-all.ts', 'seed.ts'])(
    'refuses the writing command %s while the server holds the directory',
    async (script) => {
      const refused = await maintenance(script, { JOBBRO_DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by process ${first.pid} (node server-build/index.js)`);
      expect(refused.stderr).toContain('--wait');
      expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
    },
    60_000,
  );

  it('runs a command given --wait once the server has stopped', async () => {
    let waiting: () => void = () => undefined;
    const heardWaiting = new Promise<void>((resolve) => (waiting = resolve));
    const command = maintenance('flag-inactive.ts', { JOBBRO_DATA_DIR: dataDir }, ['--wait'], {
      timeoutMs: 120_000,
      onStderr: (text) => {
        if (text.includes(`Waiting for process ${first.pid}`)) waiting();
      },
    });
    await heardWaiting;
    await first.stop();
    const finished = await command;
    expect(finished.stderr).toContain(`Waiting for process ${first.pid}`);
    expect(finished.code).toBe(0);
  }, 180_000);

  it('takes over the lock of a server that was killed', async () => {
    const killed = await startAppChild({ JOBBRO_DATA_DIR: dataDir, JOBBRO_DEMO: '0' });
    killed.child.kill('SIGKILL');
    await new Promise((resolve) => killed.child.once('exit', resolve));
    expect(fs.readFileSync(path.join(dataDir, 'pglite.lock'), 'utf8')).toContain(`"pid":${killed.pid}`);
    first = await startAppChild({ JOBBRO_DATA_DIR: dataDir, JOBBRO_DEMO: '0' });
    expect((await fetch(`${first.base}/healthz`)).status).toBe(200);
  }, 300_000);
});

describe('start-up says what is wrong', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = (name: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), name));
    made.push(dir);
    return dir;
  };

  it('ends with one line naming a port that is taken, before opening anything', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const dataDir = path.join(tempDir('jobbro-taken-port-'), 'data');
    try {
      const start = await run([SERVER_FILE], { PORT: String(port), HOST: '127.0.0.1', JOBBRO_DATA_DIR: dataDir });
      expect(start.code).toBe(1);
      expect(start.stderr.trim()).toBe(
        `Jobbro could not start: port ${port} is already in use (set PORT to a free port, or stop what listens on it)`,
      );
      expect(start.stdout).not.toContain(RUNNING);
      // Nothing was opened: the database would have made its directory.
      expect(fs.existsSync(dataDir)).toBe(false);
    } finally {
      taken.close();
    }
  }, 60_000);

  it('ends with one line naming a data directory it cannot write', async () => {
    const dataDir = tempDir('jobbro-read-only-');
    fs.chmodSync(dataDir, 0o555);
    // Root writes anywhere: the server then runs as nobody, for whom the directory is read-only.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    // A loaded CI machine can take over a minute just to load the bundle: the child gets longer than the default.
    const start = await run(
      [SERVER_FILE],
      { PORT: String(await freePort()), HOST: '127.0.0.1', JOBBRO_DATA_DIR: dataDir },
      { ...asNobody, timeoutMs: 170_000 },
    );
    expect(start.code).toBe(1);
    const lines = start.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Jobbro could not start: the data directory ${path.join(dataDir, 'pglite')} is not writable \\(EACCES\\)`));
    expect(start.stdout).not.toContain(RUNNING);
  }, 180_000);
});
