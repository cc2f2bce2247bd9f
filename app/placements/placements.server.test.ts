/**
 * The placement date rules through the domain AND straight against the
 * database (its constraints and triggers are the backstop for any writer that
 * bypasses the domain), on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { addCandidate, addEmployer, addProposal, addSlot, buildConsultantWorld, type ConsultantWorld } from '../../tests/setup/test-world.js';
import { createPlacement, recordPlacementEvent } from './placements.server.js';

describe.each(databaseKinds)('placement date rules (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  let now = new Date('2026-03-02T09:00:00Z');
  const deps = () => ({ db: world.db, clock: () => now });
  const at = (day: string, time = '09:00:00Z') => {
    now = new Date(`${day}T${time}`);
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 24);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  /** An approved, shared and invited match, approved at `approvedAt`. */
  async function readyMatch(type: 'igu' | 'praktik' | 'loentilskud', approvedAt: string, startDate = '2026-04-01') {
    const employer = await addEmployer(world);
    const slot = await addSlot(world, employer, {
      type,
      weeks: type === 'igu' ? 104 : type === 'praktik' ? 13 : 26,
      hours_per_week: 30,
      start_date: startDate,
    });
    const candidate = await addCandidate(world, world.jobcentres.aabenraa);
    const proposal = await addProposal(world, slot, candidate);
    await world.db
      .updateTable('match_proposals')
      .set({ status: 'approved', decided_at: new Date(approvedAt), decided_by: world.consultants.aabenraa.id })
      .where('id', '=', proposal)
      .execute();
    await world.db
      .insertInto('consents')
      .values({ candidate_id: candidate, slot_id: slot, organisation_id: employer.organisationId, granted: true })
      .execute();
    await world.db.insertInto('employer_decisions').values({ proposal_id: proposal, decision: 'invite' }).execute();
    return { proposal, slot, candidate };
  }

  it('refuses a placement that starts before its approval (in Danish days), in the domain and in the database', async () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Copenhagen: approved on 2 March.
    const match = await readyMatch('praktik', '2026-03-01T23:30:00Z');
    at('2026-03-02');
    await expect(
      createPlacement(deps(), world.consultants.aabenraa, { proposalId: match.proposal, startDate: '2026-03-01', endDate: '2026-04-01' }),
    ).rejects.toMatchObject({
      rule: 'placement.start_after_approval',
    });
    await expect(
      world.db
        .insertInto('placements')
        .values({
          proposal_id: match.proposal,
          slot_id: match.slot,
          candidate_id: match.candidate,
          type: 'praktik',
          start_date: '2026-03-01',
          end_date: '2026-04-01',
        })
        .execute(),
    ).rejects.toThrow(/placement.start_after_approval/);
    const id = await createPlacement(deps(), world.consultants.aabenraa, {
      proposalId: match.proposal,
      startDate: '2026-03-02',
      endDate: '2026-04-01',
    });
    await expect(world.db.updateTable('placements').set({ started_on: '2026-03-01' }).where('id', '=', id).execute()).rejects.toThrow(
      /start_after_approval/,
    );
  });

  it('keeps a praktik within 13 weeks unless an extension is recorded, and within 26 with one', async () => {
    const match = await readyMatch('praktik', '2026-03-02T08:00:00Z', '2026-03-09');
    at('2026-03-09');
    // 13 weeks from 9 March end on 7 June.
    await expect(
      createPlacement(deps(), world.consultants.aabenraa, { proposalId: match.proposal, startDate: '2026-03-09', endDate: '2026-06-08' }),
    ).rejects.toMatchObject({
      rule: 'praktik.max_end',
    });
    const id = await createPlacement(deps(), world.consultants.aabenraa, {
      proposalId: match.proposal,
      startDate: '2026-03-09',
      endDate: '2026-06-07',
    });
    await recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'start', on: '2026-03-09' });
    // Moving the end without recording an extension is refused by the database.
    await expect(world.db.updateTable('placements').set({ end_date: '2026-07-01' }).where('id', '=', id).execute()).rejects.toThrow(
      /without a recorded extension/,
    );
    await expect(
      recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'extend', newEnd: '2026-09-07', reason: 'Mere tid' }),
    ).rejects.toMatchObject({
      rule: 'praktik.extension',
    });
    await recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'extend', newEnd: '2026-09-06', reason: 'Mere tid til sproget' });
    const extensions = await world.db
      .selectFrom('placement_extensions')
      .select(['previous_end', 'new_end', 'reason', 'decided_by'])
      .where('placement_id', '=', id)
      .execute();
    expect(extensions).toEqual([
      { previous_end: '2026-06-07', new_end: '2026-09-06', reason: 'Mere tid til sproget', decided_by: world.consultants.aabenraa.id },
    ]);
    // Even with an extension row, the database caps a praktik at 26 weeks.
    await world.db
      .insertInto('placement_extensions')
      .values({ placement_id: id, previous_end: '2026-09-06', new_end: '2026-09-07', reason: 'x' })
      .execute();
    await expect(world.db.updateTable('placements').set({ end_date: '2026-09-07' }).where('id', '=', id).execute()).rejects.toThrow(
      /placements_max_end/,
    );
  });

  it('refuses a løntilskud beyond 12 months in the database', async () => {
    const match = await readyMatch('loentilskud', '2026-03-02T08:00:00Z');
    const row = {
      proposal_id: match.proposal,
      slot_id: match.slot,
      candidate_id: match.candidate,
      type: 'loentilskud' as const,
      start_date: '2026-04-01',
    };
    await expect(
      world.db
        .insertInto('placements')
        .values({ ...row, end_date: '2027-04-01' })
        .execute(),
    ).rejects.toThrow(/placements_max_end/);
    await world.db
      .insertInto('placements')
      .values({ ...row, end_date: '2027-03-31' })
      .execute();
  });

  it('refuses completing on the start day, an outcome before the end and an IGU bonus before 6 months, in the domain and the database', async () => {
    const match = await readyMatch('igu', '2026-03-02T08:00:00Z');
    at('2026-03-02');
    const id = await createPlacement(deps(), world.consultants.aabenraa, {
      proposalId: match.proposal,
      startDate: '2026-04-01',
      endDate: '2028-03-31',
    });
    await expect(
      recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'milestone', on: '2026-03-02', milestone: 'bonus_6m' }),
    ).rejects.toMatchObject({
      rule: 'igu.bonus_6m_date',
    });
    at('2026-04-02');
    await recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'start', on: '2026-04-02' });
    // The bonus counts from the actual start, a day later than planned.
    const due = await world.db
      .selectFrom('placement_milestones')
      .select(['kind', 'due_on'])
      .where('placement_id', '=', id)
      .orderBy('due_on')
      .execute();
    expect(due).toEqual([
      { kind: 'bonus_6m', due_on: '2026-10-02' },
      { kind: 'school_part', due_on: '2028-03-31' },
      { kind: 'bonus_24m', due_on: '2028-04-02' },
    ]);
    await expect(recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'complete', on: '2026-04-02' })).rejects.toMatchObject({
      rule: 'placement.completion_after_start',
    });
    await expect(
      world.db.updateTable('placements').set({ status: 'completed', ended_on: '2026-04-02' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/placements_completed_after_start/);
    await expect(
      world.db
        .updateTable('placement_milestones')
        .set({ done_on: '2026-10-01' })
        .where('placement_id', '=', id)
        .where('kind', '=', 'bonus_6m')
        .execute(),
    ).rejects.toThrow(/igu.bonus_6m_date/);
    await world.db
      .updateTable('placement_milestones')
      .set({ done_on: '2026-10-02' })
      .where('placement_id', '=', id)
      .where('kind', '=', 'bonus_6m')
      .execute();
    at('2026-11-01');
    await recordPlacementEvent(deps(), world.consultants.aabenraa, id, { kind: 'endEarly', on: '2026-10-31', reason: 'Flyttede' });
    await expect(
      world.db.updateTable('placements').set({ outcome: 'education', outcome_on: '2026-10-30' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/placements_outcome_after_end/);
    // The completion bonus needs a completed IGU.
    await expect(
      world.db
        .updateTable('placement_milestones')
        .set({ done_on: '2028-04-03' })
        .where('placement_id', '=', id)
        .where('kind', '=', 'bonus_24m')
        .execute(),
    ).rejects.toThrow(/igu.bonus_24m_date/);
  });

  it('keeps a candidate note as history: it cannot be changed, only added to', async () => {
    const candidate = await addCandidate(world, world.jobcentres.aabenraa);
    const note = await world.db
      .insertInto('candidate_notes')
      .values({ candidate_id: candidate, author_user_id: world.consultants.aabenraa.id, body: 'Første samtale' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(world.db.updateTable('candidate_notes').set({ body: 'Omskrevet' }).where('id', '=', note.id).execute()).rejects.toThrow(/history/);
    const bodies = await world.db.selectFrom('candidate_notes').select('body').where('candidate_id', '=', candidate).execute();
    expect(bodies).toEqual([{ body: 'Første samtale' }]);
  });
});
