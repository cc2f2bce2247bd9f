import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCandidate, ensureJobcentre, insertCandidate } from '../../db/seed/factories.js';
import { loadReferenceData } from '../../db/seed/load-reference.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { newestMailedLink } from '../../tests/setup/mailbox.js';
import { createAuth, type Auth } from '../auth/lucia.server.js';
import { InvalidInput, NotFound, Unauthenticated } from '../lib/errors.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { authenticateApiKey, createApiKey, revokeApiKey } from './api-keys.server.js';
import { decideOnCandidate, listApprovedCandidates } from './candidates.server.js';
import {
  acceptInvitation,
  addWorkplace,
  findInvitation,
  inviteColleague,
  listWorkplaces,
  signUpCompany,
  type EmployerActor,
} from './organisations.server.js';
import { companySignupSchema, slotInputSchema, type SlotInput } from './schemas.js';
import { changeSlotStatus, createSlot, duplicateSlot, getSlot, listSlots, RatioRuleViolation, updateSlot } from './slots.server.js';

const NOW = new Date('2026-11-24T10:00:00Z');
const clock = () => NOW;
const skill = getTaxonomy().skills[0]!.uri;

function signup(n: number, cvr: string) {
  return companySignupSchema.parse({
    cvr,
    companyName: `Firma ${n} ApS`,
    contactName: `Kontakt ${n}`,
    email: `kontakt${n}@firma${n}.dk`,
    password: 'a good long password',
    passwordRepeat: 'a good long password',
    pNumber: `10000000${String(n).padStart(2, '0')}`,
    workplaceName: `Afdeling ${n}`,
    address: 'Storegade 1',
    postalCode: '6200',
    employeesFte: 12,
  });
}

function slotInput(workplaceId: string, overrides: Partial<SlotInput> = {}): SlotInput {
  return slotInputSchema.parse({
    type: 'praktik',
    workplaceId,
    title: 'Lagermedhjælper',
    mustSkills: [skill],
    positions: 1,
    startDate: '2027-01-04',
    weeks: 8,
    hoursPerWeek: 20,
    ...overrides,
  });
}

/** A løntilskud slot with the net-job-creation answers it needs (issue 26). */
const loentilskud = {
  type: 'loentilskud',
  weeks: 26,
  netJobsFteNow: 12.5,
  netJobsFte12mAgo: 12,
  netJobsFillsVacancy: 'no',
} as const satisfies Partial<SlotInput>;

