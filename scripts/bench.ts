/**
 * `npm run bench`: speed and memory of matching at national scale (30,000
 * candidates, 10,000 open slots) with the embedded engine. A benchmark, not
 * a test: it prints `bench <name> <value> <unit>` lines and never fails on a
 * figure. The seeded PGlite database is cached under ./data/bench (delete
 * it to seed afresh).
 *
 * Figures: index build; ranked top 50 for one slot and ranked offers for one
 * candidate (p50/p95 over 1,000 each); a full re-match of all slots (stored
 * as proposals); peak RSS; and the floor — the matcher run over every
 * candidate for one slot, no engine — with slot_floor_ratio = slot_p95 / floor_p95.
 */
import fs from 'node:fs';
import path from 'node:path';
import { matchSlot } from '../app/matching/match.js';
import { rematchAll } from '../app/matching/proposals.server.js';
import { matchesForSlot, offersForCandidateFromIndex } from '../app/matching/retrieval.server.js';
import { openDatabase } from '../db/client.server.js';
import { migrateToLatest } from '../db/migrate.server.js';
import { seedDatabase } from '../db/seed/seed.js';
import { matchCandidateFromDocument, type CandidateDocument } from '../search/documents/candidates.server.js';
import { createDocumentSources } from '../search/documents/index.server.js';
import { matchSlotFromDocument, type SlotDocument } from '../search/documents/slots.server.js';
import { createEmbeddedEngine } from '../search/embedded-engine.js';
import { reindex } from '../search/reindex.server.js';

const CANDIDATES = 30_000;
const SLOTS = 10_000;
const SAMPLES = 1_000;
const FLOOR_SAMPLES = 50;
const DATA_DIR = path.resolve('data/bench/pglite');
const SEED_DAY = '2026-03-01';

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

async function timed<T>(samples: number[], work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.push(performance.now() - started);
  return result;
}

async function main(): Promise<void> {
  const cached = fs.existsSync(DATA_DIR);
  const database = await openDatabase({ kind: 'pglite', dataDir: DATA_DIR });
  const { db } = database;
  await migrateToLatest(db);
  const counted = await db.selectFrom('candidates').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  if (Number(counted.n) < CANDIDATES) {
    console.error(cached ? 'bench database incomplete: seeding the rest' : `seeding ${DATA_DIR} (once; later runs reuse it)`);
    const started = performance.now();
    await seedDatabase(db, { demo: false, demoData: true, candidates: CANDIDATES, slots: SLOTS, today: SEED_DAY, log: (line) => console.error(line) });
    console.error(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // The seed's dates are relative to SEED_DAY; the bench runs on that day so eligibility looks as seeded.
  const clock = () => new Date(`${SEED_DAY}T09:00:00Z`);
  const search = createEmbeddedEngine();
  const deps = { db, search, clock };

  const buildStarted = performance.now();
  const counts = await reindex({ db, search, sources: createDocumentSources({ clock }) });
  print('build', (performance.now() - buildStarted) / 1000, 's');
  console.error(`indexed ${counts.candidates} candidates, ${counts.slots} slots`);

  const slotDocs = (await search.search<SlotDocument>('slots', { limit: SLOTS * 2 })).hits.map((hit) => hit.document);
  const candidateDocs = (await search.search<CandidateDocument>('candidates', { limit: CANDIDATES * 2 })).hits.map((hit) => hit.document);

  // Warm up the JIT on a few of each before measuring.
  for (const slot of spread(slotDocs, 20)) await matchesForSlot(deps, slot.id);
  for (const candidate of spread(candidateDocs, 20)) await offersForCandidateFromIndex(deps, candidate.id);

  const slotTimes: number[] = [];
  let ranked = 0;
  for (const slot of spread(slotDocs, SAMPLES)) {
    const result = await timed(slotTimes, () => matchesForSlot(deps, slot.id, { top: 50 }));
    ranked += result.ranked.length;
  }
  slotTimes.sort((a, b) => a - b);
  print('slot_p50', percentile(slotTimes, 0.5), 'ms');
  print('slot_p95', percentile(slotTimes, 0.95), 'ms');
  console.error(`slots: ${(ranked / SAMPLES).toFixed(1)} ranked candidates on average`);

  const candidateTimes: number[] = [];
  let offered = 0;
  for (const candidate of spread(candidateDocs, SAMPLES)) {
    const result = await timed(candidateTimes, () => offersForCandidateFromIndex(deps, candidate.id, { top: 50 }));
    offered += result.ranked.length;
  }
  candidateTimes.sort((a, b) => a - b);
  print('candidate_p50', percentile(candidateTimes, 0.5), 'ms');
  print('candidate_p95', percentile(candidateTimes, 0.95), 'ms');
  console.error(`candidates: ${(offered / SAMPLES).toFixed(1)} ranked offers on average`);

  // The floor: no engine, the matcher over every candidate (conversion done once, outside the timing).
  const everyone = candidateDocs.map(matchCandidateFromDocument);
  const floorTimes: number[] = [];
  for (const slot of spread(slotDocs, FLOOR_SAMPLES)) {
    await timed(floorTimes, () => matchSlot(matchSlotFromDocument(slot), everyone, { asOf: SEED_DAY, top: 50 }));
  }
  floorTimes.sort((a, b) => a - b);

  const rematch = await rematchAll(deps);
  print('rematch', rematch.durationMs / 1000, 's');
  console.error(`re-match: ${rematch.slots} slots, ${rematch.proposed} proposals`);

  // maxRSS is the process's peak resident set in kilobytes (getrusage).
  print('rss', process.resourceUsage().maxRSS / 1024, 'MB');
  const floorP95 = percentile(floorTimes, 0.95);
  print('floor_p95', floorP95, 'ms');
  print('slot_floor_ratio', percentile(slotTimes, 0.95) / floorP95, 'x');

  await search.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
