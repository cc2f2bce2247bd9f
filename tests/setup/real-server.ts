/**
 * The real server (server-build/index.js over the Remix build, as `npm start`
 * runs it; `npm run build` makes both) in a child
 * process on a free loopback port, with everything it prints kept, for tests
 * that need the whole HTTP stack: Express's guards, the Remix adapter, the
 * request logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_FILE } from '../../scripts/app-child.js';
import { freePort } from '../../scripts/support/throwaway-postgres.js';

export type RealServer = { child: ChildProcess; baseUrl: string; port: number; output: () => string };

export async function startRealServer(settings: Record<string, string>): Promise<RealServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_FILE], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    if (child.exitCode !== null) throw new Error(`the server stopped while starting:\n${output}`);
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { child, baseUrl, port, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not answer /healthz within 120 s:\n${output}`);
}

export function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Stops the server (SIGTERM, then SIGKILL after 10 s). */
export async function stopRealServer(server: RealServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const force = setTimeout(() => server.child.kill('SIGKILL'), 10_000);
  await stopped(server.child);
  clearTimeout(force);
}

/** The process that serves: the server itself, or with JOBBRO_PROCESSES the last of the processes it forked. */
export function appProcessOf(server: RealServer): number {
  const pid = server.child.pid ?? 0;
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.at(-1) ?? pid;
}

/** A process's resident memory in MB, or null when it is gone. */
export function residentMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** A browser-like client: same-origin form posts, cookies kept, redirects not followed. */
export function browserClient(baseUrl: string) {
  let cookie = '';
  const request = async (method: string, url: string, form?: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form ?? {})) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      redirect: 'manual',
      headers: {
        Origin: baseUrl,
        ...(cookie ? { Cookie: cookie } : {}),
        ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      body: form ? body : undefined,
    });
    const session = response.headers.getSetCookie().find((line) => line.startsWith('jobbro_session='));
    if (session) cookie = session.split(';')[0] ?? '';
    return response;
  };
  const send = async (method: string, url: string, form?: Record<string, string | string[]>) => {
    const response = await request(method, url, form);
    await response.arrayBuffer();
    return response.status;
  };
  return { request, send };
}
