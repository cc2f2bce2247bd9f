/**
 * SQL for the consultant's caseload and candidate page (issue 24): the
 * jobcentre's candidates, filtered, sorted and paged with the total; a
 * candidate's proposals, placements and dated notes; confirming or
 * declining a self-registration.
 */
import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';
import type { Executor } from '../client.server.js';
import type { CandidateTable, Cefr, DB, Locale, PlacementOutcome, SlotType } from '../schema.js';
import { containsPattern } from './like.js';

export type CaseloadStatus = 'pending' | 'active' | 'in_placement' | 'inactive' | 'archived';
export type CaseloadSort = 'name' | 'waited' | 'danish' | 'registered';

export type CaseloadFilter = {
  jobcentreId: string;
  name: string | null;
  status: CaseloadStatus | null;
  /** Waited at least this many days for a company-based offer (since `waiting_since`). */
  minDaysWaited: number | null;
  /** Spoken Danish at least this CEFR level. */
  danishAtLeast: Cefr | null;
  sector: string | null;
  sort: CaseloadSort;
  descending: boolean;
  today: string;
  limit: number;
  offset: number;
};

export type CaseloadRow = {
  id: string;
  full_name: string;
  status: 'pending' | 'active' | 'inactive' | 'archived';
  in_placement: boolean;
  waiting_since: string;
  days_waited: number;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  ambition_sectors: string[];
  postal_code: string;
  created_at: Date;
};

const inPlacement = sql<boolean>`exists (select 1 from placements p where p.candidate_id = candidates.id and p.status in ('planned', 'started'))`;

