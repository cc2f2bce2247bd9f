/**
 * The consultant's workbench (issue 24).
 *
 * Placement records that cannot be wrong: the database refuses what the
 * placement domain (app/placements/date-rules.ts) refuses, as a backstop for
 * any writer that bypasses it (seeds, scripts, a future import).
 * - a placement starts (planned or actual) on or after the Danish calendar
 *   day its match was approved (LAB, integrationsloven, lov 623/2016: the
 *   jobcentre approves before the start);
 * - an early end is on or after the start, a completion after it, an outcome
 *   on or after the end (the order of facts the figures count);
 * - maximum durations: virksomhedspraktik 13 weeks, 26 with a recorded
 *   extension (integrationsloven and LAB), løntilskud 12 months
 *   (integrationsloven and LAB), IGU two years (lov 623/2016); moving an end
 *   later needs a row in `placement_extensions` (who, when, why);
 * - IGU bonus milestones only from 6 and 24 months after the ACTUAL start
 *   (lov 623/2016, employer bonus), the completion bonus only for a
 *   completed IGU.
 *
 * Also: the consultant's dated notes on a candidate, a history that is
 * appended to and never overwritten.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table placement_extensions (
     id uuid primary key default gen_random_uuid(),
     placement_id uuid not null references placements(id) on delete cascade,
     previous_end date not null,
     new_end date not null,
     reason text not null,
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz not null default now(),
     check (new_end > previous_end),
     check (length(btrim(reason)) > 0))`.execute(db);
  await sql`create index placement_extensions_placement_idx on placement_extensions(placement_id, new_end)`.execute(db);

  await sql`alter table placements
     add constraint placements_end_not_before_start check (ended_on is null or (started_on is not null and ended_on >= started_on)),
     add constraint placements_completed_after_start check (status <> 'completed' or (started_on is not null and ended_on is not null and ended_on > started_on)),
     add constraint placements_outcome_after_end check (outcome_on is null or (ended_on is not null and outcome_on >= ended_on)),
     add constraint placements_max_end check (case type
       when 'praktik' then end_date <= start_date + 181
       when 'loentilskud' then end_date < start_date + interval '12 months'
       else end_date < start_date + interval '24 months' end)`.execute(db);

  await sql`create function placements_check_dates() returns trigger language plpgsql as $$
    declare
      approved date;
    begin
      if new.proposal_id is not null then
        select (decided_at at time zone 'Europe/Copenhagen')::date into approved
          from match_proposals where id = new.proposal_id and status = 'approved';
        if approved is not null and (new.start_date < approved or new.started_on < approved) then
          raise exception 'placement.start_after_approval: placement % starts before its approval on %', new.id, approved
            using errcode = 'check_violation';
        end if;
      end if;
      if tg_op = 'INSERT' and new.type = 'praktik' and new.end_date > new.start_date + 90 then
        raise exception 'praktik.max_end: a praktik beyond 13 weeks needs a recorded extension' using errcode = 'check_violation';
      end if;
      if tg_op = 'UPDATE' and new.end_date > old.end_date and not exists (
          select 1 from placement_extensions e where e.placement_id = new.id and e.new_end = new.end_date) then
        raise exception 'placement.extension: placement % moves its end to % without a recorded extension', new.id, new.end_date
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger placements_check_dates before insert or update of proposal_id, start_date, end_date, started_on
            on placements for each row execute function placements_check_dates()`.execute(db);

  await sql`create function placement_milestones_check_dates() returns trigger language plpgsql as $$
    declare
      p record;
    begin
      if new.done_on is null then
        return new;
      end if;
      select started_on, status, ended_on into p from placements where id = new.placement_id;
      if p.started_on is null or new.done_on < p.started_on then
        raise exception 'igu.%_date: milestone before the IGU started', new.kind using errcode = 'check_violation';
      end if;
      if new.kind = 'bonus_6m' and (new.done_on < p.started_on + interval '6 months'
          or (p.ended_on is not null and p.ended_on < p.started_on + interval '6 months' - interval '1 day')) then
        raise exception 'igu.bonus_6m_date: the 6-month bonus counts from % (6 months after the start)', (p.started_on + interval '6 months')::date
          using errcode = 'check_violation';
      end if;
      if new.kind = 'bonus_24m' and (new.done_on < p.started_on + interval '24 months' or p.status <> 'completed') then
        raise exception 'igu.bonus_24m_date: the completion bonus needs a completed IGU and counts from %', (p.started_on + interval '24 months')::date
          using errcode = 'check_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger placement_milestones_check_dates before insert or update of done_on
            on placement_milestones for each row execute function placement_milestones_check_dates()`.execute(db);

  // The consultant's notes on a candidate: appended, dated, with the author; never updated in place
  // (only the author link may go to null when the user is deleted).
  await sql`create table candidate_notes (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     author_user_id uuid references users(id) on delete set null,
     body text not null,
     written_at timestamptz not null default now(),
     check (length(btrim(body)) between 1 and 4000))`.execute(db);
  await sql`create index candidate_notes_candidate_idx on candidate_notes(candidate_id, written_at desc)`.execute(db);
  await sql`create function candidate_notes_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'candidate_notes are a history: add a new note instead of changing one' using errcode = 'check_violation';
    end $$`.execute(db);
  await sql`create trigger candidate_notes_append_only before update of body, candidate_id, written_at on candidate_notes
            for each row execute function candidate_notes_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists candidate_notes_append_only on candidate_notes`.execute(db);
  await sql`drop function if exists candidate_notes_append_only()`.execute(db);
  await sql`drop table if exists candidate_notes`.execute(db);
  await sql`drop trigger if exists placement_milestones_check_dates on placement_milestones`.execute(db);
  await sql`drop function if exists placement_milestones_check_dates()`.execute(db);
  await sql`drop trigger if exists placements_check_dates on placements`.execute(db);
  await sql`drop function if exists placements_check_dates()`.execute(db);
  await sql`alter table placements drop constraint if exists placements_max_end, drop constraint if exists placements_outcome_after_end,
            drop constraint if exists placements_completed_after_start, drop constraint if exists placements_end_not_before_start`.execute(db);
  await sql`drop table if exists placement_extensions`.execute(db);
}
