/**
 * Accounts people can recover, and CPR duplicates kept private (issues 21
 * and 23).
 *
 * - password_resets: a single-use link to set a new password; only the
 *   SHA-256 of its token is stored, with its expiry and when it was used.
 * - candidate_cprs.cpr_lookup_hash is no longer unique: the same number at
 *   another jobcentre is stored and flagged (cpr_duplicate_flags) for the two
 *   jobcentres to resolve, instead of being announced to the consultant who
 *   typed it. A duplicate at one jobcentre is still refused by the app.
 *
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table password_resets (
     id uuid primary key default gen_random_uuid(),
     user_id uuid not null references users(id) on delete cascade,
     token_hash text not null unique,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     used_at timestamptz,
     check (expires_at >= created_at))`,
  `create index password_resets_user_idx on password_resets(user_id)`,

  `alter table candidate_cprs drop constraint candidate_cprs_cpr_lookup_hash_key`,
  `create index candidate_cprs_lookup_idx on candidate_cprs(cpr_lookup_hash)`,
  `create table cpr_duplicate_flags (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     other_candidate_id uuid not null references candidates(id) on delete cascade,
     found_at timestamptz not null default now(),
     resolved_at timestamptz,
     resolved_by uuid references users(id) on delete set null,
     check (candidate_id <> other_candidate_id),
     unique (candidate_id, other_candidate_id))`,
  `create index cpr_duplicate_flags_other_idx on cpr_duplicate_flags(other_candidate_id)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table if exists cpr_duplicate_flags cascade').execute(db);
  await sql.raw('drop index if exists candidate_cprs_lookup_idx').execute(db);
  // Only possible while no number is stored twice; a flagged pair must be resolved first.
  await sql.raw('alter table candidate_cprs add constraint candidate_cprs_cpr_lookup_hash_key unique (cpr_lookup_hash)').execute(db);
  await sql.raw('drop table if exists password_resets cascade').execute(db);
}
