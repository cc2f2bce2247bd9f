import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { Conflict, Forbidden, InvalidInput, RuleViolation } from '../lib/errors.js';
import { createPlacement, loadPipeline, recordEmployerAnswer, recordPlacementEvent } from '../placements/placements.server.js';
import { createCohort, decideCohortMembers, loadCohorts, matchCohort } from './cohorts.server.js';
import { approveMatch } from './decisions.server.js';
import { addCandidate, addEmployer, addProposal, addSlot, buildWorld, clock, type World } from './test-world.js';
import { employersToVerify, setEmployerVerification } from './verification.server.js';

describe.each(databaseKinds)('verification, placements and cohorts (%s)', (kind) => {
  let database: TestDatabase;
  let world: World;
  const deps = () => ({ db: world.db, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildWorld(database.db, 11);
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
      setEmployerVerification(deps(), world.consultants.aabenraa, { action: 'verify', organisationId: local.organisationId, cvrChecked: true, contactConfirmed: false }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      setEmployerVerification(deps(), world.consultants.aabenraa, { action: 'verify', organisationId: elsewhere.organisationId, cvrChecked: true, contactConfirmed: true }),
    ).rejects.toBeInstanceOf(Forbidden);
    await setEmployerVerification(deps(), world.consultants.aabenraa, { action: 'verify', organisationId: local.organisationId, cvrChecked: true, contactConfirmed: true });
    const organisation = await world.db.selectFrom('organisations').select(['status', 'verified_by']).where('id', '=', local.organisationId).executeTakeFirstOrThrow();
    expect(organisation).toEqual({ status: 'verified', verified_by: world.consultants.aabenraa.id });
    const outbox = await world.db.selectFrom('search_outbox').select(['index_name', 'document_id']).where('document_id', '=', slot).execute();
    expect(outbox).toEqual([{ index_name: 'slots', document_id: slot }]);
    await setEmployerVerification(deps(), world.consultants.aabenraa, { action: 'suspend', organisationId: local.organisationId, note: 'Ingen mentor' });
    expect((await world.db.selectFrom('organisations').select('status').where('id', '=', local.organisationId).executeTakeFirstOrThrow()).status).toBe('suspended');
  });

  it('follows an IGU from approval to an ordinary job, in order', async () => {
    const employer = await addEmployer(world);
    const slot = await addSlot(world, employer, { type: 'igu', weeks: 104, hours_per_week: 30, start_date: '2026-04-01' });
    const candidate = await addCandidate(world, world.jobcentres.aabenraa);
    const proposal = await addProposal(world, slot, candidate);
    await approveMatch(deps(), world.consultants.aabenraa, { proposalId: proposal });
    const input = { proposalId: proposal, startDate: '2026-04-01', endDate: '2028-03-30' };
    // No consent yet.
    await expect(createPlacement(deps(), world.consultants.aabenraa, input)).rejects.toBeInstanceOf(Conflict);
    await world.db.insertInto('consents').values({ candidate_id: candidate, slot_id: slot, organisation_id: employer.organisationId, granted: true }).execute();
    await expect(createPlacement(deps(), world.consultants.aabenraa, input)).rejects.toThrow(/employer has not invited/);
    await expect(recordEmployerAnswer(deps(), world.consultants.soenderborg, { proposalId: proposal, decision: 'invite' })).rejects.toBeInstanceOf(Forbidden);
    await recordEmployerAnswer(deps(), world.consultants.aabenraa, { proposalId: proposal, decision: 'invite' });
    const placementId = await createPlacement(deps(), world.consultants.aabenraa, input);
    await expect(recordPlacementEvent(deps(), world.consultants.aabenraa, placementId, { kind: 'outcome', on: '2026-05-01', outcome: 'ordinary_job' })).rejects.toBeInstanceOf(Conflict);
    await recordPlacementEvent(deps(), world.consultants.aabenraa, placementId, { kind: 'start', on: '2026-04-01' });
    await recordPlacementEvent(deps(), world.consultants.aabenraa, placementId, { kind: 'followUp', on: '2026-03-01', note: 'God start', nextFollowUp: '2026-03-02' });
    await recordPlacementEvent(deps(), world.consultants.aabenraa, placementId, { kind: 'milestone', on: '2026-10-01', milestone: 'bonus_6m' });
    let item = (await loadPipeline(deps(), world.consultants.aabenraa)).find((p) => p.placement_id === placementId);
    expect(item?.stage).toBe('started');
    // Next follow-up 2026-03-02 is today: a reminder.
    expect(item?.followUpDue).toBe(true);
    expect(item?.milestones).toEqual([
      { kind: 'bonus_6m', due_on: '2026-10-01', done_on: '2026-10-01' },
      { kind: 'school_part', due_on: '2028-03-30', done_on: null },
      { kind: 'bonus_24m', due_on: '2028-04-01', done_on: null },
    ]);
    await recordPlacementEvent(deps(), world.consultants.aabenraa, placementId, { kind: 'complete', on: '2028-03-30' });
    await recordPlacementEvent(deps(), world.consultants.aabenraa, placementId, { kind: 'outcome', on: '2028-04-01', outcome: 'ordinary_job' });
    item = (await loadPipeline(deps(), world.consultants.aabenraa)).find((p) => p.placement_id === placementId);
    expect(item).toMatchObject({ stage: 'ended', outcome: 'ordinary_job', outcome_on: '2028-04-01' });
    await expect(recordPlacementEvent(deps(), world.consultants.soenderborg, placementId, { kind: 'followUp', on: '2026-05-01' })).rejects.toBeInstanceOf(Forbidden);
  });

  it('pools network candidates into a cohort; each home jobcentre approves its own, within the seats', async () => {
    const own = await addCandidate(world, world.jobcentres.aabenraa, { ambition_sectors: ['cleaning'], full_name: 'Own cleaner' });
    const partner = await addCandidate(world, world.jobcentres.soenderborg, { ambition_sectors: ['cleaning'] });
    const outsider = await addCandidate(world, world.jobcentres.odense, { ambition_sectors: ['cleaning'] });
    const own2 = await addCandidate(world, world.jobcentres.aabenraa, { ambition_sectors: ['cleaning'] });
    await expect(
      createCohort(deps(), world.consultants.odense, { networkId: world.networkId, title: 'Rengøring', sector: 'cleaning', courseStart: '2026-05-01', courseEnd: '2026-06-30', seats: 1 }),
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
    const overview = await loadCohorts(deps(), world.consultants.aabenraa);
    const members = overview.cohorts.find((c) => c.id === cohortId)?.members.map((m) => m.candidate_id) ?? [];
    expect(members).not.toContain(outsider);
    expect(members.length).toBe(2);
    expect(await matchCohort(deps(), world.consultants.aabenraa, cohortId)).toBe(2);
    const all = (await loadCohorts(deps(), world.consultants.aabenraa)).cohorts.find((c) => c.id === cohortId)?.members.map((m) => m.candidate_id) ?? [];
    expect(all.sort()).toEqual([own, partner, own2].concat(all.filter((id) => ![own, partner, own2].includes(id))).sort());
    await expect(decideCohortMembers(deps(), world.consultants.aabenraa, { cohortId, candidateIds: [partner], decision: 'approve' })).rejects.toBeInstanceOf(Forbidden);
    await decideCohortMembers(deps(), world.consultants.aabenraa, { cohortId, candidateIds: [own], decision: 'approve' });
    const seats = await decideCohortMembers(deps(), world.consultants.aabenraa, { cohortId, candidateIds: [own2], decision: 'approve' }).catch((e: unknown) => e);
    expect(seats).toBeInstanceOf(RuleViolation);
    await expect(loadCohorts(deps(), world.consultants.odense).then((o) => o.cohorts.map((c) => c.id))).resolves.not.toContain(cohortId);
  });
});
