/**
 * SQL for following placements: the pipeline from an approved match to a
 * placement (consent, employer decision), the placement itself, follow-up
 * visits with the next follow-up date, and IGU milestones.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { MilestoneKind, PlacementOutcome, SlotType } from '../schema.js';

export type PipelineRow = {
  proposal_id: string;
  approved_at: Date | null;
  candidate_id: string;
  candidate_name: string;
  slot_id: string;
  slot_title: string;
  slot_type: SlotType;
  slot_start_date: string;
  slot_weeks: number;
  organisation_name: string;
  shared: boolean | null;
  employer_decision: 'invite' | 'decline' | null;
  placement_id: string | null;
  placement_status: 'planned' | 'started' | 'ended_early' | 'completed' | null;
  start_date: string | null;
  end_date: string | null;
  started_on: string | null;
  ended_on: string | null;
  ended_reason: string | null;
  outcome: PlacementOutcome | null;
  outcome_on: string | null;
  next_follow_up: string | null;
  /** Extensions recorded on the placement (its end moved later). */
  extensions: number;
};

/** Approved matches of the jobcentre's candidates, with where each stands. */
export async function selectPipeline(db: Executor, jobcentreId: string): Promise<PipelineRow[]> {
  return db
    .selectFrom('match_proposals')
    .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .leftJoin('employer_decisions', 'employer_decisions.proposal_id', 'match_proposals.id')
    .leftJoin('placements', 'placements.proposal_id', 'match_proposals.id')
    .select([
      'match_proposals.id as proposal_id',
      sql<Date | null>`match_proposals.decided_at`.as('approved_at'),
      'candidates.id as candidate_id',
      'candidates.full_name as candidate_name',
      'slots.id as slot_id',
      'slots.title as slot_title',
      'slots.type as slot_type',
      'slots.start_date as slot_start_date',
      'slots.weeks as slot_weeks',
      'organisations.name as organisation_name',
      sql<boolean | null>`(select c.granted from consents c
        where c.candidate_id = candidates.id and c.slot_id = slots.id and c.revoked_at is null
        order by c.recorded_at desc limit 1)`.as('shared'),
      'employer_decisions.decision as employer_decision',
      'placements.id as placement_id',
      'placements.status as placement_status',
      'placements.start_date',
      'placements.end_date',
      'placements.started_on',
      'placements.ended_on',
      'placements.ended_reason',
      'placements.outcome',
      'placements.outcome_on',
      sql<string | null>`(select to_char(f.next_follow_up, 'YYYY-MM-DD') from placement_follow_ups f
        where f.placement_id = placements.id order by f.visited_on desc, f.recorded_at desc limit 1)`.as('next_follow_up'),
      sql<number>`(select count(*)::int from placement_extensions e where e.placement_id = placements.id)`.as('extensions'),
    ])
    .where('candidates.jobcentre_id', '=', jobcentreId)
    .where('match_proposals.status', '=', 'approved')
    .orderBy(sql`placements.outcome is not null`)
    .orderBy('slots.start_date')
    .orderBy('match_proposals.id')
    .execute();
}

export type ProposalForPlacement = {
  proposal_id: string;
  status: 'proposed' | 'approved' | 'rejected' | 'stale';
  candidate_id: string;
  candidate_jobcentre_id: string;
  slot_id: string;
  slot_type: SlotType;
  approved_at: Date | null;
  organisation_id: string;
  is_private: boolean;
  shared: boolean | null;
  employer_decision: 'invite' | 'decline' | null;
  placement_id: string | null;
};

export async function findProposalForPlacement(db: Executor, proposalId: string): Promise<ProposalForPlacement | undefined> {
  return db
    .selectFrom('match_proposals')
    .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .leftJoin('employer_decisions', 'employer_decisions.proposal_id', 'match_proposals.id')
    .leftJoin('placements', 'placements.proposal_id', 'match_proposals.id')
    .select([
      'match_proposals.id as proposal_id',
      'match_proposals.status',
      'candidates.id as candidate_id',
      'candidates.jobcentre_id as candidate_jobcentre_id',
      'slots.id as slot_id',
      'slots.type as slot_type',
      'match_proposals.decided_at as approved_at',
      'organisations.id as organisation_id',
      'organisations.is_private',
      sql<boolean | null>`(select c.granted from consents c
        where c.candidate_id = candidates.id and c.slot_id = slots.id and c.revoked_at is null
        order by c.recorded_at desc limit 1)`.as('shared'),
      'employer_decisions.decision as employer_decision',
      'placements.id as placement_id',
    ])
    .where('match_proposals.id', '=', proposalId)
    .forUpdate('match_proposals')
    .executeTakeFirst();
}

