/**
 * Issue 21.6: the employer API shows what the employer's pages show, no
 * more, and each read is audited and shown to the candidate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlot, buildUser, insertSlot, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createDocumentSources } from './documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { slotMatchesForViewer } from './views.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

describe.each(databaseKinds)('the employer API’s matches on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  let employer: { id: string; role: 'employer'; organisationId: string; jobcentreId: null };
  let secondSlot: string;
  const deps = () => ({ db: database.db, search, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const igu = await database.db.selectFrom('slots').selectAll().where('id', '=', world.slots.igu.id).executeTakeFirstOrThrow();
    const rng = seededRng(8, 'api-views');
    secondSlot = (
      await insertSlot(
        database.db,
        buildSlot(rng, { organisation_id: igu.organisation_id, workplace_id: igu.workplace_id, status: 'published', start_date: '2026-04-01' }),
      )
    ).id;
    const user = await insertUser(database.db, buildUser(rng, { role: 'employer', organisation_id: igu.organisation_id }));
    employer = { id: user.id, role: 'employer', organisationId: igu.organisation_id, jobcentreId: null };
    await database.db
      .insertInto('match_proposals')
      .values([
        {
          slot_id: world.slots.igu.id,
          candidate_id: world.people.ok.id,
          score: 80,
          status: 'approved',
          decided_at: clock(),
          components: JSON.stringify({ distance: 0.9, waiting: 0.4 }),
        },
        { slot_id: secondSlot, candidate_id: world.people.ok.id, score: 75, status: 'approved', decided_at: clock() },
      ])
      .execute();
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('names the same candidate by a different reference on each slot, never by the candidate id', async () => {
    const first = await slotMatchesForViewer(deps(), employer, world.slots.igu.id);
    const second = await slotMatchesForViewer(deps(), employer, secondSlot);
    const json = JSON.stringify([first, second]);
    expect(json).not.toContain(world.people.ok.id);
    expect(first.matches).toHaveLength(1);
    expect(second.matches).toHaveLength(1);
    const referenceOf = (match: unknown) => (typeof match === 'object' && match !== null && 'reference' in match ? match.reference : undefined);
    expect(referenceOf(first.matches[0])).toEqual(expect.any(String));
    expect(referenceOf(first.matches[0])).not.toEqual(referenceOf(second.matches[0]));
  });

  it('shows only skills, Danish level, availability and area: no score parts, distance, travel limit, waiting or verdicts', async () => {
    const { matches } = await slotMatchesForViewer(deps(), employer, world.slots.igu.id);
    const [match] = matches;
    expect(Object.keys(match ?? {}).sort()).toEqual([
      'area',
      'availableFrom',
      'danishSpoken',
      'danishWritten',
      'decision',
      'hoursPerWeek',
      'reference',
      'shared',
      'skills',
    ]);
    expect(match).toMatchObject({ area: 'Aabenraa', danishSpoken: 'A2', shared: null, skills: [world.skills.dish, world.skills.hygiene].sort() });
    expect(JSON.stringify(matches)).not.toMatch(/distance|travel|waiting|score|components|reasons|residence|birth|refugee|age/i);
  });

  it('writes every read to the audit log and to the candidate’s "who viewed my profile", as a page view does', async () => {
    const before = await database.db.selectFrom('profile_views').select('id').where('candidate_id', '=', world.people.ok.id).execute();
    await slotMatchesForViewer(deps(), employer, world.slots.igu.id);
    const views = await database.db
      .selectFrom('profile_views')
      .select(['viewer_user_id', 'organisation_id'])
      .where('candidate_id', '=', world.people.ok.id)
      .execute();
    expect(views.length).toBe(before.length + 1);
    expect(views.at(-1)).toEqual({ viewer_user_id: employer.id, organisation_id: employer.organisationId });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'subject_id'])
      .where('action', '=', 'employer.view_candidate')
      .where('subject_id', '=', world.people.ok.id)
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    expect(audit[0]).toEqual({ action: 'employer.view_candidate', actor_user_id: employer.id, subject_id: world.people.ok.id });
  });
});
