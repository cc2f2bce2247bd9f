/**
 * `npm run loadtest [-- --mode embedded|postgres|all --duration S --warmup S --connections N --processes N --target NAME --profile DIR --no-build]`:
 * Jobbro under load at national scale (30,000 candidates, 10,000 open slots,
 * all 98 municipalities). Builds once, starts the built server in
 * production mode as a child process, logs in as one seeded candidate and
 * one consultant of every jobcentre (each page's requests take them in turn),
 * makes an API key for the demo employer, and drives three
 * targets over loopback with autocannon (50 connections, an unmeasured warm-up, then a
 * fixed duration each). Prints one line per mode and target:
 *
 *   loadtest <mode> <target> p50=<ms> p95=<ms> p99=<ms> rps=<n> errors=<n> rss_mb=<n>
 *
 * and a summary of the targets met. A benchmark, not a test: it exits 0
 * whatever the figures (1 only when it could not run).
 *
 * Seeded data is cached under data/loadtest/<mode> with a manifest of the
 * seed code's and each migration's hash: the PGlite directory for
 * `embedded`, a pg_dump for `postgres` (restored into a throwaway
 * PostgreSQL 15 server that the script starts and stops). A changed seed or
 * migration seeds afresh; a new migration is applied by the app on start.
 * The cache includes the match proposals, so the consultant queue is full.
 * The child gets JOBBRO_API_RATE_PER_MINUTE and JOBBRO_API_ADDRESS_RATE_PER_MINUTE
 * at their maximum, so API rate limiting does not turn the JSON target into
 * a test of the limiter (the limiter's own counting stays on the request path).
 *
 * With PostgreSQL the server runs one app process per core (JOBBRO_PROCESSES,
 * `--processes`), each with its own embedded index following the others;
 * with the embedded database one (it belongs to one process);
 * peak RSS and server CPU are summed over all of them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import { z } from 'zod';
import { rematchAll } from '../app/matching/proposals.server.js';
import { openDatabase, type Database } from '../db/client.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import municipalities from '../db/data/geo/municipalities.json';
import { addLoadTestLogins, jobcentreCandidateEmail, jobcentreConsultantEmail } from '../db/seed/load-test-logins.js';
import { DEMO_EMAILS, seedDatabase } from '../db/seed/seed.js';
import { createDocumentSources } from '../app/matching/documents/index.server.js';
import { createEmbeddedEngine } from '../search/embedded-engine.js';
import { reindex } from '../search/reindex.server.js';
import { hashPassword } from '../app/auth/password.server.js';
import { getTaxonomy } from '../app/taxonomy/taxonomy.js';
import { logIn, startAppChild, type AppChild } from './app-child.js';
import { startThrowawayPostgres } from './support/throwaway-postgres.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE_DIR = path.join(root, 'data/loadtest');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const CANDIDATES = 30_000;
const SLOTS = 10_000;
const TIMEOUT_SECONDS = 10;

type Mode = 'embedded' | 'postgres';
type TargetName = 'candidate_offers' | 'consultant_queue' | 'api_slots';

/** What the issue asks of each target on a 2-core machine. */
const GOALS: Record<TargetName, { p95Ms?: number; minRps?: number }> = {
  candidate_offers: { p95Ms: 150 },
  consultant_queue: { p95Ms: 200 },
  api_slots: { minRps: 300 },
};
const MAX_RSS_MB = 1536;

const argsSchema = z.object({
  mode: z.enum(['embedded', 'postgres', 'all']).default('all'),
  duration: z.coerce.number().int().min(1).max(300).default(20),
  /** Load before each target's measured run, unmeasured: V8 compiles the hot paths and the heap settles first. */
  warmup: z.coerce.number().int().min(0).max(120).default(15),
  connections: z.coerce.number().int().min(1).max(1000).default(50),
  'no-build': z.boolean().default(false),
  /** Only this target (candidate_offers, consultant_queue or api_slots). */
  target: z.enum(['candidate_offers', 'consultant_queue', 'api_slots']).optional(),
  /** Writes the server's V8 CPU profile (.cpuprofile) into this directory when it stops. */
  profile: z.string().min(1).optional(),
  /** App processes on PostgreSQL (JOBBRO_PROCESSES). Default: one per core. The embedded database always runs one. */
  processes: z.coerce.number().int().min(1).max(16).optional(),
});

type Options = { duration: number; warmup: number; connections: number; target?: TargetName; profile?: string; processes?: number };

