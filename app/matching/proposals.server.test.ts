import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectProposalsOfSlot } from '../../db/queries/proposals.js';
import { selectUnanalyzedTables } from '../../db/queries/search-documents.js';
import { createDocumentSources } from './documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { enqueueIndexChange, processOutboxBatch } from '../../search/outbox.server.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { rematchAll, rematchForIndexChanges, rematchSlot } from './proposals.server.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

describe.each(databaseKinds)('match proposals on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  const deps = () => ({ db: database.db, search, clock });
  const sources = createDocumentSources({ clock });
  const proposalsOf = async (slotId: string) => new Map((await selectProposalsOfSlot(database.db, slotId)).map((row) => [row.candidate_id, row]));

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources });
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('stores the ranked candidates of every published slot with score, breakdown and reasons', async () => {
    expect(await selectUnanalyzedTables(database.db, ['match_proposals'])).toEqual(['match_proposals']);
    const summary = await rematchAll(deps());
    expect(summary.slots).toBe(2);
    // Statistics of what it wrote (PGlite never analyzes by itself): the queue's plan depends on them.
    expect(await selectUnanalyzedTables(database.db, ['match_proposals'])).toEqual([]);
    const igu = await proposalsOf(world.slots.igu.id);
    expect(new Set(igu.keys())).toEqual(new Set([world.people.ok.id, world.people.neighbour.id]));
    const ok = igu.get(world.people.ok.id)!;
    expect(ok.status).toBe('proposed');
    expect(ok.source).toBe('matcher');
    expect(ok.score).toBeGreaterThan(0);
    expect(Object.keys(ok.components)).toContain('requiredSkills');
    expect(ok.reasons.map((reason) => JSON.parse(reason).code)).toContain('igu.eligible');
  });

  it('writes nothing when a re-match finds what is stored, and refreshes a stale proposal', async () => {
    const before = await proposalsOf(world.slots.igu.id);
    const again = await rematchAll(deps());
    expect(again).toMatchObject({ slots: 2, written: 0, removed: 0 });
    expect(again.proposed).toBeGreaterThan(0);
    const after = await proposalsOf(world.slots.igu.id);
    for (const [candidateId, row] of before) expect(after.get(candidateId)?.computed_at).toEqual(row.computed_at);

    await database.db
      .updateTable('match_proposals')
      .set({ status: 'stale' })
      .where('slot_id', '=', world.slots.igu.id)
      .where('candidate_id', '=', world.people.ok.id)
      .execute();
    expect(await rematchAll(deps())).toMatchObject({ written: 1, removed: 0 });
    expect((await proposalsOf(world.slots.igu.id)).get(world.people.ok.id)?.status).toBe('proposed');
  });

  it('keeps a decided proposal when a re-match no longer ranks it, and removes an undecided one', async () => {
    await database.db
      .updateTable('match_proposals')
      .set({ status: 'rejected', decided_at: new Date('2026-03-01T10:00:00Z'), reject_reason: 'distance', decision_note: 'too far' })
      .where('slot_id', '=', world.slots.igu.id)
      .where('candidate_id', '=', world.people.neighbour.id)
      .execute();
    // Both stop being available in time: neither is ranked any more.
    await database.db
      .updateTable('candidates')
      .set({ available_from: '2026-06-01' })
      .where('id', 'in', [world.people.ok.id, world.people.neighbour.id])
      .execute();
    await reindex({ db: database.db, search, sources, index: 'candidates' });

    await rematchSlot(deps(), world.slots.igu.id);
    const igu = await proposalsOf(world.slots.igu.id);
    expect(igu.has(world.people.ok.id)).toBe(false);
    expect(igu.get(world.people.neighbour.id)).toMatchObject({ status: 'rejected', decided_at: expect.any(Date) });

    await database.db
      .updateTable('candidates')
      .set({ available_from: '2026-03-15' })
      .where('id', 'in', [world.people.ok.id, world.people.neighbour.id])
      .execute();
    await reindex({ db: database.db, search, sources, index: 'candidates' });
    await rematchSlot(deps(), world.slots.igu.id);
    const again = await proposalsOf(world.slots.igu.id);
    // Ranked again, the rejected pair keeps its decision; the other comes back as a proposal.
    expect(again.get(world.people.neighbour.id)?.status).toBe('rejected');
    expect(again.get(world.people.ok.id)?.status).toBe('proposed');
  });

  it('re-matches a slot changed through the outbox', async () => {
    const before = await proposalsOf(world.slots.praktik.id);
    expect(before.has(world.people.tooOld.id)).toBe(true);
    // Praktik → IGU: the older candidate is no longer eligible.
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('slots').set({ type: 'igu', weeks: 104, hours_per_week: 30 }).where('id', '=', world.slots.praktik.id).execute();
      await enqueueIndexChange(trx, { index: 'slots', id: world.slots.praktik.id, operation: 'upsert' });
    });
    const result = await processOutboxBatch({
      db: database.db,
      search,
      sources,
      onApplied: (changes) => rematchForIndexChanges(deps(), changes),
    });
    expect(result).toEqual({ processed: 1, failed: 0 });
    const after = await proposalsOf(world.slots.praktik.id);
    expect(after.has(world.people.tooOld.id)).toBe(false);
    expect(after.has(world.people.ok.id)).toBe(true);
  });

  it('drops undecided proposals of a slot that is closed, through the outbox', async () => {
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('slots').set({ status: 'closed' }).where('id', '=', world.slots.praktik.id).execute();
      await enqueueIndexChange(trx, { index: 'slots', id: world.slots.praktik.id, operation: 'upsert' });
    });
    await processOutboxBatch({ db: database.db, search, sources, onApplied: (changes) => rematchForIndexChanges(deps(), changes) });
    expect((await proposalsOf(world.slots.praktik.id)).size).toBe(0);
    expect((await proposalsOf(world.slots.igu.id)).get(world.people.neighbour.id)?.status).toBe('rejected');
  });
});
