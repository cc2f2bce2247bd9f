import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createDocumentSources } from './documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { Forbidden, NotFound } from '../lib/errors.js';
import { candidateOffersForViewer, slotMatchesForConsultant, slotMatchesForEmployer, slotMatchesForViewer } from './views.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const OTHER_ORGANISATION = '00000000-0000-4000-8000-000000000001';

describe.each(databaseKinds)('who sees which matches and offers (API) on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  let organisationId: string;
  const deps = () => ({ db: database.db, search, clock });
  // Real users: every read is audit logged and shown to the candidate under the viewer's name.
  let consultantId = '';
  let employerId = '';
  const consultantOf = (jobcentreId: string) => ({ id: consultantId, role: 'consultant' as const, organisationId: null, jobcentreId });
  const employerOf = (orgId: string) => ({ id: employerId, role: 'employer' as const, organisationId: orgId, jobcentreId: null });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
    const slot = await database.db.selectFrom('slots').select('organisation_id').where('id', '=', world.slots.igu.id).executeTakeFirstOrThrow();
    organisationId = slot.organisation_id;
    const rng = seededRng(12, 'views-test');
    consultantId = (await insertUser(database.db, buildUser(rng, { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }))).id;
    employerId = (await insertUser(database.db, buildUser(rng, { role: 'employer', organisation_id: organisationId }))).id;
    // One approved and one merely proposed pair on the IGU slot.
    await database.db
      .insertInto('match_proposals')
      .values([
        { slot_id: world.slots.igu.id, candidate_id: world.people.ok.id, score: 80, status: 'approved', decided_at: clock() },
        { slot_id: world.slots.igu.id, candidate_id: world.people.neighbour.id, score: 70 },
      ])
      .execute();
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('a consultant sees the ranked matches among their own jobcentre’s candidates only', async () => {
    const { matches } = await slotMatchesForConsultant(deps(), consultantOf(world.jobcentres.aabenraa.id), world.slots.igu.id);
    const ids = matches.map((m) => m.candidateId);
    expect(ids).toContain(world.people.ok.id);
    expect(ids).not.toContain(world.people.neighbour.id); // Sønderborg's candidate; the slot is not pooled
    expect(matches.find((m) => m.candidateId === world.people.ok.id)?.status).toBe('approved');
  });

  it('an employer sees only the approved candidates of its own slot, and never another company’s slot', async () => {
    const { matches } = await slotMatchesForEmployer(deps(), { organisationId, userId: employerOf(organisationId).id }, world.slots.igu.id);
    // Named by the approved pair's reference, never the candidate's id (app/matching/api-views.server.test.ts).
    const approved = await database.db.selectFrom('match_proposals').select('id').where('status', '=', 'approved').execute();
    expect(matches.map((m) => m.reference)).toEqual(approved.map((row) => row.id));
    await expect(slotMatchesForViewer(deps(), employerOf(OTHER_ORGANISATION), world.slots.igu.id)).rejects.toBeInstanceOf(Forbidden);
  });

  it('an unknown slot or candidate is NotFound', async () => {
    await expect(slotMatchesForViewer(deps(), employerOf(organisationId), '00000000-0000-4000-8000-00000000dead')).rejects.toBeInstanceOf(NotFound);
    await expect(
      candidateOffersForViewer(deps(), consultantOf(world.jobcentres.aabenraa.id), '00000000-0000-4000-8000-00000000dead'),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it('offers: the candidate’s own jobcentre may look, another jobcentre and employers may not', async () => {
    const own = await candidateOffersForViewer(deps(), consultantOf(world.jobcentres.aabenraa.id), world.people.ok.id);
    expect(own.ranked.map((offer) => offer.slotId)).toContain(world.slots.igu.id);
    await expect(candidateOffersForViewer(deps(), consultantOf(world.jobcentres.aarhus.id), world.people.ok.id)).rejects.toBeInstanceOf(Forbidden);
    await expect(candidateOffersForViewer(deps(), employerOf(organisationId), world.people.ok.id)).rejects.toBeInstanceOf(Forbidden);
  });
});
