import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJobcentre } from '../../db/seed/factories.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { Conflict, Forbidden, InvalidInput, RuleViolation } from '../lib/errors.js';
import { approvalFailuresOf, approveMatch, decideMany, previewApproval, rejectMatch } from './decisions.server.js';
import { QUEUE_PAGE_ROWS, loadQueue } from './queue.server.js';
import { QUEUE_MAX_PAGE, queueQuerySchema } from './schemas.js';
import {
  addCandidate,
  addEmployer,
  addProposal,
  addSlot,
  buildConsultantWorld,
  consultantClock as clock,
  type ConsultantWorld,
} from '../../tests/setup/test-world.js';

async function statusOf(world: ConsultantWorld, proposalId: string) {
  const row = await world.db.selectFrom('match_proposals').select(['status', 'reject_reason']).where('id', '=', proposalId).executeTakeFirstOrThrow();
  return row;
}

async function refusal(promise: Promise<unknown>): Promise<RuleViolation> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof RuleViolation)) throw new Error(`expected a RuleViolation, got ${String(error)}`);
  return error;
}

describe.each(databaseKinds)('consultant queue and decisions (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  const deps = () => ({ db: world.db, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  describe('who sees what', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const employer = await addEmployer(world);
      const plain = await addSlot(world, employer, { title: 'Plain' });
      const pooled = await addSlot(world, employer, { title: 'Pooled', pooled_network_id: world.networkId });
      const own = await addCandidate(world, world.jobcentres.aabenraa, { full_name: 'Own Aabenraa' });
      const partner = await addCandidate(world, world.jobcentres.soenderborg, { full_name: 'Partner Sønderborg' });
      const outsider = await addCandidate(world, world.jobcentres.odense, { full_name: 'Outsider Odense' });
      ids = {
        ownPlain: await addProposal(world, plain, own, { score: 0.9 }),
        partnerPlain: await addProposal(world, plain, partner),
        partnerPooled: await addProposal(world, pooled, partner, { score: 0.8 }),
        outsiderPooled: await addProposal(world, pooled, outsider),
        outsiderPlain: await addProposal(world, plain, outsider),
        ownInterest: await addProposal(world, pooled, own, { score: 0.5, source: 'interest' }),
      };
    });

    it('shows own candidates, and partner candidates only for pooled slots of a shared network', async () => {
      const queue = await loadQueue(deps(), world.consultants.aabenraa, {});
      const seen = queue.items.map((item) => item.proposal_id);
      expect(seen).toEqual([ids.ownPlain, ids.partnerPooled, ids.ownInterest]);
      expect(queue.items.map((item) => item.own)).toEqual([true, false, true]);
      expect(queue.items[2]!.source).toBe('interest');
      expect(queue.items[0]!.requirements).toMatchObject({ start: { date: expect.any(String) } });
      expect(queue.items[0]!.flags).toEqual([]);
    });

    it('a jobcentre outside the network sees only its own candidates', async () => {
      const queue = await loadQueue(deps(), world.consultants.odense, {});
      expect(queue.items.map((item) => item.proposal_id).sort()).toEqual([ids.outsiderPooled, ids.outsiderPlain].sort());
    });

    it('filters by scheme, score, candidate name, source and days waited', async () => {
      const consultant = world.consultants.aabenraa;
      expect((await loadQueue(deps(), consultant, { minScore: 0.85 })).items.map((i) => i.proposal_id)).toEqual([ids.ownPlain]);
      expect((await loadQueue(deps(), consultant, { candidate: 'sønderborg' })).items.map((i) => i.proposal_id)).toEqual([ids.partnerPooled]);
      expect((await loadQueue(deps(), consultant, { source: 'interest' })).items.map((i) => i.proposal_id)).toEqual([ids.ownInterest]);
      expect((await loadQueue(deps(), consultant, { scheme: 'igu' })).items).toEqual([]);
      // Waiting since 2026-01-15, today 2026-03-02: 46 days.
      expect((await loadQueue(deps(), consultant, { minDaysWaiting: 46 })).items).toHaveLength(3);
      expect((await loadQueue(deps(), consultant, { minDaysWaiting: 47 })).items).toHaveLength(0);
    });

    it('never approves or rejects for another jobcentre’s candidate, even when pooled and visible', async () => {
      await expect(approveMatch(deps(), world.consultants.aabenraa, { proposalId: ids.partnerPooled })).rejects.toBeInstanceOf(Forbidden);
      await expect(rejectMatch(deps(), world.consultants.aabenraa, { proposalId: ids.partnerPooled, reason: 'skills' })).rejects.toBeInstanceOf(
        Forbidden,
      );
      expect((await statusOf(world, ids.partnerPooled)).status).toBe('proposed');
      // The home jobcentre may.
      await approveMatch(deps(), world.consultants.soenderborg, { proposalId: ids.partnerPooled });
      expect((await statusOf(world, ids.partnerPooled)).status).toBe('approved');
    });

    it('hides the rule preview of an invisible proposal', async () => {
      await expect(previewApproval(deps(), world.consultants.aabenraa, ids.outsiderPlain)).rejects.toThrow(/not found/);
    });
  });

  describe('paging and the employer-name filter', () => {
    // A jobcentre of its own (Aarhus, in no network), so that no other test's proposals show in its queue.
    let aarhus: string;
    const aarhusConsultant = () => ({ id: '00000000-0000-4000-8000-000000000751', role: 'consultant' as const, jobcentreId: aarhus });
    const ids = (items: Array<{ proposal_id: string }>) => items.map((item) => item.proposal_id);
    let all: Array<{ id: string; score: number }>;

    beforeAll(async () => {
      aarhus = (await ensureJobcentre(world.db, '751')).id;
      const employer = await addEmployer(world);
      await world.db.updateTable('organisations').set({ name: 'Kro 100% Dansk_Mad ApS' }).where('id', '=', employer.organisationId).execute();
      const lookalike = await addEmployer(world);
      await world.db.updateTable('organisations').set({ name: 'Kro 1000 DanskXMad ApS' }).where('id', '=', lookalike.organisationId).execute();
      const slots = [await addSlot(world, employer), await addSlot(world, employer), await addSlot(world, lookalike)];
      const candidates: string[] = [];
      for (let i = 0; i < 25; i++) candidates.push(await addCandidate(world, aarhus, { full_name: `Aar Hus ${i}` }));
      all = [];
      for (const [s, slot] of slots.entries()) {
        for (const [c, candidate] of candidates.entries()) {
          // Many equal scores, so the order's tie-breaks decide where pages split.
          const score = c % 4 === 0 ? 70 : 50 + c + s;
          all.push({ id: await addProposal(world, slot, candidate, { score }), score });
        }
      }
    }, 60_000);

    it('pages through the queue in order, each page continuing the last without overlap', async () => {
      // 75 proposals: three full pages.
      const pages = [];
      for (let page = 1; page <= 3; page++) pages.push(await loadQueue(deps(), aarhusConsultant(), { page }));
      expect(pages.map((p) => [p.page, p.firstRow, p.items.length, p.hasNextPage])).toEqual([
        [1, 1, QUEUE_PAGE_ROWS, true],
        [2, 26, QUEUE_PAGE_ROWS, true],
        [3, 51, QUEUE_PAGE_ROWS, false],
      ]);
      const seen = pages.flatMap((p) => ids(p.items));
      expect(new Set(seen).size).toBe(all.length);
      expect([...seen].sort()).toEqual(all.map((p) => p.id).sort());
      const scores = pages.flatMap((p) => p.items.map((item) => item.score));
      expect(scores).toEqual(all.map((p) => p.score).sort((a, b) => b - a));
      const past = await loadQueue(deps(), aarhusConsultant(), { page: 4 });
      expect([past.items, past.hasNextPage]).toEqual([[], false]);
    });

    it('ends with a part-filled page, with the filters applied on every page', async () => {
      // "Aar Hus 1" and "Aar Hus 10" … "19": 11 candidates on 3 slots.
      const first = await loadQueue(deps(), aarhusConsultant(), { candidate: 'Aar Hus 1', page: 1 });
      const second = await loadQueue(deps(), aarhusConsultant(), { candidate: 'Aar Hus 1', page: 2 });
      expect([first.items.length, first.hasNextPage, second.items.length, second.hasNextPage]).toEqual([
        QUEUE_PAGE_ROWS,
        true,
        33 - QUEUE_PAGE_ROWS,
        false,
      ]);
      expect(new Set([...ids(first.items), ...ids(second.items)]).size).toBe(33);
      expect(second.items.every((item) => item.candidate_name.startsWith('Aar Hus 1'))).toBe(true);
    });

    it('filters by part of the employer’s name, taking % and _ literally', async () => {
      const names = async (organisationName: string) => {
        const queue = await loadQueue(deps(), aarhusConsultant(), { organisationName, page: 1 });
        return [...new Set(queue.items.map((item) => item.organisation_name))];
      };
      expect(await names('dansk_mad')).toEqual(['Kro 100% Dansk_Mad ApS']);
      expect(await names('100%')).toEqual(['Kro 100% Dansk_Mad ApS']);
      expect(await names('KRO 1000')).toEqual(['Kro 1000 DanskXMad ApS']);
      expect((await names('kro')).sort()).toEqual(['Kro 100% Dansk_Mad ApS', 'Kro 1000 DanskXMad ApS']);
      expect(await names('%')).toEqual(['Kro 100% Dansk_Mad ApS']);
      expect(await names('Bageri')).toEqual([]);
    });

    it('shows only what the page renders', async () => {
      const [item] = (await loadQueue(deps(), aarhusConsultant(), { page: 1 })).items;
      expect(Object.keys(item!).sort()).toEqual(
        // The score's parts are on the proposal page; the row shows the requirements side by side and the failing rules.
        [
          'candidate_name',
          'daysWaiting',
          'flags',
          'homeJobcentreName',
          'organisation_name',
          'own',
          'proposal_id',
          'requirements',
          'score',
          'slot_start_date',
          'slot_title',
          'slot_type',
          'source',
        ].sort(),
      );
    });
  });

  describe('the queue’s query string', () => {
    it('reads the page, 1-based, and falls back to the first page on a bad one, keeping the filters', () => {
      expect(queueQuerySchema.parse({}).page).toBe(1);
      expect(queueQuerySchema.parse({ page: '3' }).page).toBe(3);
      expect(queueQuerySchema.parse({ page: String(QUEUE_MAX_PAGE) }).page).toBe(QUEUE_MAX_PAGE);
      for (const bad of ['0', '-1', '2.5', 'abc', '', String(QUEUE_MAX_PAGE + 1), '1e9', ' ']) {
        expect(queueQuerySchema.parse({ page: bad, scheme: 'igu', employerName: 'Kro' })).toEqual({ page: 1, scheme: 'igu', employerName: 'Kro' });
      }
    });

    it('takes the employer by name, and still by id for links', () => {
      const id = '6f1f2b5e-8c1a-4d3e-9b7a-2c4d5e6f7a8b';
      expect(queueQuerySchema.parse({ employerName: 'Kro', employer: id })).toMatchObject({ employerName: 'Kro', employer: id });
      expect(queueQuerySchema.safeParse({ employer: 'Kro' }).success).toBe(false);
      expect(queueQuerySchema.safeParse({ employerName: 'x'.repeat(201) }).success).toBe(false);
    });

    it('refuses filter text PostgreSQL cannot hold (NUL)', () => {
      for (const field of ['employerName', 'candidate', 'sector']) {
        expect(queueQuerySchema.safeParse({ [field]: 'Kro\u0000' }).success).toBe(false);
      }
    });
  });

  describe('IGU age under the 2024 rules (start 2026-04-01: must not yet be 50)', () => {
    it('approves at 49 and refuses on the 50th birthday and at 51, naming L 82', async () => {
      const employer = await addEmployer(world);
      const slot = await addSlot(world, employer, { type: 'igu', weeks: 104, hours_per_week: 30 });
      const at49 = await addCandidate(world, world.jobcentres.aabenraa, { birth_date: '1976-04-02' });
      const at50 = await addCandidate(world, world.jobcentres.aabenraa, { birth_date: '1976-04-01' });
      const at51 = await addCandidate(world, world.jobcentres.aabenraa, { birth_date: '1975-03-15' });
      const p50 = await addProposal(world, slot, at50);
      const violation = await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: p50 }));
      expect(violation.rule).toBe('igu.age');
      expect(violation.source).toBe('L 82 2023-24');
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: await addProposal(world, slot, at51) }))).rule).toBe(
        'igu.age',
      );
      expect((await statusOf(world, p50)).status).toBe('proposed');
      const p49 = await addProposal(world, slot, at49);
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: p49 });
      expect((await statusOf(world, p49)).status).toBe('approved');
    });

    it('refuses a second IGU and ordinary employment at the same company in the last 3 months', async () => {
      const employer = await addEmployer(world);
      const slot = await addSlot(world, employer, { type: 'igu', weeks: 104, hours_per_week: 30 });
      const hadIgu = await addCandidate(world, world.jobcentres.aabenraa);
      await world.db
        .insertInto('candidate_employments')
        .values({ candidate_id: hadIgu, cvr: '13748136', kind: 'igu', start_date: '2020-01-01', end_date: '2021-12-31' })
        .execute();
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: await addProposal(world, slot, hadIgu) }))).rule).toBe(
        'igu.one_per_person',
      );
      const workedThere = await addCandidate(world, world.jobcentres.aabenraa);
      await world.db
        .insertInto('candidate_employments')
        .values({ candidate_id: workedThere, cvr: employer.cvr, kind: 'ordinary', start_date: '2025-06-01', end_date: '2026-01-01' })
        .execute();
      expect(
        (await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: await addProposal(world, slot, workedThere) }))).rule,
      ).toBe('igu.no_recent_employment');
    });
  });

  describe('ratio rule (rimelighedskrav)', () => {
    async function setFte(workplaceId: string, fte: number) {
      await world.db.updateTable('workplaces').set({ ordinary_employees_fte: fte }).where('id', '=', workplaceId).execute();
    }

    it('at 5 and 6 employees allows one supported person, at 10 two', async () => {
      const employer = await addEmployer(world, { fte: 5 });
      const slot = await addSlot(world, employer, { positions: 3 });
      const first = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: first });
      const second = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      const violation = await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: second }));
      expect(violation.rule).toBe('ratio_rule');
      expect(violation.source).toMatch(/rimelighedskrav/);
      await setFte(employer.workplaceId, 6);
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: second }))).rule).toBe('ratio_rule');
      await setFte(employer.workplaceId, 10);
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: second });
    });

    it('at 50 and 51 employees allows ten, at 60 eleven', async () => {
      const employer = await addEmployer(world, { fte: 50 });
      const slot = await addSlot(world, employer, { positions: 20 });
      // Nine people already placed there (planned placements).
      for (let i = 0; i < 9; i++) {
        const candidateId = await addCandidate(world, world.jobcentres.odense);
        await world.db
          .insertInto('placements')
          .values({
            slot_id: slot,
            candidate_id: candidateId,
            type: 'praktik',
            start_date: '2026-03-01',
            end_date: '2026-05-01',
            status: i % 2 ? 'planned' : 'started',
          })
          .execute();
      }
      const tenth = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: tenth });
      const eleventh = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: eleventh }))).rule).toBe('ratio_rule');
      await setFte(employer.workplaceId, 51);
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: eleventh }))).rule).toBe('ratio_rule');
      await setFte(employer.workplaceId, 60);
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: eleventh });
    });
  });

  describe('løntilskud net job creation (merbeskæftigelse), on the start date 2026-04-01', () => {
    const answered = (fteNow: number, fte12mAgo: number, vacatedOn: string | null) => ({
      net_jobs_fte_now: fteNow,
      net_jobs_fte_12m_ago: fte12mAgo,
      net_jobs_fills_vacancy: vacatedOn !== null,
      net_jobs_vacated_on: vacatedOn,
      net_jobs_answered_at: new Date('2026-02-01T09:00:00Z'),
    });
    const loentilskud = { type: 'loentilskud' as const, weeks: 26, hours_per_week: 37, start_date: '2026-04-01', positions: 5 };

    it('refuses a flat headcount with the rule and its source, in the preview, the queue flag and the approval', async () => {
      const employer = await addEmployer(world, { fte: 30 });
      const slot = await addSlot(world, employer, { ...loentilskud, ...answered(12, 12, null) });
      const proposalId = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));

      const violation = await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId }));
      expect(violation.rule).toBe('loentilskud.headcount_growth');
      expect(violation.source).toMatch(/merbeskæftigelse/);
      expect(violation.message).toContain('has not grown');
      expect((await statusOf(world, proposalId)).status).toBe('proposed');

      const flags = (await approvalFailuresOf(world.db, [proposalId])).get(proposalId) ?? [];
      expect(flags.map((v) => v.rule)).toEqual(['loentilskud.headcount_growth']);
      const preview = await previewApproval(deps(), world.consultants.aabenraa, proposalId);
      expect(preview.verdicts.filter((v) => v.rule.startsWith('loentilskud.')).map((v) => [v.rule, v.ok])).toEqual([
        ['loentilskud.max_duration', true],
        ['loentilskud.eligibility', true],
        ['loentilskud.headcount_growth', false],
        ['loentilskud.vacated_post', true],
      ]);

      const many = await decideMany(deps(), world.consultants.aabenraa, { decision: 'approve', proposalIds: [proposalId] });
      expect(many).toEqual([expect.objectContaining({ proposalId, ok: false, rule: 'loentilskud.headcount_growth' })]);
    });

    it('refuses a job vacated 89 days before the start and approves one vacated 91 days before', async () => {
      const employer = await addEmployer(world, { fte: 30 });
      // 2026-04-01 − 3 months = 2026-01-01 (90 days back).
      const recent = await addSlot(world, employer, { ...loentilskud, ...answered(12.5, 12, '2026-01-02') });
      const recentProposal = await addProposal(world, recent, await addCandidate(world, world.jobcentres.aabenraa));
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: recentProposal }))).rule).toBe('loentilskud.vacated_post');
      const older = await addSlot(world, employer, { ...loentilskud, ...answered(12.5, 12, '2025-12-31') });
      const olderProposal = await addProposal(world, older, await addCandidate(world, world.jobcentres.aabenraa));
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: olderProposal });
      expect((await statusOf(world, olderProposal)).status).toBe('approved');
    });

    it('refuses a løntilskud slot without answers (made before the questions) as unanswered, and a praktik slot is not asked', async () => {
      const employer = await addEmployer(world, { fte: 30 });
      const old = await addSlot(world, employer, loentilskud);
      const oldProposal = await addProposal(world, old, await addCandidate(world, world.jobcentres.aabenraa));
      const violation = await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: oldProposal }));
      expect(violation.rule).toBe('loentilskud.net_jobs_unanswered');
      expect(violation.message).toContain('ask the employer');

      const praktik = await addSlot(world, employer, { start_date: '2026-04-01' });
      const praktikProposal = await addProposal(world, praktik, await addCandidate(world, world.jobcentres.aabenraa));
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: praktikProposal });
    });

    it('the database refuses answers that are incomplete, out of range or on another scheme', async () => {
      const employer = await addEmployer(world, { fte: 30 });
      await expect(addSlot(world, employer, { ...loentilskud, ...answered(12, 11, null), net_jobs_fte_12m_ago: null })).rejects.toThrow();
      await expect(addSlot(world, employer, { ...loentilskud, ...answered(20_001, 11, null) })).rejects.toThrow();
      await expect(addSlot(world, employer, { ...loentilskud, ...answered(12, 11, null), net_jobs_fills_vacancy: true })).rejects.toThrow();
      await expect(addSlot(world, employer, { ...answered(12, 11, null), start_date: '2026-04-01' })).rejects.toThrow();
    });
  });

  describe('overlap and employer', () => {
    it('refuses a placement overlapping by one day and allows one that ends the day before', async () => {
      const employer = await addEmployer(world);
      const other = await addSlot(world, employer, { positions: 5 });
      const slot = await addSlot(world, employer, { start_date: '2026-04-01', positions: 5 });
      const overlapping = await addCandidate(world, world.jobcentres.aabenraa);
      await world.db
        .insertInto('placements')
        .values({ slot_id: other, candidate_id: overlapping, type: 'praktik', start_date: '2026-03-02', end_date: '2026-04-01' })
        .execute();
      const violation = await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: await addProposal(world, slot, overlapping) }));
      expect(violation.rule).toBe('placement.overlap');
      const adjacent = await addCandidate(world, world.jobcentres.aabenraa);
      await world.db
        .insertInto('placements')
        .values({ slot_id: other, candidate_id: adjacent, type: 'praktik', start_date: '2026-03-02', end_date: '2026-03-31' })
        .execute();
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: await addProposal(world, slot, adjacent) });
    });

    it('a placement completed before the slot starts does not block it (its period ends when it ended)', async () => {
      const employer = await addEmployer(world);
      const other = await addSlot(world, employer, { positions: 5 });
      const slot = await addSlot(world, employer, { start_date: '2026-04-01', positions: 5 });
      const finished = await addCandidate(world, world.jobcentres.aabenraa);
      await world.db
        .insertInto('placements')
        .values({
          slot_id: other,
          candidate_id: finished,
          type: 'praktik',
          start_date: '2026-03-02',
          end_date: '2026-05-29',
          status: 'completed',
          started_on: '2026-03-02',
          ended_on: '2026-03-20',
        })
        .execute();
      await approveMatch(deps(), world.consultants.aabenraa, { proposalId: await addProposal(world, slot, finished) });
    });

    it('refuses an unverified employer', async () => {
      const employer = await addEmployer(world, { status: 'unverified' });
      const slot = await addSlot(world, employer);
      const proposal = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      expect((await refusal(approveMatch(deps(), world.consultants.aabenraa, { proposalId: proposal }))).rule).toBe('employer.verified');
    });
  });

  describe('rejecting and the labelled history', () => {
    it('rejects with a reason, needs a note for "other", and keeps every decision', async () => {
      const employer = await addEmployer(world);
      const slot = await addSlot(world, employer, { positions: 5 });
      const proposal = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa), { score: 0.42 });
      await expect(rejectMatch(deps(), world.consultants.aabenraa, { proposalId: proposal, reason: 'other', note: '  ' })).rejects.toBeInstanceOf(
        InvalidInput,
      );
      await rejectMatch(deps(), world.consultants.aabenraa, { proposalId: proposal, reason: 'danish_too_low' });
      expect(await statusOf(world, proposal)).toEqual({ status: 'rejected', reject_reason: 'danish_too_low' });
      await expect(approveMatch(deps(), world.consultants.aabenraa, { proposalId: proposal })).rejects.toBeInstanceOf(Conflict);
      const history = await world.db
        .selectFrom('match_decisions')
        .select(['decision', 'reject_reason', 'score', 'components', 'jobcentre_id'])
        .where('proposal_id', '=', proposal)
        .execute();
      expect(history).toEqual([
        {
          decision: 'rejected',
          reject_reason: 'danish_too_low',
          score: 0.42,
          components: { skills: 0.8, danish: 0.6, distance: 0.9 },
          jobcentre_id: world.jobcentres.aabenraa,
        },
      ]);
    });

    it('decides several at once and reports each refusal with its rule', async () => {
      const employer = await addEmployer(world, { fte: 5 });
      const slot = await addSlot(world, employer, { positions: 3 });
      const a = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      const b = await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa));
      const foreign = await addProposal(world, slot, await addCandidate(world, world.jobcentres.odense));
      const outcomes = await decideMany(deps(), world.consultants.aabenraa, { proposalIds: [a, b, foreign], decision: 'approve' });
      expect(outcomes.map((o) => (o.ok ? 'ok' : o.ok === false ? (o.rule ?? o.code) : ''))).toEqual(['ok', 'ratio_rule', 'forbidden']);
      const rejected = await decideMany(deps(), world.consultants.aabenraa, { proposalIds: [b], decision: 'reject', reason: 'employer_unsuitable' });
      expect(rejected).toEqual([{ proposalId: b, ok: true }]);
    });
  });

  describe('queue flags', () => {
    it('flag each row with exactly the rules its own rule check fails, with the Danish detail (one query per kind of row for the page)', async () => {
      const employer = await addEmployer(world);
      const slot = await addSlot(world, employer, { type: 'igu', weeks: 104, hours_per_week: 30 });
      const hadIgu = await addCandidate(world, world.jobcentres.aabenraa);
      await world.db
        .insertInto('candidate_employments')
        .values({ candidate_id: hadIgu, cvr: '13748136', kind: 'igu', start_date: '2020-01-01', end_date: '2021-12-31' })
        .execute();
      const flagged = await addProposal(world, slot, hadIgu, { score: 0.99 });
      await addProposal(world, slot, await addCandidate(world, world.jobcentres.aabenraa), { score: 0.98 });
      let flaggedRows = 0;
      for (let page = 1; page <= 3; page++) {
        const queue = await loadQueue(deps(), world.consultants.aabenraa, { page });
        for (const item of queue.items) {
          const preview = await previewApproval(deps(), world.consultants.aabenraa, item.proposal_id);
          const failed = preview.verdicts.filter((v) => !v.ok);
          expect(item.flags.map((f) => f.rule)).toEqual(failed.map((v) => v.rule));
          expect(item.flags.map((f) => f.detail)).toEqual(failed.map((v) => v.detail ?? null));
          if (item.flags.length > 0) flaggedRows += 1;
        }
      }
      expect(flaggedRows).toBeGreaterThan(0);
      const row = (await loadQueue(deps(), world.consultants.aabenraa, {})).items.find((item) => item.proposal_id === flagged);
      expect(row?.flags).toContainEqual(expect.objectContaining({ rule: 'igu.one_per_person', detail: { key: 'igu.had_one' } }));
    });
  });
});
