/**
 * A candidate's own words for a skill the lookup does not find (issue 25,
 * item 4): kept as written, in the language they were written in, until a
 * consultant of the candidate's jobcentre maps them to a taxonomy skill or
 * leaves them as they are. Each text is the candidate's personal data: it
 * goes with the candidate (on delete cascade) and stays out of the search
 * index.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table candidate_free_skills (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     text text not null,
     lang text not null,
     created_at timestamptz not null default now(),
     status text not null default 'open',
     mapped_skill_uri text references skills(uri),
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz,
     check (length(btrim(text)) between 1 and 100),
     check (lang in ('da', 'en', 'ar', 'uk')),
     check (status in ('open', 'mapped', 'left')),
     check ((status = 'mapped') = (mapped_skill_uri is not null)),
     check ((status = 'open') = (decided_at is null)))`.execute(db);
  // A person writes the same words once; the consultant's list reads the open ones per candidate.
  await sql`create unique index candidate_free_skills_text_idx on candidate_free_skills(candidate_id, lower(btrim(text)))`.execute(db);
  await sql`create index candidate_free_skills_open_idx on candidate_free_skills(candidate_id) where status = 'open'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table candidate_free_skills`.execute(db);
}