function log(line: string): void {
  console.error(`[loadtest] ${line}`);
}

/**
 * What a cached data set was made from: the seed code and sizes (`seed`) and
 * each migration file's hash. A cache is used when the seed matches and its
 * migrations are the current ones or an earlier prefix of them (the app
 * applies the new ones on start, as it would in production); a changed or
 * removed migration, or any change to the seed, seeds afresh.
 */
type CacheManifest = { seed: string; migrations: Record<string, string> };

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

function sourcesOf(dir: string): Array<[name: string, content: Buffer]> {
  return fs
    .readdirSync(path.join(root, dir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort()
    .map((name) => [name, fs.readFileSync(path.join(root, dir, name))]);
}

function currentManifest(): CacheManifest {
  const seed = createHash('sha256');
  for (const [name, content] of sourcesOf('db/seed')) seed.update(name).update(content);
  seed.update(`${CANDIDATES}/${SLOTS}`);
  return {
    seed: seed.digest('hex').slice(0, 16),
    migrations: Object.fromEntries(sourcesOf('db/migrations').map(([name, content]) => [name, sha(content)])),
  };
}

const manifestSchema = z.object({ seed: z.string(), migrations: z.record(z.string(), z.string()) });

/** True when a data set made under `cached` can be brought to `current` by migrating forward. */
function usable(cached: CacheManifest, current: CacheManifest): boolean {
  if (cached.seed !== current.seed) return false;
  const had = Object.keys(cached.migrations).sort();
  const now = Object.keys(current.migrations).sort();
  return had.every((name, i) => now[i] === name && current.migrations[name] === cached.migrations[name]);
}

function readManifest(file: string): CacheManifest | undefined {
  if (!fs.existsSync(file)) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

/** Removes everything in the mode's cache directory except `keep`. */
function pruneCache(modeDir: string, keep: string[]): void {
  if (!fs.existsSync(modeDir)) return;
  for (const name of fs.readdirSync(modeDir)) {
    if (!keep.includes(name)) fs.rmSync(path.join(modeDir, name), { recursive: true, force: true });
  }
}

/** Seeds at national scale with the demo accounts, builds the index and stores the matcher's proposals. */
async function seedNationalScale(database: Database): Promise<void> {
  const { db } = database;
  await migrateToLatest(db);
  let started = performance.now();
  await seedDatabase(db, {
    hashPassword,
    taxonomy: getTaxonomy(),
    demo: true,
    demoData: true,
    candidates: CANDIDATES,
    slots: SLOTS,
    log: (line) => log(`  ${line}`),
  });
  const logins = await addLoadTestLogins(db, { hashPassword });
  log(`  load-test logins: ${logins.consultants} consultants, ${logins.candidates} candidates`);
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const clock = () => new Date();
  const search = createEmbeddedEngine();
  try {
    started = performance.now();
    await reindex({ db, search, sources: createDocumentSources({ clock }) });
    const matched = await rematchAll({ db, search, clock });
    log(`indexed and matched ${matched.slots} slots (${matched.proposed} proposals) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await search.close();
  }
}

/** The PGlite data directory (seeded once; the app migrates it forward in place). */
async function embeddedDataDir(current: CacheManifest): Promise<string> {
  const modeDir = path.join(CACHE_DIR, 'embedded');
  const dataDir = path.join(modeDir, 'data');
  const manifestFile = path.join(modeDir, 'manifest.json');
  const cached = readManifest(manifestFile);
  if (cached && usable(cached, current) && fs.existsSync(dataDir)) {
    // The server about to start migrates the directory to `current`.
    fs.writeFileSync(manifestFile, JSON.stringify(current, null, 2));
    return dataDir;
  }
  pruneCache(modeDir, []);
  log(`seeding ${path.relative(root, dataDir)} (once; later runs reuse it)`);
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  try {
    await seedNationalScale(database);
  } finally {
    await database.close();
  }
  fs.writeFileSync(manifestFile, JSON.stringify(current, null, 2));
  return dataDir;
}

type PostgresServer = { url: string; pid: number; stop(): void };

/** A throwaway server (durability off: what we measure is the app, not the disk) with a `jobbro` database URL. */
async function startPostgres(): Promise<PostgresServer> {
  const server = await startThrowawayPostgres({ binDir: PG_BIN, prefix: 'jobbro-loadtest-pg-', settings: ['shared_buffers=256MB'] });
  return { url: server.url.replace(/\/postgres$/, '/jobbro'), pid: server.pid, stop: () => server.stop() };
}

/** Restores the cached dump (the app migrates it forward on start), or seeds the new server and dumps it for next time. */
async function preparePostgres(server: PostgresServer, current: CacheManifest): Promise<void> {
  const adminUrl = server.url.replace(/\/jobbro$/, '/postgres');
  execFileSync(path.join(PG_BIN, 'psql'), [adminUrl, '-qc', 'create database jobbro'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const modeDir = path.join(CACHE_DIR, 'postgres');
  const dump = path.join(modeDir, 'jobbro.pgdump');
  const manifestFile = path.join(modeDir, 'manifest.json');
  const cached = readManifest(manifestFile);
  if (cached && usable(cached, current) && fs.existsSync(dump)) {
    const started = performance.now();
    execFileSync(path.join(PG_BIN, 'pg_restore'), ['-d', server.url, '--no-owner', '-j', '2', dump], { stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync(path.join(PG_BIN, 'psql'), [server.url, '-qc', 'analyze'], { stdio: ['ignore', 'pipe', 'pipe'] });
    log(`restored ${path.relative(root, dump)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return;
  }
  pruneCache(modeDir, []);
  log('seeding PostgreSQL (once; later runs restore a dump)');
  const database = await openDatabase({ kind: 'postgres', url: server.url });
  try {
    await seedNationalScale(database);
  } finally {
    await database.close();
  }
  fs.mkdirSync(modeDir, { recursive: true });
  execFileSync(path.join(PG_BIN, 'pg_dump'), ['-Fc', '-f', `${dump}.partial`, server.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  fs.renameSync(`${dump}.partial`, dump);
  fs.writeFileSync(manifestFile, JSON.stringify(current, null, 2));
  execFileSync(path.join(PG_BIN, 'psql'), [server.url, '-qc', 'analyze'], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates an API key on the company page (the secret is shown once, in the page). */
async function createApiKey(app: AppChild, employerCookie: string): Promise<string> {
  const response = await fetch(`${app.base}/employer/company`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: app.base, Cookie: employerCookie },
    body: new URLSearchParams({ intent: 'key', name: `loadtest ${new Date().toISOString()}` }),
  });
  const key = /jbk_[a-z0-9]{12}_[A-Za-z0-9_-]{32,64}/.exec(await response.text())?.[0];
  if (!key) throw new Error(`creating an API key failed: HTTP ${response.status}`);
  return key;
}

/** `cookies`: the requests take these session cookies in turn (several users at once), instead of one in `headers`. */
type Target = { name: TargetName; path: string; headers: Record<string, string>; cookies?: string[]; expect: RegExp };

/** One request per user before the load, so a wrong cookie or an empty page stops the run instead of measuring redirects. */
async function checkTarget(app: AppChild, target: Target): Promise<number> {
  let bytes = 0;
  for (const cookie of target.cookies ?? [undefined]) {
    const headers = cookie === undefined ? target.headers : { ...target.headers, Cookie: cookie };
    const response = await fetch(`${app.base}${target.path}`, { headers, redirect: 'manual' });
    const body = await response.text();
    if (response.status !== 200 || !target.expect.test(body)) {
      throw new Error(`${target.name}: GET ${target.path} answered ${response.status} without the expected content`);
    }
    bytes = Math.max(bytes, body.length);
  }
  return bytes;
}

/** Logs in every user, a few at a time (each login verifies a password hash). */
async function logInAll(app: AppChild, emails: readonly string[]): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < emails.length; i += 4) cookies.push(...(await Promise.all(emails.slice(i, i + 4).map((email) => logIn(app, email)))));
  return cookies;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** The server and the app processes it forked (JOBBRO_PROCESSES), from /proc. */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      parentOf.set(Number(name), Number(fields[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i += 1) for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** Peak resident sets (the kernel's high-water marks) of the server's processes, summed, in MB. */
function peakRssMb(pid: number): number {
  let kb = 0;
  for (const each of processTree(pid)) {
    const status = fs.readFileSync(`/proc/${each}/status`, 'utf8');
    kb += Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  }
  return kb / 1024;
}

/** CPU time (user + system) the server's processes have used so far, in ms; Linux counts it in ticks of 10 ms. */
function cpuMsOf(pid: number): number {
  let ticks = 0;
  for (const each of processTree(pid)) {
    const fields = fs.readFileSync(`/proc/${each}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

type Measured = { p50: number; p95: number; p99: number; rps: number; errors: number; errorKinds: string };

function runAutocannon(url: string, target: Target, connections: number, seconds: number): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // Every response's time, so p95 is exact (autocannon's own summary has p90 and p97.5).
    const times: number[] = [];
    let failed = 0;
    const { cookies, headers } = target;
    let turn = 0;
    const requests = cookies?.length
      ? [{ setupRequest: (request: Request) => ({ ...request, headers: { ...request.headers, Cookie: cookies[turn++ % cookies.length]! } }) }]
      : undefined;
    const options = { url, connections, duration: seconds, timeout: TIMEOUT_SECONDS, headers, ...(requests ? { requests } : {}) };
    const instance = autocannon(options, (error: Error | null, result: Result) => {
      if (error) return reject(error);
      // A request that timed out counts at the timeout in the percentiles, not as if it had never been sent.
      for (let i = 0; i < result.timeouts; i += 1) times.push(TIMEOUT_SECONDS * 1000);
      times.sort((a, b) => a - b);
      resolve({
        p50: percentile(times, 0.5),
        p95: percentile(times, 0.95),
        p99: percentile(times, 0.99),
        rps: (times.length - failed - result.timeouts) / result.duration,
        errors: result.errors + result.non2xx,
        // What the errors were, for the log: a 5xx, a refusal and a slow answer need different fixes.
        errorKinds: [
          `${result.timeouts} timed out (> ${TIMEOUT_SECONDS} s)`,
          `${result.errors - result.timeouts} other connection errors`,
          ...Object.entries(result.statusCodeStats)
            .filter(([status]) => !status.startsWith('2'))
            .map(([status, { count }]) => `${count} × HTTP ${status}`),
        ].join(', '),
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode > 299) failed += 1;
    });
  });
}

type Line = { mode: Mode; target: TargetName } & Measured & { rssMb: number };

const fmt = (ms: number) => (Number.isNaN(ms) ? 'NaN' : ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

function printLine(line: Line): void {
  console.log(
    `loadtest ${line.mode} ${line.target} p50=${fmt(line.p50)} p95=${fmt(line.p95)} p99=${fmt(line.p99)} rps=${Math.round(line.rps)} errors=${line.errors} rss_mb=${Math.round(line.rssMb)}`,
  );
}

/** `databasePid`: the PostgreSQL server's postmaster, whose CPU is counted apart from the app's. */
async function measureMode(mode: Mode, app: AppChild, options: Options, databasePid?: number): Promise<Line[]> {
  // People all over the country in turn: the offers page's work depends on where the candidate lives and what they
  // can do, the queue's on the jobcentre (a small one's share of all proposals).
  const candidates = await logInAll(
    app,
    municipalities.map((municipality) => jobcentreCandidateEmail(municipality.code)),
  );
  const consultants = await logInAll(
    app,
    municipalities.map((municipality) => jobcentreConsultantEmail(municipality.code)),
  );
  const apiKey = await createApiKey(app, await logIn(app, DEMO_EMAILS.employer));
  const targets: Target[] = [
    { name: 'candidate_offers', path: '/candidate/offers', headers: {}, cookies: candidates, expect: /<ol class="plain-list"/ },
    { name: 'consultant_queue', path: '/consultant', headers: {}, cookies: consultants, expect: /<table/ },
    { name: 'api_slots', path: '/api/v1/slots', headers: { Authorization: `Bearer ${apiKey}` }, expect: /^\{"slots":\[\{/ },
  ];
  const lines: Line[] = [];
  for (const target of targets.filter((each) => options.target === undefined || each.name === options.target)) {
    const bytes = await checkTarget(app, target);
    log(`${mode} ${target.name}: GET ${target.path} (${Math.round(bytes / 1024)} kB); warm-up ${options.warmup} s, then ${options.duration} s`);
    if (options.warmup > 0) await runAutocannon(`${app.base}${target.path}`, target, options.connections, options.warmup);
    const cpuBefore = cpuMsOf(app.pid);
    const databaseCpuBefore = databasePid === undefined ? 0 : cpuMsOf(databasePid);
    const ownCpuBefore = process.cpuUsage();
    const measured = await runAutocannon(`${app.base}${target.path}`, target, options.connections, options.duration);
    // The machine is shared: the server's own CPU per answer does not depend on how busy the other processes keep it.
    const answered = Math.max(1, Math.round(measured.rps * options.duration));
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const loadCpuMs = (ownCpu.user + ownCpu.system) / 1000;
    const databaseCpu = databasePid === undefined ? '' : `, PostgreSQL ${((cpuMsOf(databasePid) - databaseCpuBefore) / answered).toFixed(1)} ms`;
    log(
      `${mode} ${target.name}: server CPU ${((cpuMsOf(app.pid) - cpuBefore) / answered).toFixed(1)} ms per answer${databaseCpu}, ` +
        `load generator ${(loadCpuMs / answered).toFixed(1)} ms; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    if (measured.errors > 0) log(`${mode} ${target.name}: errors: ${measured.errorKinds}`);
    const line = { mode, target: target.name, ...measured, rssMb: peakRssMb(app.pid) };
    printLine(line);
    lines.push(line);
  }
  return lines;
}

async function runMode(mode: Mode, current: CacheManifest, options: Options): Promise<Line[]> {
  const started = performance.now();
  let postgres: PostgresServer | undefined;
  let app: AppChild | undefined;
  try {
    let env: Record<string, string>;
    if (mode === 'embedded') {
      env = { JOBBRO_DATA_DIR: await embeddedDataDir(current), JOBBRO_PROCESSES: '1' };
    } else {
      postgres = await startPostgres();
      await preparePostgres(postgres, current);
      env = { DATABASE_URL: postgres.url, JOBBRO_PROCESSES: String(options.processes ?? os.cpus().length) };
    }
    log(`${mode}: starting the server (${env.JOBBRO_PROCESSES} app process${env.JOBBRO_PROCESSES === '1' ? '' : 'es'})`);
    app = await startAppChild(
      {
        ...env,
        JOBBRO_DEMO: '1',
        // The API rate limits at their highest: the load test measures the app, not the limiter.
        JOBBRO_API_RATE_PER_MINUTE: '10000000',
        JOBBRO_API_ADDRESS_RATE_PER_MINUTE: '10000000',
      },
      options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profile)}`] : [],
    );
    log(`${mode}: ready after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const lines = await measureMode(mode, app, options, postgres?.pid);
    // Warnings and errors the server logged under load (LOG_LEVEL=warn): a 200 can still hide a logged failure.
    const said = app.stderr().trim();
    if (said) log(`${mode}: the server logged (last lines):\n${said.split('\n').slice(-5).join('\n')}`);
    return lines;
  } finally {
    await app?.stop();
    postgres?.stop();
  }
}

function summarise(lines: Line[]): void {
  let missed = 0;
  for (const line of lines) {
    const goal = GOALS[line.target];
    const checks: string[] = [];
    if (goal.p95Ms !== undefined) checks.push(`p95 ${fmt(line.p95)} ms ${line.p95 <= goal.p95Ms ? '≤' : '>'} ${goal.p95Ms} ms`);
    if (goal.minRps !== undefined) checks.push(`${Math.round(line.rps)} req/s ${line.rps >= goal.minRps ? '≥' : '<'} ${goal.minRps}`);
    checks.push(`errors ${line.errors}`);
    checks.push(`peak RSS ${Math.round(line.rssMb)} MB ${line.rssMb <= MAX_RSS_MB ? '≤' : '>'} ${MAX_RSS_MB} MB`);
    const met =
      (goal.p95Ms === undefined || line.p95 <= goal.p95Ms) &&
      (goal.minRps === undefined || line.rps >= goal.minRps) &&
      line.errors === 0 &&
      line.rssMb <= MAX_RSS_MB;
    if (!met) missed += 1;
    console.log(`loadtest summary ${line.mode} ${line.target} ${met ? 'met' : 'MISSED'}: ${checks.join(', ')}`);
  }
  console.log(`loadtest summary ${lines.length - missed} of ${lines.length} targets met`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string' },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      'no-build': { type: 'boolean' },
      target: { type: 'string' },
      profile: { type: 'string' },
      processes: { type: 'string' },
    },
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  const args = parsed.data;
  if (!args['no-build']) {
    log('npm run build');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const current = currentManifest();
  const modes: Mode[] = args.mode === 'all' ? ['embedded', 'postgres'] : [args.mode];
  const lines: Line[] = [];
  for (const mode of modes) lines.push(...(await runMode(mode, current, args)));
  summarise(lines);
}

main().catch((error: unknown) => {
  console.error('loadtest failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
