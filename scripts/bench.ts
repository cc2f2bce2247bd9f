/**
 * `npm run bench`: speed and memory of matching at national scale (30,000
 * candidates, 10,000 open slots) with the embedded engine. A benchmark, not
 * a test: it prints `bench <name> <value> <unit>` lines and never fails on a
 * figure. The seeded PGlite database is cached under ./data/bench, keyed by
 * a hash of db/migrations/** and db/seed/**: a schema or seed change, or a
 * cached database missing a column or table, reseeds it (about a minute).
 * After seeding, the tables are analyzed once (PGlite runs no autovacuum);
 * the app's first start gets the same from `reindex`.
 *
 * What `build` times: `reindex` of both indexes from the open database, as
 * the app's start does after opening and migrating it. Opening PGlite and
 * migrating happen before the timer, as in the app; nothing else is warmed.
 *
 * Figures: index build; ranked top 50 for one slot and ranked offers for one
 * candidate (p50/p95 over 1,000 each); a full re-match of all slots (stored
 * as proposals); peak RSS; and the floor — the matcher run over every
 * candidate for one slot, no engine — with slot_floor_ratio = slot_p95 / floor_p95.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { matchSlot } from '../app/matching/match.js';
import { rematchAll } from '../app/matching/proposals.server.js';
import { matchesForSlot, offersForCandidateFromIndex } from '../app/matching/retrieval.server.js';
import { openDatabase, type Database } from '../db/client.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import { analyzeTables, documentTables } from '../db/queries/search-documents.js';
import { seedDatabase } from '../db/seed/seed.js';
import { matchCandidateFromDocument, type CandidateDocument } from '../app/matching/documents/candidates.server.js';
import { createDocumentSources } from '../app/matching/documents/index.server.js';
import { matchSlotFromDocument, type SlotDocument } from '../app/matching/documents/slots.server.js';
import { createEmbeddedEngine } from '../search/embedded-engine.js';
import { reindex } from '../search/reindex.server.js';
import { hashPassword } from '../app/auth/password.server.js';
import { getTaxonomy } from '../app/taxonomy/taxonomy.js';

const CANDIDATES = 30_000;
const SLOTS = 10_000;
const SAMPLES = 1_000;
const FLOOR_SAMPLES = 50;
const CACHE_DIR = path.resolve('data/bench');
const DATA_DIR = path.join(CACHE_DIR, 'pglite');
const CACHE_KEY_FILE = path.join(CACHE_DIR, 'key');
/** What the cached database is built from: a change in any of these reseeds it. */
const CACHE_INPUTS = ['db/migrations', 'db/seed'];
const SEED_DAY = '2026-03-01';
const REMATCH_BUDGET_MS = 150_000;

