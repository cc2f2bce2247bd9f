import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { createDocumentSources } from '../matching/documents/index.server.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { SearchEngine } from '../../search/engine.js';
import { outboxBacklog, processOutboxBatch } from '../../search/outbox.server.js';
import { reindex } from '../../search/reindex.server.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { createAuth } from '../auth/lucia.server.js';
import {
  addCandidate,
  addEmployer,
  addProposal,
  addSlot,
  buildConsultantWorld,
  consultantClock as clock,
  CONSULTANT_TODAY as TODAY,
  type ConsultantWorld,
} from '../../tests/setup/test-world.js';
import { loadFigures, type Figures } from '../figures/figures.server.js';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../lib/errors.js';
import {
  cancelErasureRequest,
  cancelOwnErasure,
  executeErasure,
  listErasureRequests,
  ownOpenErasureRequest,
  purgeAppliedErasures,
  registerErasureRequest,
  requestOwnErasure,
} from './erasure.server.js';
import { exportOwnData } from './export.server.js';

const SKILL = 'http://data.europa.eu/esco/skill/test-dishwashing';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** A candidate with a login and data in every table that can hold something about them. */
async function addPerson(world: ConsultantWorld, jobcentreId: string, name: string, employer: { organisationId: string; workplaceId: string }) {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@example.test`;
  const user = await insertUser(world.db, buildUser(world.rng, { role: 'candidate', email, display_name: name }));
  const candidateId = await addCandidate(world, jobcentreId, { full_name: name, email, phone: '+45 12 34 56 78', user_id: user.id });
  const { db } = world;
  await db.insertInto('candidate_skills').values({ candidate_id: candidateId, skill_uri: SKILL, years: 2, learned_where: 'abroad' }).execute();
  await db
    .insertInto('candidate_languages')
    .values({ candidate_id: candidateId, code: 'ar', spoken: 'C2', written: 'C1', is_mother_tongue: true })
    .execute();
  await db
    .insertInto('candidate_employments')
    .values({ candidate_id: candidateId, cvr: '13748136', kind: 'ordinary', start_date: '2023-01-01', end_date: '2023-06-30' })
    .execute();

  // An approved proposal that became a completed placement with an ordinary job, and a rejected one.
  const placed = await addSlot(world, employer, { title: `Kitchen ${email.length}`, sector: 'kitchen' });
  const proposalId = await addProposal(world, placed, candidateId, { status: 'approved' });
  // Approved before the placement below starts: the database refuses a placement that starts before its approval.
  await db
    .updateTable('match_proposals')
    .set({ decided_at: new Date('2025-08-15T10:00:00Z') })
    .where('id', '=', proposalId)
    .execute();
  const rejectedSlot = await addSlot(world, employer, { title: 'Warehouse', sector: 'warehouse' });
  await addProposal(world, rejectedSlot, candidateId);
  await db
    .insertInto('match_decisions')
    .values([
      {
        proposal_id: proposalId,
        slot_id: placed,
        candidate_id: candidateId,
        jobcentre_id: jobcentreId,
        source: 'matcher',
        slot_type: 'praktik',
        sector: 'kitchen',
        decision: 'approved',
        score: 0.8,
        decided_by: null,
      },
      {
        proposal_id: null,
        slot_id: rejectedSlot,
        candidate_id: candidateId,
        jobcentre_id: jobcentreId,
        source: 'matcher',
        slot_type: 'praktik',
        sector: 'warehouse',
        decision: 'rejected',
        reject_reason: 'other',
        note: `${name} asked to wait until spring`,
        score: 0.5,
        decided_by: null,
      },
    ])
    .execute();
  await db
    .insertInto('employer_decisions')
    .values({ proposal_id: proposalId, decision: 'invite', note: `Looking forward to meeting ${name}`, decided_by: null })
    .execute();
  await db
    .insertInto('consents')
    .values({ candidate_id: candidateId, slot_id: placed, organisation_id: employer.organisationId, granted: true, recorded_by: user.id })
    .execute();
  const placement = await db
    .insertInto('placements')
    .values({
      proposal_id: proposalId,
      slot_id: placed,
      candidate_id: candidateId,
      type: 'praktik',
      start_date: '2025-09-01',
      end_date: '2025-10-31',
      status: 'completed',
      started_on: '2025-09-01',
      ended_on: '2025-10-31',
      outcome: 'ordinary_job',
      outcome_on: '2025-11-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('placement_follow_ups')
    .values({ placement_id: placement.id, visited_on: '2025-09-15', note: `${name} is doing well` })
    .execute();
  await db
    .insertInto('profile_views')
    .values({ candidate_id: candidateId, organisation_id: employer.organisationId, viewer_user_id: null })
    .execute();
  await db
    .insertInto('audit_log')
    .values([
      {
        actor_user_id: null,
        action: 'employer.view_candidate',
        subject_type: 'candidate',
        subject_id: candidateId,
        details: JSON.stringify({ slotId: placed }),
      },
      {
        actor_user_id: user.id,
        action: 'candidate.interest',
        subject_type: 'slot',
        subject_id: rejectedSlot,
        details: JSON.stringify({ candidateId }),
      },
    ])
    .execute();
  await db
    .insertInto('mailbox_messages')
    .values({ to_address: email, subject: 'Welcome to Jobbro', text_body: `Hello ${name}, your code is ABC` })
    .execute();
  await db
    .insertInto('candidate_invitations')
    .values({
      candidate_id: candidateId,
      user_id: user.id,
      token_hash: `t-${candidateId}`,
      code_hash: `c-${candidateId}`,
      expires_at: new Date('2026-04-01T00:00:00Z'),
    })
    .execute();
  return { candidateId, userId: user.id, name, email, user: { id: user.id, role: 'candidate' as const } };
}

type Person = Awaited<ReturnType<typeof addPerson>>;

/** Every row of every table whose text (any column, cast to text) contains one of `needles`. */
async function findAnywhere(world: ConsultantWorld, needles: readonly string[]): Promise<string[]> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(world.db);
  const hits: string[] = [];
  for (const { table_name } of tables.rows) {
    for (const needle of needles) {
      const found = await sql<{ n: number | string }>`
        select count(*) as n from ${sql.table(table_name)} t where lower(t::text) like ${`%${needle.toLowerCase()}%`}`.execute(world.db);
      if (Number(found.rows[0]?.n ?? 0) > 0) hits.push(`${table_name}: ${needle}`);
    }
  }
  return hits;
}

const statistics = (figures: Figures) => ({
  byScheme: figures.byScheme,
  bySector: figures.bySector,
  byOutcome: figures.byOutcome,
  decisions: figures.decisions,
  employersActive: figures.employersActive,
  placementsMap: figures.map.placements,
});

describe.each(databaseKinds)('candidate data export and erasure (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  let search: SearchEngine;
  let alice: Person;
  let bob: Person;
  let odensePerson: Person;
  const deps = () => ({ db: world.db, clock });
  const sources = createDocumentSources({ clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 11);
    await world.db
      .insertInto('skills')
      .values({ uri: SKILL, labels: JSON.stringify({ da: 'Opvask', en: 'Dishwashing', ar: 'غسل الصحون', uk: 'Миття посуду' }) })
      .execute();
    const employer = await addEmployer(world);
    alice = await addPerson(world, world.jobcentres.aabenraa, 'Alice Zahrani', employer);
    bob = await addPerson(world, world.jobcentres.aabenraa, 'Bob Haddad', employer);
    odensePerson = await addPerson(world, world.jobcentres.odense, 'Olga Petrenko', employer);
    search = createEmbeddedEngine();
    await reindex({ db: world.db, search, sources });
  }, 120_000);
  afterAll(async () => {
    await search?.close();
    await database?.close();
  });

  describe('export', () => {
    it('holds the candidate’s own data, versioned, and nobody else’s', async () => {
      const document = await exportOwnData(deps(), alice.user);
      expect(document).toMatchObject({ format: 'jobbro-candidate-export', version: 1, exportedAt: `${TODAY}T09:00:00.000Z` });
      expect(document.account.email).toBe(alice.email);
      expect(document.profile).toMatchObject({ id: alice.candidateId, fullName: 'Alice Zahrani', email: alice.email, phone: '+45 12 34 56 78' });
      expect(document.skills).toEqual([{ uri: SKILL, labels: expect.objectContaining({ en: 'Dishwashing' }), years: 2, learnedWhere: 'abroad' }]);
      expect(document.languages).toEqual([{ code: 'ar', spoken: 'C2', written: 'C1', motherTongue: true, evidence: 'self_reported' }]);
      expect(document.experience.employments).toEqual([{ cvr: '13748136', kind: 'ordinary', startDate: '2023-01-01', endDate: '2023-06-30' }]);
      expect(document.proposals).toHaveLength(2);
      expect(document.proposals.find((p) => p.status === 'approved')?.employerAnswer).toMatchObject({ decision: 'invite' });
      expect(document.decisions.map((d) => d.decision).sort()).toEqual(['approved', 'rejected']);
      expect(document.sharing).toEqual([
        expect.objectContaining({ granted: true, revokedAt: null, recordedBy: { name: 'Alice Zahrani', role: 'candidate' } }),
      ]);
      expect(document.placements).toEqual([
        expect.objectContaining({
          status: 'completed',
          outcome: 'ordinary_job',
          followUps: [expect.objectContaining({ note: 'Alice Zahrani is doing well' })],
        }),
      ]);
      expect(document.profileViews).toHaveLength(1);
      expect(document.invitations).toHaveLength(1);

      const text = JSON.stringify(document);
      for (const other of [bob, odensePerson]) {
        expect(text).not.toContain(other.candidateId);
        expect(text).not.toContain(other.userId);
        expect(text).not.toContain(other.name);
        expect(text).not.toContain(other.email);
      }
      // No secrets either: invitation hashes stay inside.
      expect(text).not.toContain(`t-${alice.candidateId}`);
    });

    it('is only for the candidate themselves', async () => {
      expect(await rejection(exportOwnData(deps(), { id: world.consultants.aabenraa.id, role: 'consultant' }))).toBeInstanceOf(Forbidden);
      const employerUser = await insertUser(
        world.db,
        buildUser(world.rng, { role: 'employer', organisation_id: (await addEmployer(world)).organisationId }),
      );
      expect(await rejection(exportOwnData(deps(), { id: employerUser.id, role: 'employer' }))).toBeInstanceOf(Forbidden);
      // Bob's session gets Bob's data, whatever Alice's id is.
      expect((await exportOwnData(deps(), bob.user)).profile.id).toBe(bob.candidateId);
    });
  });

  describe('requests', () => {
    it('asks with a deadline one month ahead, once, and can withdraw', async () => {
      const first = await requestOwnErasure(deps(), bob.user);
      expect(first).toMatchObject({ deadline: '2026-04-02', daysLeft: 31, overdue: false, requestedVia: 'candidate' });
      const again = await requestOwnErasure(deps(), bob.user);
      expect(again.id).toBe(first.id);
      expect((await ownOpenErasureRequest(deps(), bob.user))?.id).toBe(first.id);
      await cancelOwnErasure(deps(), bob.user);
      expect(await ownOpenErasureRequest(deps(), bob.user)).toBeNull();
      expect(await rejection(cancelOwnErasure(deps(), bob.user))).toBeInstanceOf(NotFound);
      const exported = await exportOwnData(deps(), bob.user);
      expect(exported.erasureRequests).toEqual([expect.objectContaining({ status: 'cancelled', deadline: '2026-04-02', daysLeft: null })]);
    });

    it('a request made on 31 January is due on 28 February', async () => {
      const januaryClock = () => new Date('2026-01-31T10:00:00Z');
      const request = await requestOwnErasure({ db: world.db, clock: januaryClock }, bob.user);
      expect(request.deadline).toBe('2026-02-28');
      // Seen on TODAY (2 March) it is two days overdue.
      const list = await listErasureRequests(deps(), world.consultants.aabenraa);
      expect(list.open.find((item) => item.id === request.id)).toMatchObject({ deadline: '2026-02-28', daysLeft: -2, overdue: true });
      await cancelErasureRequest(deps(), world.consultants.aabenraa, request.id);
      expect(await rejection(cancelErasureRequest(deps(), world.consultants.aabenraa, request.id))).toBeInstanceOf(Conflict);
    });

    it('consultants see and register requests of their own jobcentre only', async () => {
      expect(await rejection(registerErasureRequest(deps(), world.consultants.aabenraa, odensePerson.candidateId))).toBeInstanceOf(Forbidden);
      const onPaper = await registerErasureRequest(deps(), world.consultants.odense, odensePerson.candidateId);
      expect(onPaper).toMatchObject({ requestedVia: 'consultant', deadline: '2026-04-02' });
      const aabenraa = await listErasureRequests(deps(), world.consultants.aabenraa);
      expect(aabenraa.open.map((item) => item.candidateId)).not.toContain(odensePerson.candidateId);
      const odense = await listErasureRequests(deps(), world.consultants.odense);
      expect(odense.open.map((item) => item.candidateId)).toEqual([odensePerson.candidateId]);
      expect(await rejection(requestOwnErasure(deps(), { id: world.consultants.odense.id, role: 'consultant' }))).toBeInstanceOf(Forbidden);
      await cancelErasureRequest(deps(), world.consultants.odense, onPaper.id);
    });

    it('lists the nearest deadline first', async () => {
      const early = await requestOwnErasure({ db: world.db, clock: () => new Date('2026-02-20T10:00:00Z') }, bob.user);
      const late = await registerErasureRequest(deps(), world.consultants.aabenraa, alice.candidateId);
      const list = await listErasureRequests(deps(), world.consultants.aabenraa);
      expect(list.open.map((item) => item.id)).toEqual([early.id, late.id]);
      await cancelErasureRequest(deps(), world.consultants.aabenraa, early.id);
      await cancelErasureRequest(deps(), world.consultants.aabenraa, late.id);
    });
  });

  describe('erasure', () => {
    it('is refused while a placement is planned or running', async () => {
      const employer = await addEmployer(world);
      const slot = await addSlot(world, employer);
      await world.db
        .insertInto('placements')
        .values({
          slot_id: slot,
          candidate_id: bob.candidateId,
          type: 'praktik',
          start_date: '2026-03-01',
          end_date: '2026-04-30',
          status: 'started',
        })
        .execute();
      const request = await requestOwnErasure(deps(), bob.user);
      const error = await rejection(executeErasure(deps(), world.consultants.aabenraa, request.id));
      expect(error).toBeInstanceOf(RuleViolation);
      expect(error).toMatchObject({ rule: 'erasure.active_placement' });
      expect(await world.db.selectFrom('candidates').select('id').where('id', '=', bob.candidateId).executeTakeFirst()).toBeDefined();
      await cancelErasureRequest(deps(), world.consultants.aabenraa, request.id);
    });

    it('removes the person everywhere, ends their sessions, and keeps the figures', async () => {
      const auth = createAuth(world.db, { secureCookies: false });
      const session = await auth.createSession(alice.userId, {});
      expect((await auth.validateSession(session.id)).session).not.toBeNull();
      expect(await search.get('candidates', alice.candidateId)).not.toBeNull();
      const before = await loadFigures(deps(), world.consultants.aabenraa, 'jobcentre');
      const decisionsBefore = await world.db
        .selectFrom('match_decisions')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();

      const request = await requestOwnErasure(deps(), alice.user);
      // Only the candidate's own jobcentre may erase.
      expect(await rejection(executeErasure(deps(), world.consultants.odense, request.id))).toBeInstanceOf(Forbidden);
      expect(await rejection(executeErasure(deps(), world.consultants.soenderborg, request.id))).toBeInstanceOf(Forbidden);
      expect(await rejection(executeErasure(deps(), { id: alice.userId, role: 'candidate', jobcentreId: null }, request.id))).toBeInstanceOf(
        Forbidden,
      );

      const summary = await executeErasure(deps(), world.consultants.aabenraa, request.id);
      expect(summary).toEqual({ placementsKept: 1 });
      expect(await rejection(executeErasure(deps(), world.consultants.aabenraa, request.id))).toBeInstanceOf(Conflict);

      // Sessions end with the account.
      expect((await auth.validateSession(session.id)).session).toBeNull();

      // The search index drops the document once the outbox is applied.
      expect(await outboxBacklog(world.db)).toBeGreaterThan(0);
      while ((await processOutboxBatch({ db: world.db, search, sources })).processed > 0);
      expect(await search.get('candidates', alice.candidateId)).toBeNull();
      expect(await search.get('candidates', bob.candidateId)).not.toBeNull();

      // Until the next erasure purges it, the applied index delete is the one place the bare id is left.
      expect(await findAnywhere(world, [alice.candidateId])).toEqual(['search_outbox: ' + alice.candidateId]);
      expect(await purgeAppliedErasures(world.db)).toBe(1);
      expect(await findAnywhere(world, [alice.candidateId, alice.userId, alice.name, alice.email, 'Zahrani'])).toEqual([]);

      // The figures that count events stay; decisions stay, tagged with the pseudonym.
      const after = await loadFigures(deps(), world.consultants.aabenraa, 'jobcentre');
      expect(statistics(after)).toEqual(statistics(before));
      expect(statistics(after).byOutcome).toContainEqual({ key: 'ordinary_job', value: 2 });
      const decisionsAfter = await world.db
        .selectFrom('match_decisions')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(decisionsAfter.n)).toBe(Number(decisionsBefore.n));
      const traced = await world.db
        .selectFrom('match_decisions')
        .select(['erased_candidate_id', 'note', 'candidate_id'])
        .where('erased_candidate_id', 'is not', null)
        .execute();
      expect(traced).toHaveLength(2);
      expect(new Set(traced.map((row) => row.erased_candidate_id)).size).toBe(1);
      expect(traced.map((row) => row.note).sort()).toEqual(['(erased)', null]);
      // People counts cover the people Jobbro still holds (as for archived candidates).
      const total = (figures: Figures) => figures.stages.reduce((sum, stage) => sum + stage.value, 0);
      expect(total(after)).toBe(total(before) - 1);

      // The request is kept as the record of a timely answer, with no link to the person.
      const list = await listErasureRequests(deps(), world.consultants.aabenraa);
      expect(list.handled.find((item) => item.id === request.id)).toMatchObject({ status: 'completed', fullName: null, onTime: true });

      // Everyone else is untouched.
      expect((await exportOwnData(deps(), bob.user)).placements.length).toBeGreaterThan(0);
      expect(await findAnywhere(world, [bob.name, bob.email, odensePerson.name])).not.toEqual([]);
    });
  });
});
