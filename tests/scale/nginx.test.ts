/**
 * docs/operations.md's nginx example, as written there, in front of two
 * instances of the built server (server-build/, `npm run build`) on one
 * PostgreSQL: nginx from Debian's package, run as a non-root user from a
 * generated configuration in a temporary directory, on free ports. Checked:
 * both instances answer through nginx, a workplace written through one is
 * read through the other, and a session opened through one works on the
 * other. Skipped (saying why) without nginx or the PostgreSQL test server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_EMAILS, DEMO_PASSWORD } from '../../db/seed/seed.js';
import { startAppChild, type AppChild } from '../../scripts/app-child.js';
import { freePort } from '../../scripts/support/throwaway-postgres.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';

const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((file) => fs.existsSync(file)) ?? null;
const root = path.resolve(import.meta.dirname, '../..');
/** Who runs nginx when the tests run as root (nginx would otherwise run its workers as `nobody` anyway, under a root master). */
const UNPRIVILEGED_USER = 'nobody';

/** The ```nginx block of docs/operations.md, pointed at the test's instances and port. */
export function exampleServerConfig(ports: { listen: number; first: number; second: number }): string {
  const docs = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(docs)?.[1];
  if (!block) throw new Error('docs/operations.md has no ```nginx block');
  const replaced = block
    .replace('server 127.0.0.1:3001;', `server 127.0.0.1:${ports.first};`)
    .replace('server 127.0.0.1:3002;', `server 127.0.0.1:${ports.second};`)
    .replace(/listen 80;/, `listen 127.0.0.1:${ports.listen};`);
  for (const port of [ports.first, ports.second, ports.listen]) {
    if (!replaced.includes(`:${port};`)) throw new Error('the nginx example no longer has the upstreams 3001 and 3002 and `listen 80;`');
  }
  return replaced.replace(/^ {3}/gm, '');
}

/** What /etc/nginx/nginx.conf gives a site, with every path in `dir` so an unprivileged user can run it. */
function mainConfig(dir: string, server: string): string {
  return `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${server}
}
`;
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not within ${ms / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const reason = !NGINX
  ? ' (skipped: nginx is not installed — apt-get install nginx-light; .ci/run installs it)'
  : !inject('postgresUrl')
    ? ' (skipped: the PostgreSQL test server is not running)'
    : '';

describe.skipIf(reason !== '')(`two instances on one PostgreSQL behind docs/operations.md's nginx example${reason}`, () => {
  let database: TestDatabase;
  let first: AppChild;
  let second: AppChild;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;
  let nginxLog = '';

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    // One after the other: the first migrates and seeds the demo, the second finds both done.
    first = await startAppChild({ DATABASE_URL: database.url!, JOBBRO_DEMO: '1' });
    second = await startAppChild({ DATABASE_URL: database.url! });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-nginx-'));
    const listen = await freePort();
    base = `http://127.0.0.1:${listen}`;
    const ports = { listen, first: Number(new URL(first.base).port), second: Number(new URL(second.base).port) };
    fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConfig(dir, exampleServerConfig(ports)));
    const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')];
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chmodSync(dir, 0o777);
    nginx = asRoot ? spawn('runuser', ['-u', UNPRIVILEGED_USER, '--', NGINX!, ...args]) : spawn(NGINX!, args);
    nginx.stderr?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()));
    await eventually(async () => (await fetch(`${base}/healthz`)).status === 200, `nginx answers on ${base}:\n${nginxLog}`);
  }, 480_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      // runuser passes the signal on; nginx's master stops its workers.
      nginx.kill('SIGTERM');
      await exited;
    }
    await first?.stop();
    await second?.stop();
    await database?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  /** A request through nginx, and which instance answered it (the example's X-Jobbro-Upstream header). */
  async function through(pathname: string, init: RequestInit = {}): Promise<{ response: Response; upstream: string; text: string }> {
    const response = await fetch(`${base}${pathname}`, { redirect: 'manual', ...init });
    return { response, upstream: response.headers.get('x-jobbro-upstream') ?? '', text: await response.text() };
  }

  /** Repeats the request until the instance `wanted` (or, with `not`, any other) answers it. */
  async function answeredBy(
    upstream: { wanted?: string; not?: string },
    pathname: string,
    init: RequestInit = {},
  ): Promise<Awaited<ReturnType<typeof through>>> {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const answer = await through(pathname, init);
      if (upstream.wanted !== undefined ? answer.upstream === upstream.wanted : answer.upstream !== upstream.not) return answer;
    }
    throw new Error(`no answer from the wanted instance in 20 requests to ${pathname}`);
  }

  it('passes requests to both instances in turn', async () => {
    const upstreams = new Set<string>();
    for (let i = 0; i < 4; i += 1) {
      const { response, upstream } = await through('/login');
      expect(response.status).toBe(200);
      upstreams.add(upstream);
    }
    expect([...upstreams].sort()).toEqual([new URL(first.base).host, new URL(second.base).host].sort());
  });

  it('keeps a session opened through one instance on the other, and reads there what was written through the first', async () => {
    const login = await through('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
      body: new URLSearchParams({ email: DEMO_EMAILS.employer, password: DEMO_PASSWORD }),
    });
    expect(login.response.status).toBe(302);
    const cookie = login.response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0] ?? '')
      .find((pair) => pair.includes('='));
    expect(cookie).toBeDefined();
    const headers = { Cookie: cookie! };

    // The session, opened where the login went, works on the other instance.
    const page = await answeredBy({ not: login.upstream }, '/employer', { headers });
    expect(page.response.status).toBe(200);

    const workplaceName = `Lager via nginx ${Date.now()}`;
    const write = await through('/employer/workplaces/new', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
      body: new URLSearchParams({
        pNumber: '1000000077',
        workplaceName,
        address: 'Havnegade 1',
        postalCode: '6200',
        employeesFte: '12',
      }),
    });
    expect(write.response.status, write.text.slice(0, 500)).toBe(302);
    const read = await answeredBy({ not: write.upstream }, '/employer', { headers });
    expect(read.response.status).toBe(200);
    expect(read.text).toContain(workplaceName);

    // Signed out through one instance: the other refuses the session too.
    const logout = await through('/logout', { method: 'POST', headers: { ...headers, Origin: base } });
    expect([302, 303]).toContain(logout.response.status);
    const after = await answeredBy({ not: logout.upstream }, '/employer', { headers });
    expect(after.response.status).toBe(302);
    expect(after.response.headers.get('location')).toMatch(/^\/login/);
  });
});