function print(name: string, value: number, unit: string): void {
  console.log(`bench ${name} ${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${unit}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Evenly spread picks, so the sample covers the whole id range and is the same on every run. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]!);
}

/** CPU time of this process in ms (user + system). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

type Samples = { wall: number[]; cpu: number[] };
const samples = (): Samples => ({ wall: [], cpu: [] });

async function timed<T>(into: Samples, work: () => Promise<T> | T): Promise<T> {
  const cpuStarted = cpuMs();
  const started = performance.now();
  const result = await work();
  into.wall.push(performance.now() - started);
  into.cpu.push(cpuMs() - cpuStarted);
  return result;
}

function printPercentiles(name: string, into: Samples): void {
  into.wall.sort((a, b) => a - b);
  into.cpu.sort((a, b) => a - b);
  print(`${name}_p50`, percentile(into.wall, 0.5), 'ms');
  print(`${name}_p95`, percentile(into.wall, 0.95), 'ms');
  print(`${name}_p50_cpu`, percentile(into.cpu, 0.5), 'ms');
  print(`${name}_p95_cpu`, percentile(into.cpu, 0.95), 'ms');
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Hash of every file the cached database is built from (paths and contents). */
function cacheKey(): string {
  const hash = createHash('sha256');
  for (const file of CACHE_INPUTS.flatMap((dir) => filesUnder(path.resolve(dir))).sort()) {
    hash.update(path.relative(process.cwd(), file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** PostgreSQL's codes for a missing column or table: the cache predates a migration or a seed change. */
function isSchemaMismatch(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === '42703' || error.code === '42P01');
}

/** Opens the cached bench database, seeding it first when it is missing, stale or incomplete. */
async function openBenchDatabase(): Promise<Database> {
  const key = cacheKey();
  const cachedKey = fs.existsSync(CACHE_KEY_FILE) ? fs.readFileSync(CACHE_KEY_FILE, 'utf8').trim() : null;
  if (fs.existsSync(DATA_DIR) && cachedKey !== key) {
    console.error('bench database built from other migrations or seed code: seeding afresh');
    fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  }
  const cached = fs.existsSync(DATA_DIR);
  const database = await openDatabase({ kind: 'pglite', dataDir: DATA_DIR });
  const { db } = database;
  await migrateToLatest(db);
  const counted = await db
    .selectFrom('candidates')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(counted.n) < CANDIDATES) {
    console.error(cached ? 'bench database incomplete: seeding the rest' : `seeding ${DATA_DIR} (once; later runs reuse it)`);
    const started = performance.now();
    await seedDatabase(db, {
      hashPassword,
      taxonomy: getTaxonomy(),
      demo: false,
      demoData: true,
      candidates: CANDIDATES,
      slots: SLOTS,
      today: SEED_DAY,
      log: (line) => console.error(line),
    });
    // The seed is a bulk load and PGlite runs no autovacuum: give the planner its statistics once.
    await analyzeTables(db, documentTables);
    console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  fs.writeFileSync(CACHE_KEY_FILE, `${key}\n`);
  return database;
}

async function main(): Promise<void> {
  let database = await openBenchDatabase();
  try {
    await run(database);
  } catch (error) {
    if (!isSchemaMismatch(error)) throw error;
    // A column or table the code now reads is missing from the cache: reseed once and run again.
    console.error(`bench database lacks what the code reads (${error instanceof Error ? error.message : String(error)}): seeding afresh`);
    await database.close();
    fs.rmSync(CACHE_DIR, { recursive: true, force: true });
    database = await openBenchDatabase();
    await run(database);
  } finally {
    await database.close();
  }
}

async function run(database: Database): Promise<void> {
  const { db } = database;
  // The seed's dates are relative to SEED_DAY; the bench runs on that day so eligibility looks as seeded.
  const clock = () => new Date(`${SEED_DAY}T09:00:00Z`);
  const search = createEmbeddedEngine();
  const deps = { db, search, clock };

  const buildCpu = cpuMs();
  const buildStarted = performance.now();
  const counts = await reindex({ db, search, sources: createDocumentSources({ clock }) });
  print('build', (performance.now() - buildStarted) / 1000, 's');
  print('build_cpu', (cpuMs() - buildCpu) / 1000, 's');
  console.error(`indexed ${counts.candidates} candidates, ${counts.slots} slots`);

  const slotDocs = (await search.search<SlotDocument>('slots', { limit: SLOTS * 2 })).hits.map((hit) => hit.document);
  const candidateDocs = (await search.search<CandidateDocument>('candidates', { limit: CANDIDATES * 2 })).hits.map((hit) => hit.document);

  // Warm up the JIT on a few of each before measuring.
  for (const slot of spread(slotDocs, 20)) await matchesForSlot(deps, slot.id);
  for (const candidate of spread(candidateDocs, 20)) await offersForCandidateFromIndex(deps, candidate.id);

  const slotTimes = samples();
  let ranked = 0;
  for (const slot of spread(slotDocs, SAMPLES)) {
    const result = await timed(slotTimes, () => matchesForSlot(deps, slot.id, { top: 50 }));
    ranked += result.ranked.length;
  }
  printPercentiles('slot', slotTimes);
  console.error(`slots: ${(ranked / SAMPLES).toFixed(1)} ranked candidates on average`);

  const candidateTimes = samples();
  let offered = 0;
  for (const candidate of spread(candidateDocs, SAMPLES)) {
    const result = await timed(candidateTimes, () => offersForCandidateFromIndex(deps, candidate.id, { top: 50 }));
    offered += result.ranked.length;
  }
  printPercentiles('candidate', candidateTimes);
  console.error(`candidates: ${(offered / SAMPLES).toFixed(1)} ranked offers on average`);

  // The floor: no engine, the matcher over every candidate (conversion done once, outside the timing).
  const everyone = candidateDocs.map(matchCandidateFromDocument);
  const floorTimes = samples();
  for (const slot of spread(slotDocs, FLOOR_SAMPLES)) {
    await timed(floorTimes, () => matchSlot(matchSlotFromDocument(slot), everyone, { asOf: SEED_DAY, top: 50 }));
  }
  floorTimes.wall.sort((a, b) => a - b);
  floorTimes.cpu.sort((a, b) => a - b);

  // Checked after each page, not by a timer: PGlite's queries resolve without yielding to timers.
  const budget = new AbortController();
  const deadline = performance.now() + REMATCH_BUDGET_MS;
  const rematchCpu = cpuMs();
  const rematch = await rematchAll(deps, {
    signal: budget.signal,
    onProgress: () => {
      if (performance.now() > deadline) budget.abort();
    },
  });
  const share = rematch.slots / Math.max(1, slotDocs.length);
  if (rematch.stopped) console.error(`re-match stopped after ${rematch.slots} of ${slotDocs.length} slots: figures extrapolated`);
  print('rematch', rematch.durationMs / 1000 / share, 's');
  print('rematch_cpu', (cpuMs() - rematchCpu) / 1000 / share, 's');
  console.error(`re-match: ${rematch.slots} slots, ${rematch.proposed} proposals (${rematch.written} written, ${rematch.removed} removed)`);

  // maxRSS is the process's peak resident set in kilobytes (getrusage).
  print('rss', process.resourceUsage().maxRSS / 1024, 'MB');
  const floorP95 = percentile(floorTimes.wall, 0.95);
  print('floor_p95', floorP95, 'ms');
  print('floor_p95_cpu', percentile(floorTimes.cpu, 0.95), 'ms');
  print('slot_floor_ratio', percentile(slotTimes.wall, 0.95) / floorP95, 'x');
  print('slot_floor_ratio_cpu', percentile(slotTimes.cpu, 0.95) / percentile(floorTimes.cpu, 0.95), 'x');

  await search.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
