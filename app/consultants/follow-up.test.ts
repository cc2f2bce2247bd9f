import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { Conflict, Forbidden, InvalidInput, RuleViolation } from '../lib/errors.js';
import { createPlacement, loadPipeline, recordEmployerAnswer, recordPlacementEvent } from '../placements/placements.server.js';
import { createCohort, decideCohortMembers, loadCohorts, matchCohort } from './cohorts.server.js';
import { approveMatch } from './decisions.server.js';
import {
  addCandidate,
  addEmployer,
  addProposal,
  addSlot,
  buildConsultantWorld,
  consultantClock as clock,
  type ConsultantWorld,
} from '../../tests/setup/test-world.js';
import { employersToVerify, setEmployerVerification } from './verification.server.js';

describe.each(databaseKinds)('verification, placements and cohorts (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  const deps = () => ({ db: world.db, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 11);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('verifies employers in the own municipality only, and re-indexes their published slots', async () => {
    const local = await addEmployer(world, { status: 'unverified', postalCode: '6200' });
    const elsewhere = await addEmployer(world, { status: 'unverified', postalCode: '5000' });
    const slot = await addSlot(world, local);
    const listed = (await employersToVerify(deps(), world.consultants.aabenraa)).map((e) => e.id);
    expect(listed).toContain(local.organisationId);
    expect(listed).not.toContain(elsewhere.organisationId);
    await expect(
      setEmployerVerification(deps(), world.consultants.aabenraa, {
        action: 'verify',
        organisationId: local.organisationId,
        cvrChecked: true,
        contactConfirmed: false,
      }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      setEmployerVerification(deps(), world.consultants.aabenraa, {
        action: 'verify',
        organisationId: elsewhere.organisationId,
        cvrChecked: true,
        contactConfirmed: true,
      }),
    ).rejects.toBeInstanceOf(Forbidden);
    await setEmployerVerification(deps(), world.consultants.aabenraa, {
      action: 'verify',
      organisationId: local.organisationId,
      cvrChecked: true,
      contactConfirmed: true,
    });
    const organisation = await world.db
      .selectFrom('organisations')
      .select(['status', 'verified_by'])
      .where('id', '=', local.organisationId)
      .executeTakeFirstOrThrow();
    expect(organisation).toEqual({ status: 'verified', verified_by: world.consultants.aabenraa.id });
    const outbox = await world.db.selectFrom('search_outbox').select(['index_name', 'document_id']).where('document_id', '=', slot).execute();
    expect(outbox).toEqual([{ index_name: 'slots', document_id: slot }]);
    await setEmployerVerification(deps(), world.consultants.aabenraa, {
      action: 'suspend',
      organisationId: local.organisationId,
      note: 'Ingen mentor',
    });
    expect(
      (await world.db.selectFrom('organisations').select('status').where('id', '=', local.organisationId).executeTakeFirstOrThrow()).status,
    ).toBe('suspended');
  });

  it('follows an IGU from approval to an ordinary job, in order, each fact on or after its day', async () => {
    // The clock moves with the IGU: facts are recorded when they happen, never ahead of time.
    let now = clock();
    const at = (day: string) => {
      now = new Date(`${day}T09:00:00Z`);
    };
    const moving = () => ({ db: world.db, clock: () => now });
    const employer = await addEmployer(world);
    const slot = await addSlot(world, employer, { type: 'igu', weeks: 104, hours_per_week: 30, start_date: '2026-04-01' });
    const candidate = await addCandidate(world, world.jobcentres.aabenraa);
    const proposal = await addProposal(world, slot, candidate);
    await approveMatch(moving(), world.consultants.aabenraa, { proposalId: proposal });
    const input = { proposalId: proposal, startDate: '2026-04-01', endDate: '2028-03-31' };
    // No consent yet.
    await expect(createPlacement(moving(), world.consultants.aabenraa, input)).rejects.toBeInstanceOf(Conflict);
    await world.db
      .insertInto('consents')
      .values({ candidate_id: candidate, slot_id: slot, organisation_id: employer.organisationId, granted: true })
      .execute();
    await expect(createPlacement(moving(), world.consultants.aabenraa, input)).rejects.toThrow(/employer has not invited/);
    await expect(recordEmployerAnswer(moving(), world.consultants.soenderborg, { proposalId: proposal, decision: 'invite' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await recordEmployerAnswer(moving(), world.consultants.aabenraa, { proposalId: proposal, decision: 'invite' });
    // An answer on record is not flipped from a stale page; the same answer again changes nothing.
    await expect(recordEmployerAnswer(moving(), world.consultants.aabenraa, { proposalId: proposal, decision: 'decline' })).rejects.toThrow(
      /already answered/,
    );
    await recordEmployerAnswer(moving(), world.consultants.aabenraa, { proposalId: proposal, decision: 'invite' });
    expect(await world.db.selectFrom('employer_decisions').select('decision').where('proposal_id', '=', proposal).execute()).toEqual([
      { decision: 'invite' },
    ]);
    const placementId = await createPlacement(moving(), world.consultants.aabenraa, input);
    await expect(
      recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'outcome', on: '2026-03-02', outcome: 'ordinary_job' }),
    ).rejects.toBeInstanceOf(Conflict);
    // Not before it has happened.
    await expect(recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'start', on: '2026-04-01' })).rejects.toMatchObject({
      rule: 'placement.not_in_future',
    });
    at('2026-04-01');
    await recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'start', on: '2026-04-01' });
    at('2026-04-15');
    await recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, {
      kind: 'followUp',
      on: '2026-04-15',
      note: 'God start',
      nextFollowUp: '2026-05-15',
    });
    await expect(
      recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'milestone', on: '2026-04-15', milestone: 'bonus_6m' }),
    ).rejects.toMatchObject({
      rule: 'igu.bonus_6m_date',
    });
    at('2026-05-20');
    let item = (await loadPipeline(moving(), world.consultants.aabenraa)).find((p) => p.placement_id === placementId);
    expect(item?.stage).toBe('started');
    // The next follow-up, 2026-05-15, has passed: a reminder.
    expect(item?.followUpDue).toBe(true);
    at('2026-10-01');
    await recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'milestone', on: '2026-10-01', milestone: 'bonus_6m' });
    item = (await loadPipeline(moving(), world.consultants.aabenraa)).find((p) => p.placement_id === placementId);
    expect(item?.milestones).toEqual([
      { kind: 'bonus_6m', due_on: '2026-10-01', done_on: '2026-10-01' },
      { kind: 'school_part', due_on: '2028-03-31', done_on: null },
      { kind: 'bonus_24m', due_on: '2028-04-01', done_on: null },
    ]);
    at('2028-04-02');
    await recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'complete', on: '2028-03-31' });
    await recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'milestone', on: '2028-04-01', milestone: 'bonus_24m' });
    await expect(
      recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'outcome', on: '2028-03-30', outcome: 'ordinary_job' }),
    ).rejects.toMatchObject({
      rule: 'placement.outcome_after_end',
    });
    await recordPlacementEvent(moving(), world.consultants.aabenraa, placementId, { kind: 'outcome', on: '2028-04-01', outcome: 'ordinary_job' });
    item = (await loadPipeline(moving(), world.consultants.aabenraa)).find((p) => p.placement_id === placementId);
    expect(item).toMatchObject({ stage: 'ended', outcome: 'ordinary_job', outcome_on: '2028-04-01' });
    await expect(
      recordPlacementEvent(moving(), world.consultants.soenderborg, placementId, { kind: 'followUp', on: '2026-05-01' }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it('pools network candidates into a cohort; each home jobcentre approves its own, within the seats', async () => {
    const own = await addCandidate(world, world.jobcentres.aabenraa, { ambition_sectors: ['cleaning'], full_name: 'Own cleaner' });
    const partner = await addCandidate(world, world.jobcentres.soenderborg, { ambition_sectors: ['cleaning'] });
    const outsider = await addCandidate(world, world.jobcentres.odense, { ambition_sectors: ['cleaning'] });
    const own2 = await addCandidate(world, world.jobcentres.aabenraa, { ambition_sectors: ['cleaning'] });
    await expect(
      createCohort(deps(), world.consultants.odense, {
        networkId: world.networkId,
        title: 'Rengøring',
        sector: 'cleaning',
        courseStart: '2026-05-01',
        courseEnd: '2026-06-30',
        seats: 1,
      }),
    ).rejects.toBeInstanceOf(Forbidden);
    const cohortId = await createCohort(deps(), world.consultants.aabenraa, {
      networkId: world.networkId,
      title: 'Branchepakke rengøring',
      sector: 'cleaning',
      courseStart: '2026-05-01',
      courseEnd: '2026-06-30',
      seats: 1,
    });
    expect(await matchCohort(deps(), world.consultants.soenderborg, cohortId)).toBe(2);
    const memberIds = async () =>
      (await world.db.selectFrom('cohort_members').select('candidate_id').where('cohort_id', '=', cohortId).execute()).map((m) => m.candidate_id);
    const members = await memberIds();
    expect(members).not.toContain(outsider);
    expect(members.length).toBe(2);
    expect((await loadCohorts(deps(), world.consultants.aabenraa)).cohorts.find((c) => c.id === cohortId)?.members).toHaveLength(2);
    expect(await matchCohort(deps(), world.consultants.aabenraa, cohortId)).toBe(2);
    const all = await memberIds();
    expect(all.sort()).toEqual([own, partner, own2].concat(all.filter((id) => ![own, partner, own2].includes(id))).sort());
    await expect(
      decideCohortMembers(deps(), world.consultants.aabenraa, { cohortId, candidateIds: [partner], decision: 'approve' }),
    ).rejects.toBeInstanceOf(Forbidden);
    await decideCohortMembers(deps(), world.consultants.aabenraa, { cohortId, candidateIds: [own], decision: 'approve' });
    const seats = await decideCohortMembers(deps(), world.consultants.aabenraa, { cohortId, candidateIds: [own2], decision: 'approve' }).catch(
      (e: unknown) => e,
    );
    expect(seats).toBeInstanceOf(RuleViolation);
    await expect(loadCohorts(deps(), world.consultants.odense).then((o) => o.cohorts.map((c) => c.id))).resolves.not.toContain(cohortId);
  });
});