export async function insertPlacement(
  db: Executor,
  row: { proposal_id: string; slot_id: string; candidate_id: string; type: SlotType; start_date: string; end_date: string; created_by: string },
): Promise<string> {
  const inserted = await db.insertInto('placements').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export type PlacementRow = {
  id: string;
  type: SlotType;
  status: 'planned' | 'started' | 'ended_early' | 'completed';
  start_date: string;
  end_date: string;
  started_on: string | null;
  ended_on: string | null;
  candidate_id: string;
  candidate_jobcentre_id: string;
  /** When the match behind it was approved (null for a placement recorded without a match). */
  approved_at: Date | null;
};

export async function findPlacement(db: Executor, placementId: string): Promise<PlacementRow | undefined> {
  return db
    .selectFrom('placements')
    .innerJoin('candidates', 'candidates.id', 'placements.candidate_id')
    .select([
      'placements.id',
      'placements.type',
      'placements.status',
      'placements.start_date',
      'placements.end_date',
      'placements.started_on',
      'placements.ended_on',
      'placements.candidate_id',
      'candidates.jobcentre_id as candidate_jobcentre_id',
      (eb) =>
        eb
          .selectFrom('match_proposals')
          .select('match_proposals.decided_at')
          .whereRef('match_proposals.id', '=', 'placements.proposal_id')
          .where('match_proposals.status', '=', 'approved')
          .as('approved_at'),
    ])
    .where('placements.id', '=', placementId)
    .forUpdate('placements')
    .executeTakeFirst();
}

export async function updatePlacement(
  db: Executor,
  placementId: string,
  patch: {
    status?: 'planned' | 'started' | 'ended_early' | 'completed';
    started_on?: string;
    ended_on?: string;
    ended_reason?: string;
    outcome?: PlacementOutcome;
    outcome_on?: string;
  },
): Promise<void> {
  await db.updateTable('placements').set(patch).where('id', '=', placementId).execute();
}

/** Moves a placement's end later; the extension row comes first, the database checks it is there. */
export async function insertExtension(
  db: Executor,
  row: { placement_id: string; previous_end: string; new_end: string; reason: string; decided_by: string },
): Promise<void> {
  await db.insertInto('placement_extensions').values(row).execute();
  await db.updateTable('placements').set({ end_date: row.new_end }).where('id', '=', row.placement_id).execute();
}

/** Milestones fall due counting from the actual start, set when the start is recorded. */
export async function setMilestoneDue(db: Executor, placementId: string, kind: MilestoneKind, dueOn: string): Promise<void> {
  await db.updateTable('placement_milestones').set({ due_on: dueOn }).where('placement_id', '=', placementId).where('kind', '=', kind).execute();
}

export async function insertFollowUp(
  db: Executor,
  row: { placement_id: string; visited_on: string; note: string; next_follow_up: string | null; recorded_by: string },
): Promise<void> {
  await db.insertInto('placement_follow_ups').values(row).execute();
}

export async function insertMilestones(
  db: Executor,
  rows: ReadonlyArray<{ placement_id: string; kind: MilestoneKind; due_on: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('placement_milestones')
    .values([...rows])
    .execute();
}

export async function markMilestoneDone(db: Executor, placementId: string, kind: MilestoneKind, doneOn: string, by: string): Promise<number> {
  const result = await db
    .updateTable('placement_milestones')
    .set({ done_on: doneOn, recorded_by: by })
    .where('placement_id', '=', placementId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function selectMilestonesOf(
  db: Executor,
  placementIds: readonly string[],
): Promise<Array<{ placement_id: string; kind: MilestoneKind; due_on: string; done_on: string | null }>> {
  if (placementIds.length === 0) return [];
  return db
    .selectFrom('placement_milestones')
    .select(['placement_id', 'kind', 'due_on', 'done_on'])
    .where('placement_id', 'in', [...placementIds])
    .orderBy('due_on')
    .execute();
}

export async function selectOtherPlacementPeriods(
  db: Executor,
  candidateId: string,
  exceptProposalId: string,
): Promise<Array<{ start_date: string; end_date: string; status: 'planned' | 'started' | 'ended_early' | 'completed'; ended_on: string | null }>> {
  return db
    .selectFrom('placements')
    .select(['start_date', 'end_date', 'status', 'ended_on'])
    .where('candidate_id', '=', candidateId)
    .where((eb) => eb.or([eb('proposal_id', 'is', null), eb('proposal_id', '<>', exceptProposalId)]))
    .execute();
}

/** The employer's answer as relayed to the consultant (e.g. by phone); the employer may change it later on their own pages. */
export async function upsertEmployerAnswer(
  db: Executor,
  row: { proposal_id: string; decision: 'invite' | 'decline'; decided_by: string; decided_at: Date },
): Promise<void> {
  await db
    .insertInto('employer_decisions')
    .values({ ...row, reason: row.decision === 'decline' ? 'other' : null, note: 'recorded by the jobcentre' })
    .onConflict((oc) =>
      oc.column('proposal_id').doUpdateSet({
        decision: row.decision,
        reason: row.decision === 'decline' ? 'other' : null,
        decided_by: row.decided_by,
        decided_at: row.decided_at,
      }),
    )
    .execute();
}
