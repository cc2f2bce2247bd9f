/**
 * What the whole HTTP stack answers at its edges, on the real server
 * (server-build/index.js over the Remix build, loopback only): bodies past
 * their limit while they stream (a chunked POST that once filled the heap),
 * methods no route serves, control characters in the query, foreign-origin
 * single-fetch requests, caching of signed-in answers, and redirects that
 * take user input. Then the same door, fuzzed on every route of the build:
 * a chunked body past the limit and a control character in a query
 * parameter.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../app/auth/password.server.js';
import { openDatabase, type Database } from '../../db/client.server.js';
import { migrateToLatest } from '../../db/migrate.server.js';
import { createApiKey } from '../../app/employers/api-keys.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import {
  buildCandidate,
  buildOrganisation,
  buildUser,
  ensureJobcentre,
  insertCandidate,
  insertOrganisation,
  insertUser,
} from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { createRng } from '../../db/seed/random.js';
import { BUILD_FILE, loadServerBuild, routesOf } from '../setup/app-harness.js';
import { createTestDatabase, databaseKinds } from '../setup/database.js';
import { personalDataIn } from '../setup/personal-values.js';
import { appProcessOf, browserClient, residentMb, startRealServer, stopRealServer, type RealServer } from '../setup/real-server.js';

const routes = routesOf(await loadServerBuild());
const PASSWORD = 'Zq-kant-edge-2026-kodeord';
const CANDIDATE_EMAIL = 'edge.candidate@private-mail.example';
const ADMIN_EMAIL = 'edge.admin@jobbro.example';
/** The server's limits, set small here so the test sends little (the defaults are 128 KB and 512 KB). */
const FORM_LIMIT_KB = 64;
const API_LIMIT_KB = 256;

type Sent = { status: number; body: string; written: number; ms: number; error: string | null };

/**
 * POSTs a chunked body (no Content-Length) of up to `cap` bytes, in 64 KB
 * chunks, for at most `maxMs`; stops sending when the answer comes. Reports
 * how much it had written by then.
 */
function sendChunked(
  baseUrl: string,
  urlPath: string,
  cap: number,
  options: { maxMs?: number; headers?: Record<string, string>; declared?: number } = {},
): Promise<Sent> {
  const started = Date.now();
  const maxMs = options.maxMs ?? 30_000;
  return new Promise((resolve) => {
    let written = 0;
    let settled = false;
    const finish = (status: number, body: string, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ status, body, written, ms: Date.now() - started, error });
    };
    const headers = {
      Origin: baseUrl,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...options.headers,
      ...(options.declared ? { 'Content-Length': String(options.declared) } : {}),
    };
    const request = http.request(`${baseUrl}${urlPath}`, { method: 'POST', headers });
    const timer = setTimeout(() => finish(0, '', `no answer within ${maxMs} ms`), maxMs);
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => finish(response.statusCode ?? 0, body, null));
      response.on('error', () => finish(response.statusCode ?? 0, body, null));
    });
    request.on('error', (error) => finish(0, '', error.message));
    const chunk = Buffer.alloc(64 * 1024, 'email=a'.padEnd(64, 'a'));
    const pump = () => {
      while (!settled && written < cap) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once('drain', pump);
      }
      if (!settled) request.end();
    };
    pump();
  });
}

