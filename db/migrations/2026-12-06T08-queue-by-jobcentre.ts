/**
 * The consultant queue per jobcentre (issue 9). The queue walked one
 * score-ordered index over all undecided proposals and kept the rows the
 * jobcentre may see, so the work grew with the share of proposals that were
 * NOT its own: at national scale (≈ 500,000 proposals) the smallest
 * jobcentre's first page took ≈ 54 ms and its 20th ≈ 1.2 s, against ≈ 3 ms
 * for the largest.
 *
 * Each proposal now carries copies of the two facts visibility depends on —
 * its candidate's jobcentre and its slot's network — kept by triggers, so
 * no writer can forget them; two partial indexes give each jobcentre's own
 * proposals, and each network's pooled ones, in queue order.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table match_proposals add column candidate_jobcentre_id uuid, add column slot_pooled_network_id uuid`.execute(db);
  await sql`update match_proposals p set candidate_jobcentre_id = c.jobcentre_id from candidates c where c.id = p.candidate_id`.execute(db);
  await sql`update match_proposals p set slot_pooled_network_id = s.pooled_network_id
            from slots s where s.id = p.slot_id and s.pooled_network_id is not null`.execute(db);
  await sql`alter table match_proposals alter column candidate_jobcentre_id set not null`.execute(db);

  // A proposal's copies, taken when it is written (whatever the writer sets is overwritten).
  await sql`create function match_proposals_copy_visibility() returns trigger language plpgsql as $$
    begin
      -- One lookup for both: a re-match writes ≈ 500,000 proposals through here.
      select c.jobcentre_id, s.pooled_network_id into new.candidate_jobcentre_id, new.slot_pooled_network_id
        from candidates c, slots s where c.id = new.candidate_id and s.id = new.slot_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger match_proposals_copy_visibility before insert or update of candidate_id, slot_id, candidate_jobcentre_id, slot_pooled_network_id
            on match_proposals for each row execute function match_proposals_copy_visibility()`.execute(db);

  // A candidate who moves to another jobcentre, and a slot pooled in (or taken out of) a network, carry their proposals along.
  await sql`create function candidates_jobcentre_to_proposals() returns trigger language plpgsql as $$
    begin
      update match_proposals set candidate_jobcentre_id = new.jobcentre_id where candidate_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger candidates_jobcentre_to_proposals after update of jobcentre_id on candidates
            for each row when (old.jobcentre_id is distinct from new.jobcentre_id) execute function candidates_jobcentre_to_proposals()`.execute(db);
  await sql`create function slots_network_to_proposals() returns trigger language plpgsql as $$
    begin
      update match_proposals set slot_pooled_network_id = new.pooled_network_id where slot_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger slots_network_to_proposals after update of pooled_network_id on slots
            for each row when (old.pooled_network_id is distinct from new.pooled_network_id) execute function slots_network_to_proposals()`.execute(
    db,
  );

  await sql`create index match_proposals_queue_jobcentre_idx on match_proposals (candidate_jobcentre_id, score desc nulls last)
            where status = 'proposed'`.execute(db);
  await sql`create index match_proposals_queue_network_idx on match_proposals (slot_pooled_network_id, score desc nulls last)
            where status = 'proposed' and slot_pooled_network_id is not null`.execute(db);
  // The one index over all undecided proposals served only the queue.
  await sql`drop index if exists match_proposals_queue_idx`.execute(db);
  // Statistics for the new columns: without them the planner took a network's ≈ 40,000 pooled proposals for 32 and
  // sorted them all instead of reading the index in order (≈ 600 ms a page), and PGlite never analyzes by itself.
  await sql`analyze match_proposals`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists match_proposals_queue_idx on match_proposals (score desc nulls last) where status = 'proposed'`.execute(db);
  await sql`drop trigger if exists slots_network_to_proposals on slots`.execute(db);
  await sql`drop function if exists slots_network_to_proposals()`.execute(db);
  await sql`drop trigger if exists candidates_jobcentre_to_proposals on candidates`.execute(db);
  await sql`drop function if exists candidates_jobcentre_to_proposals()`.execute(db);
  await sql`drop trigger if exists match_proposals_copy_visibility on match_proposals`.execute(db);
  await sql`drop function if exists match_proposals_copy_visibility()`.execute(db);
  await sql`alter table match_proposals drop column if exists slot_pooled_network_id, drop column if exists candidate_jobcentre_id`.execute(db);
}
