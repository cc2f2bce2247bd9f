/**
 * SQL for match proposals. The matcher writes only its own undecided rows
 * (source 'matcher', status 'proposed' or 'stale'); a consultant's decision
 * (approved, rejected) and proposals that came from a candidate's interest
 * are never overwritten or deleted here. `computed_at` is the database's
 * now() at the write.
 */
import { sql, type InsertType } from 'kysely';
import type { Executor } from '../client.server.js';
import type { MatchProposal, MatchProposalTable } from '../schema.js';

/**
 * A JSON value sent as text and cast in SQL: pg would send a JS array as a
 * PostgreSQL array, not JSON. Typed as the column's insert type because the
 * schema wraps these jsonb columns in `Generated<Json<…>>`.
 */
function jsonb<Column>(value: unknown) {
  return sql<NonNullable<InsertType<Column>>>`cast(${JSON.stringify(value)} as jsonb)`;
}

export type MatcherProposalRow = {
  slot_id: string;
  candidate_id: string;
  score: number;
  components: Record<string, number>;
  reasons: string[];
};

/** Rows per insert: 7 parameters a row stays far below PostgreSQL's 65,535, and PGlite parses small statements faster. */
const INSERT_BATCH = 500;
const UNDECIDED = ['proposed', 'stale'] as const;

/** Inserts or refreshes matcher proposals; decided and interest proposals for the same pair stay as they are. */
export async function upsertMatcherProposals(db: Executor, rows: readonly MatcherProposalRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH).map((row) => ({
      slot_id: row.slot_id,
      candidate_id: row.candidate_id,
      source: 'matcher' as const,
      score: row.score,
      components: jsonb<MatchProposalTable['components']>(row.components),
      reasons: jsonb<MatchProposalTable['reasons']>(row.reasons),
      status: 'proposed' as const,
    }));
    await db
      .insertInto('match_proposals')
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(['slot_id', 'candidate_id'])
          .doUpdateSet((eb) => ({
            score: eb.ref('excluded.score'),
            components: eb.ref('excluded.components'),
            reasons: eb.ref('excluded.reasons'),
            computed_at: eb.ref('excluded.computed_at'),
            status: 'proposed',
          }))
          .where('match_proposals.source', '=', 'matcher')
          .where('match_proposals.status', 'in', [...UNDECIDED]),
      )
      .execute();
  }
}

/**
 * Deletes the undecided matcher proposals of `slotIds` whose pair is not in
 * `keep` (the pairs the matcher still ranks).
 */
export async function deleteUnrankedProposals(
  db: Executor,
  slotIds: readonly string[],
  keep: ReadonlyArray<{ slot_id: string; candidate_id: string }>,
): Promise<number> {
  if (slotIds.length === 0) return 0;
  let query = db
    .deleteFrom('match_proposals')
    .where('slot_id', 'in', [...slotIds])
    .where('source', '=', 'matcher')
    .where('status', 'in', [...UNDECIDED]);
  if (keep.length > 0) {
    // Two arrays, not `(slot_id, candidate_id) not in (…800 tuples…)`: PostgreSQL expands a row
    // IN-list into a nested OR chain, which overflows PGlite's small stack and poisons the instance.
    const keepSlots = keep.map((pair) => pair.slot_id);
    const keepCandidates = keep.map((pair) => pair.candidate_id);
    query = query.where(
      sql<boolean>`not exists (
        select 1 from unnest(${sql.val(keepSlots)}::uuid[], ${sql.val(keepCandidates)}::uuid[]) as kept(slot_id, candidate_id)
        where kept.slot_id = match_proposals.slot_id and kept.candidate_id = match_proposals.candidate_id)`,
    );
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
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
