/**
 * SQL for CPR numbers registered at two jobcentres (cpr_duplicate_flags):
 * each flag is seen by both jobcentres and settled by either.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';

export async function insertCprDuplicateFlags(db: Executor, candidateId: string, otherCandidateIds: readonly string[]): Promise<void> {
  if (otherCandidateIds.length === 0) return;
  await db
    .insertInto('cpr_duplicate_flags')
    .values(otherCandidateIds.map((other) => ({ candidate_id: candidateId, other_candidate_id: other })))
    .onConflict((oc) => oc.columns(['candidate_id', 'other_candidate_id']).doNothing())
    .execute();
}

export type CprDuplicateFlagRow = {
  id: string;
  found_at: Date;
  /** The candidate of the asking jobcentre. */
  own_candidate_id: string;
  own_candidate_name: string;
  /** Only the other jobcentre's name: its candidate's data stays there. */
  other_jobcentre_name: string;
};

/** Open flags that involve a candidate of the jobcentre, newest first. */
export async function selectOpenCprDuplicateFlags(db: Executor, jobcentreId: string): Promise<CprDuplicateFlagRow[]> {
  const mine = sql`a.jobcentre_id = ${jobcentreId}::uuid`;
  const result = await sql<CprDuplicateFlagRow>`
    select f.id, f.found_at,
           case when ${mine} then a.id else b.id end as own_candidate_id,
           case when ${mine} then a.full_name else b.full_name end as own_candidate_name,
           (select j.name from jobcentres j where j.id = case when ${mine} then b.jobcentre_id else a.jobcentre_id end) as other_jobcentre_name
      from cpr_duplicate_flags f
      join candidates a on a.id = f.candidate_id
      join candidates b on b.id = f.other_candidate_id
     where f.resolved_at is null and (a.jobcentre_id = ${jobcentreId}::uuid or b.jobcentre_id = ${jobcentreId}::uuid)
     order by f.found_at desc`.execute(db);
  return result.rows;
}

/** Settles an open flag that involves a candidate of the jobcentre; returns whether one was settled. */
export async function resolveCprDuplicateFlag(db: Executor, input: { flagId: string; jobcentreId: string; by: string; at: Date }): Promise<boolean> {
  const row = await db
    .updateTable('cpr_duplicate_flags')
    .set({ resolved_at: input.at, resolved_by: input.by })
    .where('id', '=', input.flagId)
    .where('resolved_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('candidate_id', 'in', eb.selectFrom('candidates').select('id').where('jobcentre_id', '=', input.jobcentreId)),
        eb('other_candidate_id', 'in', eb.selectFrom('candidates').select('id').where('jobcentre_id', '=', input.jobcentreId)),
      ]),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
