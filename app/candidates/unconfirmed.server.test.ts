/**
 * Issue 21.10: a self-registered candidate whom no jobcentre has confirmed
 * (status 'pending', confirmed_at null) may browse offers but not act: no
 * interest, and no place in the consultant's queue, until confirmed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createDocumentSources } from '../matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { approveMatch } from '../consultants/decisions.server.js';
import { loadQueue } from '../consultants/queue.server.js';
import { Conflict, Forbidden, RuleViolation } from '../lib/errors.js';
import { confirmCandidate, declineCandidate, listPendingCandidates } from './confirmation.server.js';
import { expressInterest } from './interest.server.js';
import { browseQuerySchema } from './offers.js';
import { browseOffers } from './offers.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

describe.each(databaseKinds)('unconfirmed candidates on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  let pendingUser: { id: string; role: 'candidate' };
  let consultant: { id: string; role: 'consultant'; jobcentreId: string; organisationId: null; email: string; displayName: string; locale: null };
  const deps = () => ({ db: database.db, search, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const rng = seededRng(3, 'unconfirmed');
    const user = await insertUser(database.db, buildUser(rng, { role: 'candidate' }));
    await database.db.updateTable('candidates').set({ user_id: user.id }).where('id', '=', world.people.pending.id).execute();
    pendingUser = { id: user.id, role: 'candidate' };
    const staff = await insertUser(database.db, buildUser(rng, { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }));
    consultant = {
      id: staff.id,
      role: 'consultant',
      jobcentreId: world.jobcentres.aabenraa.id,
      organisationId: null,
      email: staff.email,
      displayName: 'C',
      locale: null,
    };
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('a pending candidate can browse offers', async () => {
    const result = await browseOffers(deps(), pendingUser, browseQuerySchema.parse({}));
    expect(result.offers.map((offer) => offer.slotId)).toContain(world.slots.igu.id);
  });

  it('a pending candidate cannot express interest (rule account.unconfirmed), and nothing is stored', async () => {
    const refused = await expressInterest(deps(), pendingUser, world.slots.praktik.id).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RuleViolation);
    expect(refused instanceof RuleViolation ? refused.rule : null).toBe('account.unconfirmed');
    const stored = await database.db.selectFrom('match_proposals').select('id').where('candidate_id', '=', world.people.pending.id).execute();
    expect(stored).toEqual([]);
  });

  it('a proposal of a pending candidate is not in the consultant queue and cannot be approved', async () => {
    const proposal = await database.db
      .insertInto('match_proposals')
      .values({ slot_id: world.slots.igu.id, candidate_id: world.people.pending.id, score: 99, source: 'interest' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const queue = await loadQueue(deps(), consultant, {});
    expect(queue.items.map((item) => item.proposal_id)).not.toContain(proposal.id);
    await expect(approveMatch(deps(), consultant, { proposalId: proposal.id })).rejects.toMatchObject({ rule: 'account.unconfirmed' });
    await database.db.deleteFrom('match_proposals').where('id', '=', proposal.id).execute();
  });

  it('once their jobcentre confirms them they can act; another jobcentre cannot confirm, and nobody twice', async () => {
    expect((await listPendingCandidates(deps(), consultant)).map((row) => row.id)).toContain(world.people.pending.id);
    const stranger = { ...consultant, jobcentreId: world.jobcentres.aarhus.id };
    await expect(confirmCandidate(deps(), stranger, world.people.pending.id)).rejects.toBeInstanceOf(Forbidden);
    await confirmCandidate(deps(), consultant, world.people.pending.id);
    await expect(confirmCandidate(deps(), consultant, world.people.pending.id)).rejects.toBeInstanceOf(Conflict);
    await expect(declineCandidate(deps(), consultant, world.people.pending.id)).rejects.toBeInstanceOf(Conflict);
    const outbox = await database.db.selectFrom('search_outbox').select('document_id').where('document_id', '=', world.people.pending.id).execute();
    expect(outbox.length).toBeGreaterThan(0);
    await expressInterest(deps(), pendingUser, world.slots.praktik.id);
    const queue = await loadQueue(deps(), consultant, {});
    expect(queue.items.some((item) => item.candidate_name === 'Paul Pending')).toBe(true);
  });
});
