/**
 * Candidates' own side: invitations (a hashed link token and a short code for
 * paper), the local mailbox used when no SMTP server is configured, and who
 * has viewed a candidate's profile. Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `create table candidate_invitations (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     user_id uuid not null references users(id) on delete cascade,
     token_hash text not null unique,
     code_hash text not null unique,
     created_by uuid references users(id) on delete set null,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     used_at timestamptz)`,
  `create index candidate_invitations_candidate_idx on candidate_invitations(candidate_id)`,

  `create table mailbox_messages (
     id uuid primary key default gen_random_uuid(),
     to_address text not null,
     subject text not null,
     text_body text not null,
     created_at timestamptz not null default now())`,
  `create index mailbox_messages_created_idx on mailbox_messages(created_at desc)`,

  `create table profile_views (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     viewer_user_id uuid references users(id) on delete set null,
     organisation_id uuid references organisations(id) on delete set null,
     jobcentre_id uuid references jobcentres(id) on delete set null,
     viewed_at timestamptz not null default now())`,
  `create index profile_views_candidate_idx on profile_views(candidate_id, viewed_at desc)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['profile_views', 'mailbox_messages', 'candidate_invitations']) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
}