describe.each(databaseKinds)('employers on %s', (kind) => {
  let database: TestDatabase;
  let auth: Auth;
  let a: EmployerActor & { userId: string };
  let b: EmployerActor & { userId: string };
  let workplaceA: string;
  let workplaceB: string;
  const deps = () => ({ db: database.db, clock, auth });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await loadReferenceData(database.db);
    await loadTaxonomy(database.db, getTaxonomy());
    auth = createAuth(database.db, { secureCookies: false });
    const first = await signUpCompany(deps(), signup(1, '13748136'), 'da');
    const second = await signUpCompany(deps(), signup(2, '10150817'), 'en');
    a = { organisationId: first.organisationId, userId: first.userId };
    b = { organisationId: second.organisationId, userId: second.userId };
    workplaceA = (await listWorkplaces(deps(), a))[0]!.id;
    workplaceB = (await listWorkplaces(deps(), b))[0]!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('signs up an unverified company with its workplace and contact person, logged in', async () => {
    const organisation = await database.db.selectFrom('organisations').selectAll().where('id', '=', a.organisationId).executeTakeFirstOrThrow();
    expect(organisation).toMatchObject({ cvr: '13748136', status: 'unverified', contact_email: 'kontakt1@firma1.dk' });
    const workplaces = await listWorkplaces(deps(), a);
    expect(workplaces).toEqual([
      expect.objectContaining({ pNumber: '1000000001', municipalityCode: '580', ratio: { capacity: 2, used: 0, remaining: 2 } }),
    ]);
    const { user } = await auth.validateSession((await auth.createSession(a.userId, {})).id);
    expect(user).toMatchObject({ role: 'employer', organisationId: a.organisationId });
  });

  it('refuses a CVR, P-number or e-mail already registered, and saves nothing', async () => {
    const before = await database.db.selectFrom('organisations').select('id').execute();
    const error = await signUpCompany(deps(), signup(1, '13748136'), 'da').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error instanceof InvalidInput && error.fields).toEqual({ cvr: ['cvrTaken'], pNumber: ['pNumberTaken'], email: ['emailTaken'] });
    expect(await database.db.selectFrom('organisations').select('id').execute()).toHaveLength(before.length);
  });

  it('publishes a slot as waiting for verification and enqueues it for the index in the same transaction', async () => {
    const slot = await createSlot(deps(), a, slotInput(workplaceA), { publish: true });
    expect(slot).toMatchObject({ status: 'published', visibility: 'waiting_for_verification', mustSkills: [skill] });
    const outbox = await database.db.selectFrom('search_outbox').select(['document_id', 'index_name']).where('document_id', '=', slot.id).execute();
    expect(outbox).toEqual([{ document_id: slot.id, index_name: 'slots' }]);
    await database.db.updateTable('organisations').set({ status: 'verified' }).where('id', '=', a.organisationId).execute();
    expect((await getSlot(deps(), a, slot.id)).visibility).toBe('visible');
    await changeSlotStatus(deps(), a, slot.id, 'close');
  });

  it('moves slots draft → published → filled/closed, and refuses other moves', async () => {
    const draft = await createSlot(deps(), a, slotInput(workplaceA, { type: 'igu', weeks: 104, hoursPerWeek: 30, payBasis: 'Overenskomst' }), {
      publish: false,
    });
    expect(draft.status).toBe('draft');
    expect((await changeSlotStatus(deps(), a, draft.id, 'publish')).status).toBe('published');
    await expect(changeSlotStatus(deps(), a, draft.id, 'publish')).rejects.toThrow(/cannot/);
    expect((await changeSlotStatus(deps(), a, draft.id, 'fill')).status).toBe('filled');
    await expect(updateSlot(deps(), a, draft.id, slotInput(workplaceA))).rejects.toThrow(/no longer be edited/);
    const copy = await duplicateSlot(deps(), a, draft.id);
    expect(copy).toMatchObject({ status: 'draft', type: 'igu', title: draft.title, mustSkills: [skill] });
    expect(copy.id).not.toBe(draft.id);
  });

  it('refuses a start date in the past and another company’s workplace', async () => {
    await expect(createSlot(deps(), a, slotInput(workplaceA, { startDate: '2026-11-23' }), { publish: false })).rejects.toMatchObject({
      fields: { startDate: ['startInPast'] },
    });
    await expect(createSlot(deps(), a, slotInput(workplaceB), { publish: false })).rejects.toMatchObject({
      fields: { workplaceId: ['workplaceUnknown'] },
    });
  });

  describe('ratio rule at its edges', () => {
    it.each([
      [5, 1],
      [6, 1],
      [50, 10],
      [51, 10],
      [60, 11],
    ])('%s ordinary employees allow %s supported persons, and not one more', async (fte, capacity) => {
      const { id } = await addWorkplace(deps(), a, {
        pNumber: `20000000${String(fte).padStart(2, '0')}`,
        workplaceName: `Ratio ${fte}`,
        address: 'Vej 1',
        postalCode: '6200',
        employeesFte: fte,
      });
      // IGU is not a supported placement under the rule: it never counts.
      await createSlot(deps(), a, slotInput(id, { type: 'igu', weeks: 104, hoursPerWeek: 30, payBasis: 'Overenskomst', positions: 5 }), {
        publish: true,
      });
      const first = await createSlot(deps(), a, slotInput(id, { positions: capacity - 1 || 1 }), { publish: true });
      if (capacity > 1) await createSlot(deps(), a, slotInput(id, { ...loentilskud, positions: 1 }), { publish: true });
      const room = (await listWorkplaces(deps(), a)).find((w) => w.id === id)!;
      expect(room.ratio).toEqual({ capacity, used: capacity, remaining: 0 });
      const refused = await createSlot(deps(), a, slotInput(id), { publish: false }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RatioRuleViolation);
      expect(refused).toMatchObject({ capacity, used: capacity, rule: 'ratio_rule' });
      // Editing a slot does not count its own positions twice; raising them past the cap is refused.
      await expect(updateSlot(deps(), a, first.id, slotInput(id, { positions: first.positions }))).resolves.toMatchObject({ id: first.id });
      await expect(updateSlot(deps(), a, first.id, slotInput(id, { positions: first.positions + 1 }))).rejects.toBeInstanceOf(RatioRuleViolation);
      // Closing a slot frees its places.
      await changeSlotStatus(deps(), a, first.id, 'close');
      expect((await listWorkplaces(deps(), a)).find((w) => w.id === id)!.ratio.remaining).toBe(first.positions);
    });
  });

  describe('løntilskud net-job-creation answers', () => {
    const answersOf = (slotId: string) =>
      database.db
        .selectFrom('slots')
        .select(['net_jobs_fte_now', 'net_jobs_fills_vacancy', 'net_jobs_vacated_on', 'net_jobs_answered_by', 'net_jobs_answered_at'])
        .where('id', '=', slotId)
        .executeTakeFirstOrThrow();

    it('stores them with who answered and when; an unchanged edit keeps that, a changed one records the new answer; other schemes store none', async () => {
      const created = await createSlot(deps(), a, slotInput(workplaceA, { ...loentilskud }), { publish: false });
      expect(created.netJobs).toEqual({ fteNow: 12.5, fte12mAgo: 12, fillsVacancy: false, vacatedOn: null, answeredAt: clock().toISOString() });
      const first = await answersOf(created.id);
      expect(first.net_jobs_answered_by).toBe(a.userId);

      const later = () => new Date(clock().getTime() + 86_400_000);
      const laterDeps = () => ({ ...deps(), clock: later });
      await updateSlot(laterDeps(), a, created.id, slotInput(workplaceA, { ...loentilskud, title: 'Ny titel' }));
      expect((await answersOf(created.id)).net_jobs_answered_at).toEqual(first.net_jobs_answered_at);

      const changed = await updateSlot(
        laterDeps(),
        a,
        created.id,
        slotInput(workplaceA, { ...loentilskud, netJobsFillsVacancy: 'yes', netJobsVacatedOn: '2026-09-15' }),
      );
      expect(changed.netJobs).toMatchObject({ fillsVacancy: true, vacatedOn: '2026-09-15', answeredAt: later().toISOString() });

      const praktik = await updateSlot(laterDeps(), a, created.id, slotInput(workplaceA, { ...loentilskud, type: 'praktik', weeks: 8 }));
      expect(praktik.netJobs).toBeNull();
      expect(await answersOf(created.id)).toMatchObject({ net_jobs_fte_now: null, net_jobs_answered_at: null });
    });
  });

  describe('isolation between companies', () => {
    let slotId: string;
    let approvedProposal: string;
    let proposedCandidate: string;

    beforeAll(async () => {
      slotId = (await createSlot(deps(), a, slotInput(workplaceA), { publish: true })).id;
      const jobcentre = await ensureJobcentre(database.db, '580');
      const rng = seededRng(7, 'employers-test');
      const approved = await insertCandidate(
        database.db,
        buildCandidate(rng, { jobcentre_id: jobcentre.id, full_name: 'Amal Secret', email: 'amal@example.dk', postal_code: '6200' }),
      );
      const proposed = await insertCandidate(
        database.db,
        buildCandidate(rng, { jobcentre_id: jobcentre.id, full_name: 'Not Approved', postal_code: '6200' }),
      );
      proposedCandidate = proposed.id;
      await database.db
        .insertInto('candidate_skills')
        .values({ candidate_id: approved.id, skill_uri: skill, years: 2, learned_where: 'abroad' })
        .execute();
      const rows = await database.db
        .insertInto('match_proposals')
        .values([
          { slot_id: slotId, candidate_id: approved.id, status: 'approved', decided_at: NOW, score: 0.8 },
          { slot_id: slotId, candidate_id: proposed.id, status: 'proposed', score: 0.7 },
        ])
        .returning(['id', 'candidate_id'])
        .execute();
      approvedProposal = rows.find((row) => row.candidate_id === approved.id)!.id;
    });

    it('lists only the company’s own slots and never finds another’s', async () => {
      const ownA = await listSlots(deps(), a);
      const ownB = await listSlots(deps(), b);
      expect(ownA.map((s) => s.id)).toContain(slotId);
      expect(ownB.map((s) => s.id)).not.toContain(slotId);
      await expect(getSlot(deps(), b, slotId)).rejects.toBeInstanceOf(NotFound);
      await expect(updateSlot(deps(), b, slotId, slotInput(workplaceB))).rejects.toBeInstanceOf(NotFound);
      await expect(changeSlotStatus(deps(), b, slotId, 'close')).rejects.toBeInstanceOf(NotFound);
      await expect(duplicateSlot(deps(), b, slotId)).rejects.toBeInstanceOf(NotFound);
      await expect(listApprovedCandidates(deps(), b, slotId)).rejects.toBeInstanceOf(NotFound);
    });

    it('shows approved candidates only, anonymised until they consent, and logs each view', async () => {
      const { slot, candidates } = await listApprovedCandidates(deps(), a, slotId);
      expect(slot.pipeline).toMatchObject({ found: 2, approved: 1 });
      expect(candidates).toHaveLength(1);
      expect(candidates[0]).toMatchObject({ proposalId: approvedProposal, skills: [skill], area: 'Aabenraa', shared: null });
      expect(JSON.stringify(candidates)).not.toMatch(/Amal Secret|amal@example|Not Approved/);
      expect(JSON.stringify(candidates)).not.toContain(proposedCandidate);
      const audit = await database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_user_id'])
        .where('action', '=', 'employer.view_candidate')
        .execute();
      expect(audit).toEqual([{ action: 'employer.view_candidate', actor_user_id: a.userId }]);
      // …and the candidate can see that this company looked.
      const views = await database.db.selectFrom('profile_views').select(['viewer_user_id', 'organisation_id']).execute();
      expect(views).toEqual([{ viewer_user_id: a.userId, organisation_id: a.organisationId }]);
    });

    it('shows name and contact after consent for this slot and company only', async () => {
      const candidateId = (
        await database.db.selectFrom('match_proposals').select('candidate_id').where('id', '=', approvedProposal).executeTakeFirstOrThrow()
      ).candidate_id;
      const otherSlot = (await createSlot(deps(), b, slotInput(workplaceB), { publish: false })).id;
      await database.db
        .insertInto('consents')
        .values({ candidate_id: candidateId, slot_id: otherSlot, organisation_id: b.organisationId, granted: true })
        .execute();
      expect((await listApprovedCandidates(deps(), a, slotId)).candidates[0]!.shared).toBeNull();
      await database.db
        .insertInto('consents')
        .values({ candidate_id: candidateId, slot_id: slotId, organisation_id: a.organisationId, granted: true })
        .execute();
      expect((await listApprovedCandidates(deps(), a, slotId)).candidates[0]!.shared).toEqual({
        name: 'Amal Secret',
        email: 'amal@example.dk',
        phone: expect.anything(),
      });
      await database.db.updateTable('consents').set({ revoked_at: NOW }).where('slot_id', '=', slotId).execute();
      expect((await listApprovedCandidates(deps(), a, slotId)).candidates[0]!.shared).toBeNull();
    });

    it('invites or declines an approved candidate; never another company’s', async () => {
      await decideOnCandidate(deps(), a, { slotId, proposalId: approvedProposal }, { decision: 'decline', reason: 'danish', note: undefined });
      // Changing the earlier answer must be confirmed (issue 23: never flipped silently).
      await decideOnCandidate(
        deps(),
        a,
        { slotId, proposalId: approvedProposal },
        { decision: 'invite', note: 'Tirsdag kl. 10', confirmChange: 'yes' },
      );
      const { slot, candidates } = await listApprovedCandidates(deps(), a, slotId);
      expect(candidates[0]).toMatchObject({ decision: 'invite', declineReason: null });
      expect(slot.pipeline).toMatchObject({ invited: 1, declined: 0 });
      await expect(
        decideOnCandidate(deps(), b, { slotId, proposalId: approvedProposal }, { decision: 'invite', note: undefined }),
      ).rejects.toBeInstanceOf(NotFound);
      const proposedId = (
        await database.db.selectFrom('match_proposals').select('id').where('candidate_id', '=', proposedCandidate).executeTakeFirstOrThrow()
      ).id;
      await expect(decideOnCandidate(deps(), a, { slotId, proposalId: proposedId }, { decision: 'invite', note: undefined })).rejects.toBeInstanceOf(
        NotFound,
      );
      // Posted under another slot of the same company: refused, and the decision stays as it was.
      const sibling = (await createSlot(deps(), a, slotInput(workplaceA), { publish: false })).id;
      await expect(
        decideOnCandidate(deps(), a, { slotId: sibling, proposalId: approvedProposal }, { decision: 'decline', reason: 'danish', note: undefined }),
      ).rejects.toBeInstanceOf(NotFound);
      expect((await listApprovedCandidates(deps(), a, slotId)).candidates[0]).toMatchObject({ decision: 'invite' });
    });
  });

  it('API keys: stored hashed, act for their own company, stop working when revoked', async () => {
    const { key, secret } = await createApiKey(deps(), a, { name: 'HR-system' });
    expect(secret).toMatch(/^jbk_[a-z0-9]{12}_/);
    const stored = await database.db.selectFrom('api_keys').select('hash').where('id', '=', key.id).executeTakeFirstOrThrow();
    const secretPart = secret.slice('jbk_'.length + 13);
    expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.hash).not.toContain(secretPart);
    await expect(authenticateApiKey(deps(), `Bearer ${secret}`)).resolves.toEqual({ organisationId: a.organisationId, userId: null });
    // Last use is kept to the minute: a second call within it does not write the row again.
    const lastUsed = () => database.db.selectFrom('api_keys').select('last_used_at').where('id', '=', key.id).executeTakeFirstOrThrow();
    const firstUse = (await lastUsed()).last_used_at;
    expect(firstUse).not.toBeNull();
    const later = (ms: number) => ({ ...deps(), clock: () => new Date(new Date(firstUse!).getTime() + ms) });
    await authenticateApiKey(later(30_000), `Bearer ${secret}`);
    expect((await lastUsed()).last_used_at).toEqual(firstUse);
    await authenticateApiKey(later(61_000), `Bearer ${secret}`);
    expect(new Date((await lastUsed()).last_used_at!).getTime()).toBe(new Date(firstUse!).getTime() + 61_000);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`;
    await expect(authenticateApiKey(deps(), `Bearer ${tampered}`)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(authenticateApiKey(deps(), null)).rejects.toBeInstanceOf(Unauthenticated);
    await expect(revokeApiKey(deps(), b, key.id)).rejects.toBeInstanceOf(NotFound);
    await revokeApiKey(deps(), a, key.id);
    await expect(authenticateApiKey(deps(), `Bearer ${secret}`)).rejects.toBeInstanceOf(Unauthenticated);
  });

  it('invites a colleague, who joins the same company once', async () => {
    await inviteColleague(deps(), a, { email: 'kollega@firma1.dk' });
    const { token } = await newestMailedLink(database.db, 'kollega@firma1.dk', '/employer/invitation/', { now: NOW, baseUrl: 'http://jobbro.test' });
    expect(await findInvitation(deps(), token)).toMatchObject({ email: 'kollega@firma1.dk', organisationId: a.organisationId });
    const { userId } = await acceptInvitation(deps(), token, { displayName: 'Kollega', password: 'another long password' }, 'en');
    const user = await database.db.selectFrom('users').select(['organisation_id', 'role']).where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user).toEqual({ organisation_id: a.organisationId, role: 'employer' });
    await expect(acceptInvitation(deps(), token, { displayName: 'Again', password: 'another long password' }, 'en')).rejects.toBeInstanceOf(NotFound);
  });
});
