/**
 * SQL for match proposals. The matcher writes only its own undecided rows
 * (source 'matcher', status 'proposed' or 'stale'); a consultant's decision
 * (approved, rejected) and proposals that came from a candidate's interest
 * are never overwritten or deleted here. `computed_at` is the database's
 * now() at the write.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { MatchProposal } from '../schema.js';

export type MatcherProposalRow = {
  slot_id: string;
  candidate_id: string;
  score: number;
  components: Record<string, number>;
  reasons: string[];
};

/**
 * Rows per statement. A batch travels as ONE JSON parameter unpacked by
 * `jsonb_to_recordset`, not as 7 parameters a row: PGlite binds and parses
 * thousands of parameters slowly, while one JSON text is parsed natively.
 */
const INSERT_BATCH = 2_000;
const UNDECIDED = ['proposed', 'stale'] as const;

function recordsetJson(rows: ReadonlyArray<Pick<MatcherProposalRow, 'slot_id' | 'candidate_id'> & Partial<MatcherProposalRow>>): string {
  return JSON.stringify(rows);
}

/**
 * Inserts or refreshes matcher proposals; decided and interest proposals for
 * the same pair stay as they are. An undecided proposal whose score,
 * components and reasons did not change, and which is not stale, is left
 * alone (its `computed_at` keeps the time it last changed): a re-match that
 * ranks the same candidates the same way rewrites nothing.
 */
export async function upsertMatcherProposals(db: Executor, rows: readonly MatcherProposalRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = recordsetJson(rows.slice(start, start + INSERT_BATCH));
    await sql`
      insert into match_proposals (slot_id, candidate_id, source, score, components, reasons, status)
      select r.slot_id, r.candidate_id, 'matcher', r.score, r.components, r.reasons, 'proposed'
      from jsonb_to_recordset(cast(${batch} as jsonb))
        as r(slot_id uuid, candidate_id uuid, score double precision, components jsonb, reasons jsonb)
      on conflict (slot_id, candidate_id) do update set
        score = excluded.score,
        components = excluded.components,
        reasons = excluded.reasons,
        computed_at = excluded.computed_at,
        status = 'proposed'
      where match_proposals.source = 'matcher'
        and match_proposals.status in ('proposed', 'stale')
        and (match_proposals.status <> 'proposed'
          or match_proposals.score is distinct from excluded.score
          or match_proposals.components <> excluded.components
          or match_proposals.reasons <> excluded.reasons)`.execute(db);
  }
}

export type UndecidedProposalRow = {
  id: string;
  slot_id: string;
  candidate_id: string;
  status: 'proposed' | 'stale';
  score: number | null;
  components: Record<string, number>;
  reasons: string[];
};

/**
 * The undecided matcher proposals of `slotIds`, as ONE JSON row (PGlite
 * builds a JavaScript object per result row slowly; one JSON value parses
 * natively). A re-match compares them with what it ranked and writes only
 * what changed: sending every row for PostgreSQL to compare cost more than
 * reading them (parsing 8 MB of JSON per 200 slots).
 */
export async function selectUndecidedProposalsOfSlots(db: Executor, slotIds: readonly string[]): Promise<UndecidedProposalRow[]> {
  if (slotIds.length === 0) return [];
  const result = await sql<{ rows: UndecidedProposalRow[] }>`
    select coalesce(json_agg(json_build_object(
      'id', id, 'slot_id', slot_id, 'candidate_id', candidate_id, 'status', status,
      'score', score, 'components', components, 'reasons', reasons)), '[]'::json) as rows
    from match_proposals
    where slot_id = any(${sql.val([...slotIds])}::uuid[]) and source = 'matcher' and status in ('proposed', 'stale')`.execute(db);
  return result.rows[0]?.rows ?? [];
}

/** Deletes the given proposals if they are still undecided matcher proposals (a decision made meanwhile wins). */
export async function deleteUndecidedProposalsById(db: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .deleteFrom('match_proposals')
    .where(sql<boolean>`id = any(${sql.val([...ids])}::uuid[])`)
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Refreshes the planner's statistics of match_proposals. PGlite runs no
 * autovacuum, so without it the planner keeps the estimates of an empty table
 * and scans the whole table (and a status index) for a page of slots instead
 * of using the (slot_id, candidate_id) index; a full re-match calls it first.
 */
export async function analyzeProposals(db: Executor): Promise<void> {
  await sql`analyze match_proposals`.execute(db);
}

/** Deletes the undecided matcher proposals of a candidate (no longer matchable). */
export async function deleteUndecidedProposalsOfCandidate(db: Executor, candidateId: string): Promise<number> {
  const result = await db
    .deleteFrom('match_proposals')
    .where('candidate_id', '=', candidateId)
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes undecided matcher proposals of slots that are no longer published. */
export async function deleteProposalsOfUnpublishedSlots(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('match_proposals')
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .where('slot_id', 'not in', (eb) => eb.selectFrom('slots').select('id').where('status', '=', 'published'))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Slots where the candidate has an undecided matcher proposal. */
export async function selectUndecidedSlotIdsOfCandidate(db: Executor, candidateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('match_proposals')
    .select('slot_id')
    .where('candidate_id', '=', candidateId)
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED])
    .execute();
  return rows.map((row) => row.slot_id);
}

export type ProposalRow = Pick<
  MatchProposal,
  'id' | 'slot_id' | 'candidate_id' | 'source' | 'score' | 'components' | 'reasons' | 'computed_at' | 'status' | 'decided_at'
>;

const proposalColumns = ['id', 'slot_id', 'candidate_id', 'source', 'score', 'components', 'reasons', 'computed_at', 'status', 'decided_at'] as const;

/** Proposals of a slot, best score first; optionally only some statuses. */
export async function selectProposalsOfSlot(
  db: Executor,
  slotId: string,
  statuses?: ReadonlyArray<MatchProposal['status']>,
): Promise<ProposalRow[]> {
  let query = db
    .selectFrom('match_proposals')
    .select([...proposalColumns])
    .where('slot_id', '=', slotId)
    .orderBy(sql`score desc nulls last`)
    .orderBy('candidate_id');
  if (statuses) query = query.where('status', 'in', [...statuses]);
  return query.execute();
}

export async function countProposals(db: Executor): Promise<Record<MatchProposal['status'], number>> {
  const rows = await db
    .selectFrom('match_proposals')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<MatchProposal['status'], number> = { proposed: 0, approved: 0, rejected: 0, stale: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** What the routes need to authorise: the slot's organisation, and a candidate's jobcentre and user. */
export async function selectSlotOwner(db: Executor, slotId: string): Promise<{ organisation_id: string } | undefined> {
  return db.selectFrom('slots').select('organisation_id').where('id', '=', slotId).executeTakeFirst();
}

export async function selectCandidateOwner(db: Executor, candidateId: string): Promise<{ jobcentre_id: string; user_id: string | null } | undefined> {
  return db.selectFrom('candidates').select(['jobcentre_id', 'user_id']).where('id', '=', candidateId).executeTakeFirst();
}

/** Networks a jobcentre pools candidates in. */
export async function selectNetworkIdsOfJobcentre(db: Executor, jobcentreId: string): Promise<string[]> {
  const rows = await db.selectFrom('jobcentre_network_members').select('network_id').where('jobcentre_id', '=', jobcentreId).execute();
  return rows.map((row) => row.network_id);
}
