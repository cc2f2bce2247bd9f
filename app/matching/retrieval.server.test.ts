import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidateIndexSettings, type CandidateDocument } from './documents/candidates.server.js';
import { createDocumentSources } from './documents/index.server.js';
import type { SlotDocument } from './documents/slots.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { reindex } from '../../search/reindex.server.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { NotFound } from '../lib/errors.js';
import { candidateFilterFor, matchesForSlot, offersForCandidateFromIndex } from './retrieval.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

describe.each(databaseKinds)('retrieval over the index on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  const deps = () => ({ db: database.db, search, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('indexes only confirmed, active candidates and published slots', async () => {
    expect(await search.count('candidates')).toBe(6);
    expect(await search.get('candidates', world.people.pending.id)).toBeNull();
    expect(await search.count('slots')).toBe(2);
    expect(await search.get('slots', world.slots.draft.id)).toBeNull();
  });

  it('keeps a published slot of an unverified employer out of the index until the employer is verified', async () => {
    const sources = createDocumentSources({ clock });
    const slot = await database.db
      .selectFrom('slots')
      .select(['id', 'organisation_id'])
      .where('id', '=', world.slots.igu.id)
      .executeTakeFirstOrThrow();
    await database.db.updateTable('organisations').set({ status: 'unverified' }).where('id', '=', slot.organisation_id).execute();
    try {
      expect((await sources.slots.load(database.db, [slot.id])).has(slot.id)).toBe(false);
    } finally {
      await database.db.updateTable('organisations').set({ status: 'verified' }).where('id', '=', slot.organisation_id).execute();
    }
    expect((await sources.slots.load(database.db, [slot.id])).has(slot.id)).toBe(true);
  });

  it('keeps personal data out of candidate documents: no name, CPR, birth or arrival date, nationality, gender, e-mail or phone', async () => {
    const { hits } = await search.search<CandidateDocument>('candidates', { limit: 100 });
    const allowed = new Set(Object.keys(candidateIndexSettings.fields));
    for (const { document } of hits) {
      for (const key of Object.keys(document)) expect(allowed.has(key), key).toBe(true);
      const keys = Object.keys(document).join(' ');
      expect(keys).not.toMatch(/name|cpr|birth|arrival|residence|nationality|gender|email|phone|religion|photo/i);
    }
    const ok = await search.get<CandidateDocument>('candidates', world.people.ok.id);
    const text = JSON.stringify(ok);
    for (const secret of ['Amina', 'amina@example.org', '1992-05-05', '2023-01-10', 'refugee', '"SY"', 'female', world.people.ok.phone ?? '']) {
      expect(text).not.toContain(secret);
    }
    // The IGU verdict is there as a window of epoch days instead (L 82: until 20 years after arrival, before turning 50).
    expect(ok?.iguEligibleFrom).toBe(Math.round(Date.UTC(2026, 2, 1) / 86_400_000));
    expect(ok?.iguEligibleUntil).toBe(Math.round(Date.UTC(2027, 11, 31) / 86_400_000));
    const older = await search.get<CandidateDocument>('candidates', world.people.tooOld.id);
    expect(older?.iguEligibleFrom).toBeNull();
  });

  it('applies every hard rule as an engine filter: IGU window, availability, travel radius, Danish', async () => {
    const slot = await search.get<SlotDocument>('slots', world.slots.igu.id);
    if (!slot) throw new Error('slot missing from index');
    const { hits } = await search.search<CandidateDocument>('candidates', { filter: candidateFilterFor(slot), limit: 100 });
    expect(new Set(hits.map((hit) => hit.id))).toEqual(new Set([world.people.ok.id, world.people.neighbour.id]));
  });

  it('ranks what the engine retrieved, without the candidates each rule excludes', async () => {
    const result = await matchesForSlot(deps(), world.slots.igu.id);
    expect(new Set(result.ranked.map((pair) => pair.candidateId))).toEqual(new Set([world.people.ok.id, world.people.neighbour.id]));
    // Nearer first, all else equal.
    expect(result.ranked[0]!.candidateId).toBe(world.people.ok.id);
    expect(result.ranked[0]!.reasons.map((reason) => reason.code)).toContain('igu.eligible');
  });

  it('praktik has no IGU rule: the older candidate comes back for it', async () => {
    const result = await matchesForSlot(deps(), world.slots.praktik.id);
    const ids = new Set(result.ranked.map((pair) => pair.candidateId));
    expect(ids.has(world.people.tooOld.id)).toBe(true);
    expect(ids.has(world.people.noDanish.id)).toBe(true); // no Danish requirement
    expect(ids.has(world.people.late.id)).toBe(false);
    expect(ids.has(world.people.far.id)).toBe(false);
  });

  it("limits a consultant to their jobcentre, and opens a pooled slot to the network's jobcentres", async () => {
    const scoped = await matchesForSlot(deps(), world.slots.igu.id, { scope: { jobcentreIds: [world.jobcentres.aabenraa.id] } });
    expect(scoped.ranked.map((pair) => pair.candidateId)).toEqual([world.people.ok.id]);

    await database.db.updateTable('slots').set({ pooled_network_id: world.network.id }).where('id', '=', world.slots.igu.id).execute();
    const engine = createEmbeddedEngine();
    await reindex({ db: database.db, search: engine, sources: createDocumentSources({ clock }) });
    const pooled = await matchesForSlot({ db: database.db, search: engine, clock }, world.slots.igu.id, {
      scope: { jobcentreIds: [world.jobcentres.aabenraa.id], networkIds: [world.network.id] },
    });
    expect(new Set(pooled.ranked.map((pair) => pair.candidateId))).toEqual(new Set([world.people.ok.id, world.people.neighbour.id]));
    // A consultant outside the network does not see the pool.
    const outside = await matchesForSlot({ db: database.db, search: engine, clock }, world.slots.igu.id, {
      scope: { jobcentreIds: [world.jobcentres.aarhus.id] },
    });
    expect(outside.ranked).toEqual([]);
    await engine.close();
    await database.db.updateTable('slots').set({ pooled_network_id: null }).where('id', '=', world.slots.igu.id).execute();
  });

  it("offers a candidate the slots that pass the rules from the candidate's side", async () => {
    const ok = await offersForCandidateFromIndex(deps(), world.people.ok.id);
    expect(new Set(ok.ranked.map((offer) => offer.slotId))).toEqual(new Set([world.slots.igu.id, world.slots.praktik.id]));
    const older = await offersForCandidateFromIndex(deps(), world.people.tooOld.id);
    expect(older.ranked.map((offer) => offer.slotId)).toEqual([world.slots.praktik.id]);
    const far = await offersForCandidateFromIndex(deps(), world.people.far.id);
    expect(far.ranked).toEqual([]);
  });

  it('finds slots by skill words in another language than the title, with a typo', async () => {
    expect(getTaxonomy().skillByUri.get(world.skills.dish)?.labels.en).toBe('operate dishwashing machine');
    // English, whole and with a letter missing (the embedded engine's Danish tokenizer does not yet index Arabic or Cyrillic words).
    for (const q of ['dishwashng', 'dishwashing']) {
      const result = await offersForCandidateFromIndex(deps(), world.people.ok.id, { q });
      expect(result.ranked.length, q).toBe(2);
    }
    const none = await offersForCandidateFromIndex(deps(), world.people.ok.id, { q: 'zzzqqqxx' });
    expect(none.ranked).toEqual([]);
  });

  it('answers NotFound for slots and candidates that are not in the index', async () => {
    await expect(matchesForSlot(deps(), world.slots.draft.id)).rejects.toBeInstanceOf(NotFound);
    await expect(offersForCandidateFromIndex(deps(), world.people.pending.id)).rejects.toBeInstanceOf(NotFound);
    await expect(matchesForSlot(deps(), 'not-a-uuid')).rejects.toBeInstanceOf(NotFound);
  });
});