/** A raw request (fetch() refuses TRACE and sends no chunked bodies). */
function raw(
  baseUrl: string,
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${urlPath}`, { method, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the HTTP edges of the real server', () => {
  let database: Database;
  let server: RealServer | undefined;
  let apiKey = '';
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    if (!fs.existsSync(BUILD_FILE)) throw new Error(`The Remix build is missing (${BUILD_FILE}): run npx remix build first.`);
    let settings: Record<string, string>;
    let dataDir: string | null = null;
    if (databaseKinds.includes('postgres')) {
      const testDatabase = await createTestDatabase('postgres', { migrate: false });
      cleanups.push(() => testDatabase.close());
      database = testDatabase;
      settings = { DATABASE_URL: testDatabase.url ?? '' };
    } else {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobbro-edges-'));
      const dir = dataDir;
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
      settings = { JOBBRO_DATA_DIR: dataDir };
    }
    await migrateToLatest(database.db);
    await loadReferenceData(database.db);
    await loadTaxonomy(database.db, getTaxonomy());
    const rng = createRng(21);
    const jobcentre = await ensureJobcentre(database.db, '580');
    const passwordHash = await hashPassword(PASSWORD);
    const candidateUser = await insertUser(database.db, buildUser(rng, { role: 'candidate', email: CANDIDATE_EMAIL, password_hash: passwordHash }));
    await insertCandidate(
      database.db,
      buildCandidate(rng, {
        jobcentre_id: jobcentre.id,
        user_id: candidateUser.id,
        status: 'active',
        confirmed_at: new Date('2026-10-01T10:00:00Z'),
      }),
    );
    await insertUser(database.db, buildUser(rng, { role: 'admin', email: ADMIN_EMAIL, password_hash: passwordHash }));
    const organisation = await insertOrganisation(database.db, buildOrganisation(rng, { status: 'verified' }));
    const employer = await insertUser(
      database.db,
      buildUser(rng, { role: 'employer', organisation_id: organisation.id, password_hash: passwordHash }),
    );
    apiKey = (await createApiKey({ db: database.db }, { organisationId: organisation.id, userId: employer.id }, { name: 'ATS' })).secret;
    if (database.kind === 'pglite') await database.close();
    server = await startRealServer({
      ...settings,
      JOBBRO_DEMO: '0',
      LOG_LEVEL: 'info',
      JOBBRO_FORM_BODY_LIMIT_KB: String(FORM_LIMIT_KB),
      JOBBRO_API_BODY_LIMIT_KB: String(API_LIMIT_KB),
    });
  }, 240_000);

  afterAll(async () => {
    await stopRealServer(server);
    if (database?.kind === 'postgres') await database.close().catch(() => undefined);
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  const baseUrl = () => server?.baseUrl ?? '';

  describe('request bodies are limited while they stream', () => {
    it('a 64 MB chunked POST to /login by an anonymous client is answered 413 long before it is sent; the app process stays up and its memory stays flat', async () => {
      const app = appProcessOf(server!);
      const before = residentMb(app) ?? 0;
      const sent = await sendChunked(baseUrl(), '/login', 64 * 1024 * 1024);
      const after = residentMb(app);
      console.info(
        `64 MB chunked to /login: ${sent.status} after ${Math.round(sent.written / 1024)} KB sent, ${sent.ms} ms; app process ${before} → ${after} MB resident`,
      );
      expect({ status: sent.status, error: sent.error }).toEqual({ status: 413, error: null });
      // What the client got into the socket before the answer: the limit plus what the kernel's buffers hold.
      expect(sent.written).toBeLessThan(8 * 1024 * 1024);
      expect(after, 'the app process is gone').not.toBeNull();
      expect((after ?? 0) - before).toBeLessThan(64);
      expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
      expect(appProcessOf(server!)).toBe(app);
      expect(server!.output()).not.toContain('an app process exited');
    });

    it('a declared Content-Length past the limit is answered 413 at once, without the body', async () => {
      const sent = await sendChunked(baseUrl(), '/login', 64 * 1024, { declared: 300 * 1024 * 1024 });
      expect(sent.status).toBe(413);
      expect(sent.ms).toBeLessThan(5_000);
    });

    it('a chunked JSON body past the API limit is answered 413 in JSON; the same body below it reaches the route', async () => {
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` };
      const large = await sendChunked(baseUrl(), '/api/v1/slots', 2 * API_LIMIT_KB * 1024, { headers });
      expect(large.status).toBe(413);
      expect(JSON.parse(large.body)).toMatchObject({ error: { code: 'payload_too_large' } });
      const small = await sendChunked(baseUrl(), '/api/v1/slots', 128 * 1024, { headers });
      // Past the door, the route answers for itself: not a slot.
      expect(small.status).toBe(400);
    });

    it('a form within the limit still logs in', async () => {
      const client = browserClient(baseUrl());
      const status = await client.send('POST', '/login', {
        email: CANDIDATE_EMAIL,
        password: PASSWORD,
        redirectTo: '',
        padding: 'x'.repeat((FORM_LIMIT_KB - 8) * 1024),
      });
      expect(status).toBe(302);
    });
  });

  describe('answers that were errors', () => {
    it('TRACE and other methods no route uses: 405 with Allow', async () => {
      for (const method of ['TRACE', 'PROPFIND', 'MKCOL']) {
        const answer = await raw(baseUrl(), method, '/login');
        expect({ method, status: answer.status }).toEqual({ method, status: 405 });
        expect(answer.headers.allow).toContain('GET');
      }
    });

    it('a control character in any query parameter: 400 naming it', async () => {
      const candidate = browserClient(baseUrl());
      await candidate.send('POST', '/login', { email: CANDIDATE_EMAIL, password: PASSWORD, redirectTo: '' });
      for (const url of ['/login?redirectTo=/%09/evil.example', '/candidate/offers?q=kok%0A', '/candidate/offers?type=igu&q=%00', '/?x%01y=1']) {
        const response = await candidate.request('GET', url);
        expect({ url, status: response.status }).toEqual({ url, status: 400 });
      }
      const api = await raw(baseUrl(), 'GET', '/api/v1/slots?status=%0Dpublished', { Authorization: 'Bearer x' });
      expect(api.status).toBe(400);
      expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'invalid_query', details: { status: [expect.any(String)] } } });
    });

    it('a single-fetch (.data) request from another origin: 403, not 500', async () => {
      const foreign = { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' };
      expect((await raw(baseUrl(), 'POST', '/login.data', { ...foreign, Authorization: 'Bearer x' })).status).toBe(403);
      expect((await raw(baseUrl(), 'POST', '/login.data', { Origin: baseUrl(), 'X-Forwarded-Host': 'evil.example' })).status).toBe(403);
      expect((await raw(baseUrl(), 'GET', '/login.data', { Origin: 'https://evil.example' })).status).toBe(403);
      expect((await raw(baseUrl(), 'GET', '/login.data')).status).toBe(200);
    });
  });

  it('signed-in pages, their .data answers, the data export and the CSV downloads are no-store', async () => {
    const candidate = browserClient(baseUrl());
    const admin = browserClient(baseUrl());
    expect(await candidate.send('POST', '/login', { email: CANDIDATE_EMAIL, password: PASSWORD, redirectTo: '' })).toBe(302);
    expect(await admin.send('POST', '/login', { email: ADMIN_EMAIL, password: PASSWORD, redirectTo: '' })).toBe(302);
    const answers: Record<string, string | null> = {};
    for (const [client, url] of [
      [candidate, '/candidate'],
      [candidate, '/candidate.data'],
      [candidate, '/candidate/offers.data'],
      [candidate, '/candidate/data'],
      [candidate, '/candidate/data.json'],
      [admin, '/admin'],
      [admin, '/admin/figures.csv?table=bySector'],
    ] as const) {
      const response = await client.request('GET', url, undefined, {});
      await response.arrayBuffer();
      answers[`${url} ${response.status}`] = response.headers.get('Cache-Control');
    }
    expect(answers).toEqual({
      '/candidate 200': 'no-store',
      '/candidate.data 200': 'no-store',
      '/candidate/offers.data 200': 'no-store',
      '/candidate/data 200': 'no-store',
      '/candidate/data.json 200': 'no-store',
      '/admin 200': 'no-store',
      '/admin/figures.csv?table=bySector 200': 'no-store',
    });
  });

  it('redirects that take user input stay on this site', async () => {
    const hostile = [
      '/\t/evil.example',
      '/\n/evil.example',
      '//evil.example',
      '/\\evil.example',
      '/.//evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
    ];
    const candidate = browserClient(baseUrl());
    const leaves = (location: string | null) => new URL(location ?? '/', baseUrl()).origin !== baseUrl() || (location ?? '').startsWith('//');
    const escaped: string[] = [];
    for (const redirectTo of hostile) {
      const login = await candidate.request('POST', '/login', { email: CANDIDATE_EMAIL, password: PASSWORD, redirectTo });
      await login.arrayBuffer();
      if (login.status !== 302 || leaves(login.headers.get('Location')))
        escaped.push(`login ${JSON.stringify(redirectTo)} → ${login.status} ${login.headers.get('Location')}`);
      const language = await candidate.request('POST', '/set-language', { lng: 'da', redirectTo });
      await language.arrayBuffer();
      if (language.status !== 302 || leaves(language.headers.get('Location')))
        escaped.push(`set-language ${JSON.stringify(redirectTo)} → ${language.status} ${language.headers.get('Location')}`);
      // Signed in, /login sends one on at once.
      const again = await candidate.request('GET', `/login?redirectTo=${encodeURIComponent(redirectTo)}`);
      await again.arrayBuffer();
      if (again.status < 400 && leaves(again.headers.get('Location')))
        escaped.push(`GET /login?redirectTo=${JSON.stringify(redirectTo)} → ${again.status} ${again.headers.get('Location')}`);
    }
    expect(escaped).toEqual([]);
    // And a path of the site is still followed.
    const kept = await candidate.request('POST', '/set-language', { lng: 'da', redirectTo: '/candidate/offers?type=igu' });
    expect(kept.headers.get('Location')).toBe('/candidate/offers?type=igu');
  });

  describe('fuzz at the door: every route of the build', () => {
    const urlOf = (pattern: string) => pattern.replace(/:\w+/g, '00000000-0000-0000-0000-000000000000').replace(/\*$/, 'x');

    it("a chunked body past the limit is never read past it on any route: 413 where the route reads it, else the route's answer without reading", async () => {
      const wrong: string[] = [];
      const answers = new Map<number, number>();
      for (const route of routes) {
        const url = urlOf(route.pattern);
        const limit = (url.startsWith('/api/') ? API_LIMIT_KB : FORM_LIMIT_KB) * 1024;
        for (const [who, headers] of [
          ['anonymous', {}],
          ['an API client', { Authorization: `Bearer ${apiKey}` }],
        ] as const) {
          const sent = await sendChunked(baseUrl(), url, limit + 16 * 1024 * 1024, { maxMs: 10_000, headers });
          answers.set(sent.status, (answers.get(sent.status) ?? 0) + 1);
          // Read to the limit, the client has at most the kernel's socket buffers more in flight. A route that does not read
          // the body answers without it, and its connection closes; the client may then see its write fail (EPIPE) first.
          const dropped = sent.status === 0 && /EPIPE|ECONNRESET/.test(sent.error ?? '');
          if ((sent.status === 0 && !dropped) || sent.status >= 500 || sent.written > limit + 8 * 1024 * 1024) {
            wrong.push(`${route.id} (${url}) as ${who}: ${sent.status} after ${Math.round(sent.written / 1024)} KB ${sent.error ?? ''}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      // Not vacuous: the routes that read a body (log in, sign-up, the API's writes …) answered 413.
      expect(answers.get(413) ?? 0).toBeGreaterThanOrEqual(5);
      expect((await fetch(`${baseUrl()}/healthz`)).status).toBe(200);
      expect(server!.output()).not.toContain('an app process exited');
      console.info(`chunked bodies past the limit, answers by status: ${JSON.stringify(Object.fromEntries(answers))}`);
    });

    it('a control character in a query parameter is answered 400 on every route', async () => {
      const wrong: string[] = [];
      for (const route of routes) {
        for (const [label, query] of [
          ['tab', 'q=a%09b'],
          ['newline in a name', 'a%0Ab=1'],
          ['NUL', 'redirectTo=%00'],
          ['DEL', 'x=%7F'],
          ['C1 control', 'x=%C2%9B'],
        ]) {
          const url = `${urlOf(route.pattern)}?${query}`;
          const answer = await raw(baseUrl(), 'GET', url);
          if (answer.status !== 400) wrong.push(`${route.id} ${label} (${url}): ${answer.status}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  });

  // Last: the server's own output after all of the above (at LOG_LEVEL=info: a line per request).
  it('logged none of the e-mails, passwords or keys it was sent', () => {
    const lines = server!
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(100);
    expect(personalDataIn(lines, [CANDIDATE_EMAIL, ADMIN_EMAIL, PASSWORD, apiKey, 'evil.example'])).toEqual([]);
  });
});
