/**
 * Employers: colleague invitations, organisation API keys and the employer's
 * decision (invite to interview / decline) on a candidate a jobcentre approved.
 * Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // An invitation is a one-time token; only its SHA-256 is stored.
  `create table organisation_invitations (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id) on delete cascade,
     email text not null check (email = lower(email) and email like '%_@_%'),
     token_hash text not null unique,
     invited_by uuid references users(id) on delete set null,
     expires_at timestamptz not null,
     accepted_at timestamptz,
     created_at timestamptz not null default now())`,
  `create index organisation_invitations_organisation_idx on organisation_invitations(organisation_id)`,

  // Keys for employers' own systems: `jbk_<prefix>_<secret>`; the prefix finds the row, the hash checks the secret.
  `create table api_keys (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id) on delete cascade,
     name text not null check (length(name) between 1 and 100),
     prefix text not null unique check (prefix ~ '^[a-z0-9]{8,16}$'),
     hash text not null,
     created_by uuid references users(id) on delete set null,
     created_at timestamptz not null default now(),
     revoked_at timestamptz,
     last_used_at timestamptz)`,
  `create index api_keys_organisation_idx on api_keys(organisation_id)`,

  // One decision per approved proposal; the employer may change it later (the row is updated).
  `create table employer_decisions (
     proposal_id uuid primary key references match_proposals(id) on delete cascade,
     decision text not null check (decision in ('invite', 'decline')),
     reason text check (reason in ('skills', 'danish', 'availability', 'position_filled', 'other')),
     note text,
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz not null default now(),
     check (decision <> 'decline' or reason is not null))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['employer_decisions', 'api_keys', 'organisation_invitations']) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
}
