/**
 * A proposal's copies of its candidate's jobcentre and its slot's network
 * (ADR 0008) may come from the statement that inserts it: the row trigger
 * looks them up only when the writer left them out. The matcher's upsert
 * joins candidates and slots in the same statement (same snapshot), so a
 * full re-match no longer runs a PL/pgSQL lookup for each of its ≈ 500,000
 * rows (ADR 0014 has the figures). Updates of the columns still go through
 * the lookup, whatever the writer set.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop trigger match_proposals_copy_visibility on match_proposals`.execute(db);
  await sql`create trigger match_proposals_copy_visibility before update of candidate_id, slot_id, candidate_jobcentre_id, slot_pooled_network_id
            on match_proposals for each row execute function match_proposals_copy_visibility()`.execute(db);
  await sql`create trigger match_proposals_copy_visibility_on_insert before insert on match_proposals
            for each row when (new.candidate_jobcentre_id is null) execute function match_proposals_copy_visibility()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger match_proposals_copy_visibility_on_insert on match_proposals`.execute(db);
  await sql`drop trigger match_proposals_copy_visibility on match_proposals`.execute(db);
  await sql`create trigger match_proposals_copy_visibility before insert or update of candidate_id, slot_id, candidate_jobcentre_id, slot_pooled_network_id
            on match_proposals for each row execute function match_proposals_copy_visibility()`.execute(db);
}
