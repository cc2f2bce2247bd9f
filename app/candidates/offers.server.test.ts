import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCandidateByUserId,
  findOfferSeekerByUserId,
  selectInterestSlotIds,
  selectLanguagesOfCandidate,
  selectSkillsOfCandidate,
} from '../../db/queries/candidates.js';
import { buildSlot, buildUser, insertSlot, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createDocumentSources } from '../matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { Forbidden, NotFound, RuleViolation } from '../lib/errors.js';
import { expressInterest, withdrawInterest } from './interest.server.js';
import { browseQuerySchema } from './offers.js';
import { browseOffers, offerDetail } from './offers.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');
const query = (input: Record<string, unknown> = {}) => browseQuerySchema.parse(input);

describe.each(databaseKinds)('browsing offers as a candidate on %s', (kind) => {
  let database: TestDatabase;
  let search: SearchEngine;
  let world: MatchingWorld;
  const users: Record<'ok' | 'tooOld' | 'far' | 'turns50', { id: string; role: 'candidate' }> = {
    ok: { id: '', role: 'candidate' },
    tooOld: { id: '', role: 'candidate' },
    far: { id: '', role: 'candidate' },
    turns50: { id: '', role: 'candidate' },
  };
  let lateIgu: string;
  const deps = () => ({ db: database.db, search, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const rng = seededRng(5, 'offers-test');
    // Turns 50 on 2026-05-01: IGU-eligible for a start on 2026-04-01 (L 82: "not yet 50"), not for one on 2026-06-01.
    await database.db.updateTable('candidates').set({ birth_date: '1976-05-01' }).where('id', '=', world.people.late.id).execute();
    await database.db.updateTable('candidates').set({ available_from: '2026-03-15' }).where('id', '=', world.people.late.id).execute();
    const igu = await database.db.selectFrom('slots').selectAll().where('id', '=', world.slots.igu.id).executeTakeFirstOrThrow();
    const late = await insertSlot(
      database.db,
      buildSlot(rng, {
        organisation_id: igu.organisation_id,
        workplace_id: igu.workplace_id,
        status: 'published',
        type: 'igu',
        title: 'Kantinemedhjælper',
        start_date: '2026-06-01',
        danish_spoken: null,
        danish_written: null,
        danish_within_months: null,
      }),
    );
    lateIgu = late.id;
    const people = { ok: world.people.ok, tooOld: world.people.tooOld, far: world.people.far, turns50: world.people.late };
    for (const key of Object.keys(users) as Array<keyof typeof users>) {
      const user = await insertUser(database.db, buildUser(rng, { role: 'candidate' }));
      await database.db.updateTable('candidates').set({ user_id: user.id }).where('id', '=', people[key].id).execute();
      users[key].id = user.id;
    }
    search = createEmbeddedEngine();
    await reindex({ db: database.db, search, sources: createDocumentSources({ clock }) });
  });
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  it('lists the slots a candidate may take, ranked, with facet counts', async () => {
    const result = await browseOffers(deps(), users.ok, query());
    expect(new Set(result.offers.map((offer) => offer.slotId))).toEqual(new Set([world.slots.igu.id, world.slots.praktik.id, lateIgu]));
    expect(result.facets.type).toEqual({ igu: 2, praktik: 1 });
    const praktikOnly = await browseOffers(deps(), users.ok, query({ type: 'praktik' }));
    expect(praktikOnly.offers.map((offer) => offer.slotId)).toEqual([world.slots.praktik.id]);
    // The type counts still say what choosing the other type would show.
    expect(praktikOnly.facets.type).toEqual({ igu: 2, praktik: 1 });
    const offer = result.offers.find((o) => o.slotId === world.slots.praktik.id);
    expect(offer?.requiredHave.sort()).toEqual([world.skills.dish, world.skills.hygiene].sort());
    expect(offer?.requiredLack).toEqual([]);
    expect(offer?.km).toBeLessThan(1);
  });

  it('lists the best `shown` offers with their reasons, and counts and facets all of them', async () => {
    const all = await browseOffers(deps(), users.ok, query());
    const first = await browseOffers(deps(), users.ok, query(), { shown: 1 });
    expect(all.offers.length).toBeGreaterThan(1);
    expect(first.offers).toEqual(all.offers.slice(0, 1));
    expect([first.total, first.facets]).toEqual([all.total, all.facets]);
    expect(first.offers[0]?.reasons.find((reason) => reason.code === 'distance.km')?.params.km).toBe(first.offers[0]?.km);
    // A filter narrows before the step is taken.
    const praktik = await browseOffers(deps(), users.ok, query({ type: 'praktik' }), { shown: 1 });
    expect(praktik.offers.map((offer) => offer.slotId)).toEqual([world.slots.praktik.id]);
  });

  it('never lists an IGU slot for a candidate outside the IGU rules in force on its start date', async () => {
    const older = await browseOffers(deps(), users.tooOld, query());
    expect(older.offers.map((offer) => offer.slotId)).toEqual([world.slots.praktik.id]);
    const turning50 = await browseOffers(deps(), users.turns50, query());
    const ids = turning50.offers.map((offer) => offer.slotId);
    expect(ids).toContain(world.slots.igu.id);
    expect(ids).not.toContain(lateIgu);
  });

  it('tells the candidate why an offer they searched for is not shown', async () => {
    const result = await browseOffers(deps(), users.tooOld, query({ q: 'Køkkenmedhjælper' }));
    expect(result.offers).toEqual([]);
    expect(result.hidden.map((hidden) => [hidden.slotId, hidden.explanation.code])).toEqual([[world.slots.igu.id, 'excluded.igu']]);
    const detail = await offerDetail(deps(), users.tooOld, world.slots.igu.id);
    expect(detail.card).toBeNull();
    expect(detail.excluded?.explanation.code).toBe('excluded.igu');
  });

  it('does not list a slot beyond the travel distance', async () => {
    const far = await browseOffers(deps(), users.far, query());
    expect(far.offers).toEqual([]);
    const searched = await browseOffers(deps(), users.far, query({ q: 'Opvasker' }));
    expect(searched.offers).toEqual([]);
    expect(searched.hidden.map((hidden) => hidden.slotId)).toContain(world.slots.praktik.id);
    // Every slot the words found lies beyond Farid's 25 km from Aarhus, and each says so.
    for (const hidden of searched.hidden) expect(hidden.explanation.code).toBe('excluded.distance');
  });

  it('finds the slot with a typo in the search words', async () => {
    for (const q of ['Opvaskr', 'opvasker', 'dishwashng']) {
      const result = await browseOffers(deps(), users.ok, query({ q }));
      expect(
        result.offers.map((offer) => offer.slotId),
        q,
      ).toContain(world.slots.praktik.id);
    }
  });

  it('records interest for the consultant (source interest, status proposed) and withdraws it', async () => {
    await expressInterest(deps(), users.ok, world.slots.praktik.id);
    const row = await database.db
      .selectFrom('match_proposals')
      .select(['source', 'status', 'candidate_id'])
      .where('slot_id', '=', world.slots.praktik.id)
      .where('candidate_id', '=', world.people.ok.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: 'interest', status: 'proposed', candidate_id: world.people.ok.id });
    expect((await browseOffers(deps(), users.ok, query())).interestSlotIds).toEqual([world.slots.praktik.id]);
    // Asking twice changes nothing.
    await expressInterest(deps(), users.ok, world.slots.praktik.id);
    await withdrawInterest(deps(), users.ok, world.slots.praktik.id);
    const gone = await database.db
      .selectFrom('match_proposals')
      .select('id')
      .where('slot_id', '=', world.slots.praktik.id)
      .where('candidate_id', '=', world.people.ok.id)
      .execute();
    expect(gone).toEqual([]);
  });

  it('reads the candidate, their skills, languages and interests in one query, as the separate queries do', async () => {
    const candidateId = world.people.ok.id;
    await database.db.insertInto('candidate_languages').values({ candidate_id: candidateId, code: 'en', spoken: 'B1', written: null }).execute();
    await database.db.insertInto('candidate_skills').values({ candidate_id: candidateId, skill_uri: world.skills.floors, years: 2 }).execute();
    await expressInterest(deps(), users.ok, world.slots.praktik.id);
    try {
      const seeker = await findOfferSeekerByUserId(database.db, users.ok.id);
      const candidate = await findCandidateByUserId(database.db, users.ok.id);
      const { skill_uris: skillUris, languages, interest_slot_ids: interestSlotIds, ...row } = seeker!;
      expect(candidate).toMatchObject(row);
      expect(skillUris).toEqual((await selectSkillsOfCandidate(database.db, candidateId)).map((skill) => skill.skill_uri));
      expect(skillUris.length).toBeGreaterThan(2);
      const separate = await selectLanguagesOfCandidate(database.db, candidateId);
      expect(languages).toEqual(separate.map(({ code, spoken, written }) => ({ code, spoken, written })));
      expect(languages.map((language) => language.written)).toContain(null);
      expect(interestSlotIds).toEqual(await selectInterestSlotIds(database.db, candidateId));
      expect(interestSlotIds).toEqual([world.slots.praktik.id]);
      // The offer's page says so too.
      expect((await offerDetail(deps(), users.ok, world.slots.praktik.id)).interested).toBe(true);
      expect((await offerDetail(deps(), users.ok, world.slots.igu.id)).interested).toBe(false);
    } finally {
      await withdrawInterest(deps(), users.ok, world.slots.praktik.id);
      await database.db.deleteFrom('candidate_languages').where('candidate_id', '=', candidateId).where('code', '=', 'en').execute();
      await database.db.deleteFrom('candidate_skills').where('candidate_id', '=', candidateId).where('skill_uri', '=', world.skills.floors).execute();
    }
    // A candidate user without a profile has no offers; other roles have none either.
    const bare = await insertUser(database.db, buildUser(seededRng(6, 'offers-test'), { role: 'candidate' }));
    expect(await findOfferSeekerByUserId(database.db, bare.id)).toBeUndefined();
    await expect(browseOffers(deps(), { id: bare.id, role: 'candidate' }, query())).rejects.toBeInstanceOf(NotFound);
    const consultant: { id: string; role: 'consultant' } = { id: users.ok.id, role: 'consultant' };
    await expect(browseOffers(deps(), consultant, query())).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses interest in an offer the rules keep the candidate out of', async () => {
    await expect(expressInterest(deps(), users.tooOld, world.slots.igu.id)).rejects.toBeInstanceOf(RuleViolation);
  });
});
