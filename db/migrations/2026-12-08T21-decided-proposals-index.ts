/**
 * The (status, score) index of match proposals covers only decided ones.
 * Undecided proposals are found through the queue's indexes (by jobcentre,
 * by network) and the (slot_id, candidate_id) key; the status index served
 * only lookups of approved and rejected proposals, yet every row the matcher
 * wrote went into it: a fifth of the time of writing a page of 10,000
 * proposals (1,010 → 800 ms on the national bench database). Now a proposal
 * enters it when it is decided.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index match_proposals_status_idx`.execute(db);
  await sql`create index match_proposals_decided_idx on match_proposals (status, score desc) where status in ('approved', 'rejected')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index match_proposals_decided_idx`.execute(db);
  await sql`create index match_proposals_status_idx on match_proposals (status, score desc)`.execute(db);
}