/** One page of the caseload and the total matching the filters. Pending self-registrations come first whatever the sort. */
export async function selectCaseload(db: Executor, filter: CaseloadFilter): Promise<{ rows: CaseloadRow[]; total: number }> {
  const where = (eb: ExpressionBuilder<DB, 'candidates'>) => {
    const conditions: Array<Expression<SqlBool>> = [eb('candidates.jobcentre_id', '=', filter.jobcentreId)];
    if (filter.name) conditions.push(eb('candidates.full_name', 'ilike', containsPattern(filter.name)));
    if (filter.status === 'in_placement') conditions.push(inPlacement);
    else if (filter.status === 'active') conditions.push(eb.and([eb('candidates.status', '=', 'active'), eb.not(inPlacement)]));
    else if (filter.status) conditions.push(eb('candidates.status', '=', filter.status));
    else conditions.push(eb('candidates.status', '<>', 'archived'));
    if (filter.minDaysWaited !== null)
      conditions.push(sql<boolean>`candidates.waiting_since <= ${filter.today}::date - ${filter.minDaysWaited}::int`);
    if (filter.danishAtLeast) conditions.push(eb('candidates.danish_spoken', '>=', filter.danishAtLeast));
    if (filter.sector) conditions.push(sql<boolean>`${filter.sector} = any(candidates.ambition_sectors)`);
    return eb.and(conditions);
  };
  const base = () => db.selectFrom('candidates');
  const totalRow = await base()
    .where(where)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const direction = filter.descending ? sql`desc` : sql`asc`;
  const order =
    filter.sort === 'waited'
      ? // Longest waited first is "descending" days, i.e. the earliest waiting_since.
        sql`candidates.waiting_since ${filter.descending ? sql`asc` : sql`desc`}`
      : filter.sort === 'danish'
        ? sql`candidates.danish_spoken ${direction} nulls last`
        : filter.sort === 'registered'
          ? sql`candidates.created_at ${direction}`
          : sql`lower(candidates.full_name) ${direction}`;
  const rows = await base()
    .where(where)
    .select([
      'candidates.id',
      'candidates.full_name',
      'candidates.status',
      inPlacement.as('in_placement'),
      'candidates.waiting_since',
      sql<number>`(${filter.today}::date - candidates.waiting_since)`.as('days_waited'),
      'candidates.danish_spoken',
      'candidates.danish_written',
      'candidates.ambition_sectors',
      'candidates.postal_code',
      'candidates.created_at',
    ])
    .orderBy(sql`candidates.status = 'pending'`, 'desc')
    .orderBy(order)
    .orderBy('candidates.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { rows, total: Number(totalRow.n) };
}

export type PendingRow = { id: string; full_name: string; email: string | null; postal_code: string; created_at: Date };

/** Self-registrations waiting for the jobcentre, oldest first. */
export async function selectPendingRegistrations(db: Executor, jobcentreId: string, limit: number): Promise<PendingRow[]> {
  return db
    .selectFrom('candidates')
    .select(['id', 'full_name', 'email', 'postal_code', 'created_at'])
    .where('jobcentre_id', '=', jobcentreId)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export type CandidateForDecision = {
  id: string;
  jobcentre_id: string;
  status: 'pending' | 'active' | 'inactive' | 'archived';
  full_name: string;
  email: string | null;
  user_id: string | null;
  locale: Locale | null;
};

export async function findCandidateForDecision(db: Executor, candidateId: string): Promise<CandidateForDecision | undefined> {
  return db
    .selectFrom('candidates')
    .leftJoin('users', 'users.id', 'candidates.user_id')
    .select([
      'candidates.id',
      'candidates.jobcentre_id',
      'candidates.status',
      'candidates.full_name',
      'candidates.email',
      'candidates.user_id',
      'users.locale',
    ])
    .where('candidates.id', '=', candidateId)
    .forUpdate('candidates')
    .executeTakeFirst();
}

export async function setCandidateStatus(
  db: Executor,
  candidateId: string,
  patch: { status: 'active' | 'inactive' | 'archived'; confirmed_at?: Date; archived_at?: Date | null },
): Promise<void> {
  await db
    .updateTable('candidates')
    .set({ ...patch, updated_at: sql`now()` })
    .where('id', '=', candidateId)
    .execute();
}

// ---- the candidate page --------------------------------------------------------------

export async function findCandidateById(db: Executor, candidateId: string): Promise<Selectable<CandidateTable> | undefined> {
  return db.selectFrom('candidates').selectAll().where('id', '=', candidateId).executeTakeFirst();
}

export type CandidateProposalRow = {
  proposal_id: string;
  slot_id: string;
  slot_title: string;
  slot_type: SlotType;
  organisation_name: string;
  source: 'matcher' | 'interest';
  status: 'proposed' | 'approved' | 'rejected' | 'stale';
  score: number | null;
  computed_at: Date;
  decided_at: Date | null;
};

export async function selectProposalsOfCandidate(db: Executor, candidateId: string): Promise<CandidateProposalRow[]> {
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .select([
      'match_proposals.id as proposal_id',
      'slots.id as slot_id',
      'slots.title as slot_title',
      'slots.type as slot_type',
      'organisations.name as organisation_name',
      'match_proposals.source',
      'match_proposals.status',
      'match_proposals.score',
      'match_proposals.computed_at',
      'match_proposals.decided_at',
    ])
    .where('match_proposals.candidate_id', '=', candidateId)
    .orderBy(sql`match_proposals.status = 'proposed'`, 'desc')
    .orderBy('match_proposals.score', 'desc')
    .limit(50)
    .execute();
}

export type CandidatePlacementRow = {
  id: string;
  type: SlotType;
  slot_title: string;
  organisation_name: string;
  status: 'planned' | 'started' | 'ended_early' | 'completed';
  start_date: string;
  end_date: string;
  started_on: string | null;
  ended_on: string | null;
  ended_reason: string | null;
  outcome: PlacementOutcome | null;
  outcome_on: string | null;
};

export async function selectPlacementsOfCandidate(db: Executor, candidateId: string): Promise<CandidatePlacementRow[]> {
  return db
    .selectFrom('placements')
    .innerJoin('slots', 'slots.id', 'placements.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .select([
      'placements.id',
      'placements.type',
      'slots.title as slot_title',
      'organisations.name as organisation_name',
      'placements.status',
      'placements.start_date',
      'placements.end_date',
      'placements.started_on',
      'placements.ended_on',
      'placements.ended_reason',
      'placements.outcome',
      'placements.outcome_on',
    ])
    .where('placements.candidate_id', '=', candidateId)
    .orderBy('placements.start_date', 'desc')
    .execute();
}

export type CandidateNoteRow = { id: string; body: string; written_at: Date; author_name: string | null };

export async function selectNotesOfCandidate(db: Executor, candidateId: string): Promise<CandidateNoteRow[]> {
  return db
    .selectFrom('candidate_notes')
    .leftJoin('users', 'users.id', 'candidate_notes.author_user_id')
    .select(['candidate_notes.id', 'candidate_notes.body', 'candidate_notes.written_at', 'users.display_name as author_name'])
    .where('candidate_notes.candidate_id', '=', candidateId)
    .orderBy('candidate_notes.written_at', 'desc')
    .orderBy('candidate_notes.id', 'desc')
    .execute();
}

export async function insertCandidateNote(db: Executor, row: { candidateId: string; authorUserId: string; body: string; at: Date }): Promise<void> {
  await db
    .insertInto('candidate_notes')
    .values({ candidate_id: row.candidateId, author_user_id: row.authorUserId, body: row.body, written_at: row.at })
    .execute();
}

// ---- a proposal's decision history -----------------------------------------------------

export type DecisionHistoryRow = {
  at: Date;
  kind: 'consultant' | 'employer';
  decision: string;
  reason: string | null;
  note: string | null;
  actor_name: string | null;
};

/** Who decided what on a proposal and when: the jobcentre's decisions and the employer's answer, oldest first. */
export async function selectDecisionHistory(db: Executor, proposalId: string): Promise<DecisionHistoryRow[]> {
  const consultant = await db
    .selectFrom('match_decisions')
    .leftJoin('users', 'users.id', 'match_decisions.decided_by')
    .select([
      'match_decisions.decided_at as at',
      sql<'consultant'>`'consultant'`.as('kind'),
      'match_decisions.decision',
      'match_decisions.reject_reason as reason',
      'match_decisions.note',
      'users.display_name as actor_name',
    ])
    .where('match_decisions.proposal_id', '=', proposalId)
    .execute();
  const employer = await db
    .selectFrom('employer_decisions')
    .leftJoin('users', 'users.id', 'employer_decisions.decided_by')
    .select([
      'employer_decisions.decided_at as at',
      sql<'employer'>`'employer'`.as('kind'),
      'employer_decisions.decision',
      'employer_decisions.reason',
      'employer_decisions.note',
      'users.display_name as actor_name',
    ])
    .where('employer_decisions.proposal_id', '=', proposalId)
    .execute();
  return [...consultant, ...employer].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}
