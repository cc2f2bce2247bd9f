/**
 * Privacy (issue 8): erasure requests with their deadline, and the
 * pseudonymous trace an erasure leaves for statistics (ADR 0005): a random
 * pseudonym per erased candidate that nothing maps back to a person, their
 * placements as bare facts, and their match decisions tagged with it.
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // One row per request. The candidate link goes null when the erasure is done; the row stays as the
  // jobcentre's record that it answered in time (GDPR art. 5(2), 12(3)).
  `create table erasure_requests (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid references candidates(id) on delete set null,
     jobcentre_id uuid not null references jobcentres(id),
     requested_at timestamptz not null default now(),
     requested_by uuid references users(id) on delete set null,
     requested_via text not null check (requested_via in ('candidate', 'consultant')),
     deadline date not null,
     status text not null default 'requested' check (status in ('requested', 'completed', 'cancelled')),
     handled_by uuid references users(id) on delete set null,
     handled_at timestamptz,
     check ((status = 'requested') = (handled_at is null)))`,
  `create unique index erasure_requests_open_idx on erasure_requests(candidate_id) where status = 'requested'`,
  `create index erasure_requests_jobcentre_idx on erasure_requests(jobcentre_id, status, deadline)`,

  // The pseudonym: random, and no table holds the candidate id it replaced.
  `create table erased_candidates (
     id uuid primary key default gen_random_uuid(),
     jobcentre_id uuid references jobcentres(id) on delete set null)`,

  // What the figures count about an erased candidate's placements, and nothing personal.
  `create table erased_placements (
     id uuid primary key default gen_random_uuid(),
     erased_candidate_id uuid references erased_candidates(id) on delete set null,
     jobcentre_id uuid references jobcentres(id) on delete set null,
     slot_id uuid references slots(id) on delete set null,
     type text not null check (type in ('igu', 'praktik', 'loentilskud')),
     sector text,
     status text not null check (status in ('planned', 'started', 'ended_early', 'completed')),
     outcome text check (outcome in ('ordinary_job', 'education', 'back_to_programme')),
     created_at timestamptz not null)`,
  `create index erased_placements_jobcentre_idx on erased_placements(jobcentre_id)`,
  `create index erased_placements_slot_idx on erased_placements(slot_id)`,

  `alter table match_decisions add column erased_candidate_id uuid references erased_candidates(id) on delete set null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('alter table match_decisions drop column if exists erased_candidate_id').execute(db);
  for (const table of ['erased_placements', 'erased_candidates', 'erasure_requests']) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
}
