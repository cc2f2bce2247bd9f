/**
 * Inactivity review after 12 months and the CPR number encrypted at rest (issue 8).
 *
 * Candidates get the time of their last activity (login or profile save), when
 * the review flagged them, when the review mail went out, and when they were
 * archived. The CPR lives in its own one-to-one table, so the many queries that
 * select a whole candidate row never carry it along: only AES-256-GCM
 * ciphertext and a keyed HMAC (to refuse duplicates without decrypting).
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `alter table candidates
     add column last_active_at timestamptz,
     add column inactivity_flagged_at timestamptz,
     add column inactivity_mailed_at timestamptz,
     add column archived_at timestamptz`,
  // Existing profiles: their last save is the best evidence of activity there is.
  `update candidates set last_active_at = greatest(updated_at, created_at)`,
  `alter table candidates alter column last_active_at set default now(), alter column last_active_at set not null`,
  `create index candidates_inactivity_due_idx on candidates(last_active_at)
     where status = 'active' and inactivity_flagged_at is null`,
  `create index candidates_inactivity_flagged_idx on candidates(jobcentre_id, inactivity_flagged_at)
     where inactivity_flagged_at is not null`,

  `create table candidate_cprs (
     candidate_id uuid primary key references candidates(id) on delete cascade,
     cpr_ciphertext text not null,
     cpr_lookup_hash text not null unique,
     created_by uuid references users(id) on delete set null,
     created_at timestamptz not null default now())`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('drop table if exists candidate_cprs cascade').execute(db);
  await sql.raw('drop index if exists candidates_inactivity_due_idx').execute(db);
  await sql.raw('drop index if exists candidates_inactivity_flagged_idx').execute(db);
  await sql
    .raw(
      `alter table candidates
         drop column if exists last_active_at,
         drop column if exists inactivity_flagged_at,
         drop column if exists inactivity_mailed_at,
         drop column if exists archived_at`,
    )
    .execute(db);
}
