import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../db/schema.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { Forbidden, NotFound } from '../lib/errors.js';
import { matchCandidateFromDocument, type CandidateDocument } from '../matching/documents/candidates.server.js';
import { createDocumentSources } from '../matching/documents/index.server.js';
import { matchSlotFromDocument, type SlotDocument } from '../matching/documents/slots.server.js';
import { matchSlot } from '../matching/match.js';
import { rematchAll } from '../matching/proposals.server.js';
import type { SlotFacts } from './what-if.js';
import { slotDocumentWithFacts, slotWhatIf } from './what-if.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const CONSULTANT_ID = '00000000-0000-4000-8000-0000000000c1';

/** Row count and a digest of every row of every table: any write shows. */
async function everyTable(db: Kysely<DB>): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const result = new Map<string, string>();
  for (const { name } of tables.rows) {
    const row = await sql<{ print: string }>`
      select count(*)::text || ':' || coalesce(md5(string_agg(to_jsonb(t)::text, '|' order by to_jsonb(t)::text)), '') as print
      from ${sql.table(name)} t`.execute(db);
    result.set(name, row.rows[0]!.print);
  }
  return result;
}

describe.each(databaseKinds)('what-if on a slot on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  const deps = () => ({ db: database.db, search, clock });
  const consultantOf = (jobcentreId: string) => ({ id: CONSULTANT_ID, role: 'consultant' as const, jobcentreId });
  let aabenraa: ReturnType<typeof consultantOf>;
  let iguNow: SlotFacts;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
    // The stored proposals, as the outbox worker and `npm run match:all` make them.
    await rematchAll(deps());
    aabenraa = consultantOf(world.jobcentres.aabenraa.id);
    iguNow = (await slotWhatIf(deps(), aabenraa, world.slots.igu.id, null)).now;
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  /** The matcher run directly over every indexed candidate of the jobcentre: no retrieval, no page. */
  async function engineRanking(facts: SlotFacts, jobcentreId: string) {
    const slot = await search.get<SlotDocument>('slots', world.slots.igu.id);
    const { hits } = await search.search<CandidateDocument>('candidates', { filter: { field: 'jobcentreId', in: [jobcentreId] }, limit: 1000 });
    return matchSlot(
      matchSlotFromDocument(slotDocumentWithFacts(slot!, facts)),
      hits.map((hit) => matchCandidateFromDocument(hit.document)),
      { asOf: '2026-03-01', top: 50 },
    );
  }

  it('ranks now as the stored proposals do, and shows their status', async () => {
    const result = await slotWhatIf(deps(), aabenraa, world.slots.igu.id, null);
    expect(iguNow).toEqual({
      danishSpoken: 'A2',
      danishWritten: null,
      mustSkills: expect.any(Array),
      niceSkills: expect.any(Array),
      startDate: '2026-04-01',
    });
    expect(result.current.map((c) => c.name)).toEqual(['Amina Okay']);
    expect(result.current[0]!.proposal?.status).toBe('proposed');
    expect(result.whatIf).toBeNull();
  });

  it('lowering the Danish requirement lets in the candidate it excluded, with the ranking the matcher gives for the changed slot', async () => {
    const tried = { ...iguNow, danishSpoken: null };
    const result = await slotWhatIf(deps(), aabenraa, world.slots.igu.id, tried);
    const names = result.whatIf!.map((c) => c.name);
    expect(names).toContain('Nour Nodanish');
    expect(result.current.map((c) => c.name)).not.toContain('Nour Nodanish');
    const nour = result.whatIf!.find((c) => c.name === 'Nour Nodanish')!;
    expect(result.movements.get(nour.candidateId)).toEqual({ kind: 'new' });

    const engine = await engineRanking(tried, world.jobcentres.aabenraa.id);
    expect(result.whatIf!.map((c) => [c.candidateId, c.score, c.reasons])).toEqual(
      engine.ranked.map((pair) => [pair.candidateId, Math.round(pair.score * 10) / 10, pair.reasons]),
    );
  });

  it('a later start date lets in the candidate available later; a higher Danish requirement drops candidates with the rule that excludes them', async () => {
    const later = await slotWhatIf(deps(), aabenraa, world.slots.igu.id, { ...iguNow, startDate: '2026-05-15' });
    expect(later.whatIf!.map((c) => c.name)).toContain('Lina Later');
    const engine = await engineRanking({ ...iguNow, startDate: '2026-05-15' }, world.jobcentres.aabenraa.id);
    expect(later.whatIf!.map((c) => c.candidateId)).toEqual(engine.ranked.map((pair) => pair.candidateId));

    const harder = await slotWhatIf(deps(), aabenraa, world.slots.igu.id, { ...iguNow, danishSpoken: 'B2' });
    expect(harder.whatIf).toEqual([]);
    expect(harder.dropped).toEqual([
      {
        candidateId: world.people.ok.id,
        name: 'Amina Okay',
        rankNow: 1,
        exclusion: { code: 'excluded.danish', params: { side: 'spoken', level: 'A2', required: 'B2', months: 0 } },
      },
    ]);
  });

  it('writes nothing: no proposal, no audit row, no profile view, nothing in any table', async () => {
    const before = await everyTable(database.db);
    await slotWhatIf(deps(), aabenraa, world.slots.igu.id, { ...iguNow, danishSpoken: null, startDate: '2026-05-15', niceSkills: [] });
    await slotWhatIf(deps(), aabenraa, world.slots.igu.id, null);
    expect(await everyTable(database.db)).toEqual(before);
    expect(before.get('match_proposals')).toMatch(/^[1-9]/);
  });

  it('is only for consultants of a jobcentre that reaches the slot', async () => {
    // Aarhus: another municipality, another network, no proposal on the slot.
    await expect(slotWhatIf(deps(), consultantOf(world.jobcentres.aarhus.id), world.slots.igu.id, null)).rejects.toBeInstanceOf(NotFound);
    // Sønderborg: another municipality and the slot is not pooled, but one of its candidates is proposed (the queue shows
    // it), so it may look, at its own candidates only.
    const soenderborg = await slotWhatIf(deps(), consultantOf(world.jobcentres.soenderborg.id), world.slots.igu.id, null);
    expect(soenderborg.current.map((c) => c.name)).toEqual(['Nadia Neighbour']);
    await database.db.deleteFrom('match_proposals').where('candidate_id', '=', world.people.neighbour.id).execute();
    await expect(slotWhatIf(deps(), consultantOf(world.jobcentres.soenderborg.id), world.slots.igu.id, null)).rejects.toBeInstanceOf(NotFound);
    // Pooled in the network, the slot is open to Sønderborg again, and each sees the pool's candidates (the queue's rule).
    await database.db.updateTable('slots').set({ pooled_network_id: world.network.id }).where('id', '=', world.slots.igu.id).execute();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
    try {
      const pooled = await slotWhatIf(deps(), consultantOf(world.jobcentres.soenderborg.id), world.slots.igu.id, null);
      expect(pooled.current.map((c) => [c.name, c.pooled]).sort()).toEqual([
        ['Amina Okay', true],
        ['Nadia Neighbour', false],
      ]);
      const home = await slotWhatIf(deps(), aabenraa, world.slots.igu.id, null);
      expect(home.current.map((c) => [c.name, c.pooled]).sort()).toEqual([
        ['Amina Okay', false],
        ['Nadia Neighbour', true],
      ]);
    } finally {
      await database.db.updateTable('slots').set({ pooled_network_id: null }).where('id', '=', world.slots.igu.id).execute();
      await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
    }
    await expect(slotWhatIf(deps(), { id: CONSULTANT_ID, role: 'employer', jobcentreId: null }, world.slots.igu.id, null)).rejects.toBeInstanceOf(
      Forbidden,
    );
    // A draft is not in the index: nothing to rank.
    await expect(slotWhatIf(deps(), aabenraa, world.slots.draft.id, null)).rejects.toBeInstanceOf(NotFound);
  });
});
