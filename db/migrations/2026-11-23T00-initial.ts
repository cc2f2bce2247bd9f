/**
 * First schema. Frozen: never import app code here and never edit this file
 * once released — add a new migration instead.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // Reference data (loaded by the seed from the repository's own data files).
  `create table regions (
     code text primary key check (code ~ '^DK-8[1-5]$'),
     name_da text not null,
     name_en text not null)`,
  `create table municipalities (
     code text primary key check (code ~ '^[0-9]{3}$'),
     name_da text not null,
     name_en text not null,
     region_code text not null references regions(code),
     lat double precision not null,
     lon double precision not null)`,
  `create table postal_codes (
     code text primary key check (code ~ '^[0-9]{4}$'),
     name text not null,
     municipality_code text not null references municipalities(code),
     lat double precision not null check (lat between 54 and 58.5),
     lon double precision not null check (lon between 7.5 and 15.5))`,

  // Taxonomy (ESCO-based, loaded by the seed).
  `create table skills (
     uri text primary key check (uri ~ '^http://data\\.europa\\.eu/esco/skill/'),
     kind text not null default 'skill' check (kind in ('skill', 'knowledge', 'language')),
     labels jsonb not null,
     synonyms jsonb not null default '{}'::jsonb)`,
  `create table occupations (
     uri text primary key check (uri ~ '^http://data\\.europa\\.eu/esco/occupation/'),
     isco_group text not null check (isco_group ~ '^[0-9]{4}$'),
     sector text not null,
     labels jsonb not null,
     synonyms jsonb not null default '{}'::jsonb)`,
  `create table occupation_skills (
     occupation_uri text not null references occupations(uri) on delete cascade,
     skill_uri text not null references skills(uri) on delete cascade,
     relation text not null check (relation in ('essential', 'optional')),
     primary key (occupation_uri, skill_uri))`,

  // Employers.
  `create table organisations (
     id uuid primary key default gen_random_uuid(),
     cvr text not null unique check (cvr ~ '^[0-9]{8}$'),
     name text not null check (length(name) between 1 and 200),
     sector text,
     is_private boolean not null default true,
     contact_name text not null,
     contact_email text not null,
     contact_phone text,
     status text not null default 'unverified' check (status in ('unverified', 'verified', 'suspended')),
     verified_at timestamptz,
     verified_by uuid,
     created_at timestamptz not null default now())`,
  `create table workplaces (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id) on delete cascade,
     p_number text not null unique check (p_number ~ '^[0-9]{10}$'),
     name text not null,
     address text not null,
     postal_code text not null references postal_codes(code),
     ordinary_employees_fte numeric(8, 2) not null check (ordinary_employees_fte >= 0),
     ordinary_employees_fte_12m_ago numeric(8, 2) check (ordinary_employees_fte_12m_ago >= 0),
     created_at timestamptz not null default now())`,
  `create index workplaces_organisation_idx on workplaces(organisation_id)`,

  // Jobcentres and the networks that pool candidates across municipalities.
  `create table jobcentres (
     id uuid primary key default gen_random_uuid(),
     municipality_code text not null unique references municipalities(code),
     name text not null)`,
  `create table jobcentre_networks (
     id uuid primary key default gen_random_uuid(),
     name text not null unique)`,
  `create table jobcentre_network_members (
     network_id uuid not null references jobcentre_networks(id) on delete cascade,
     jobcentre_id uuid not null references jobcentres(id) on delete cascade,
     primary key (network_id, jobcentre_id))`,

  // People who log in.
  `create table users (
     id uuid primary key default gen_random_uuid(),
     email text not null unique check (email = lower(email) and email like '%_@_%'),
     password_hash text,
     role text not null check (role in ('employer', 'consultant', 'candidate', 'admin')),
     display_name text not null,
     locale text check (locale in ('da', 'en', 'ar', 'uk')),
     organisation_id uuid references organisations(id) on delete cascade,
     jobcentre_id uuid references jobcentres(id),
     created_at timestamptz not null default now(),
     check ((role = 'employer') = (organisation_id is not null)),
     check (role <> 'consultant' or jobcentre_id is not null))`,
  `create table sessions (
     id text primary key,
     user_id uuid not null references users(id) on delete cascade,
     expires_at timestamptz not null,
     created_at timestamptz not null default now())`,
  `create index sessions_user_idx on sessions(user_id)`,

  // Candidates: personal data. Only what matching needs goes to the index.
  `create table candidates (
     id uuid primary key default gen_random_uuid(),
     user_id uuid unique references users(id) on delete set null,
     jobcentre_id uuid not null references jobcentres(id),
     status text not null default 'pending' check (status in ('pending', 'active', 'inactive', 'archived')),
     confirmed_at timestamptz,
     full_name text not null,
     email text,
     phone text,
     birth_date date not null,
     arrival_date date not null,
     residence_basis text not null check (residence_basis in
       ('refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law', 'other')),
     gender text,
     nationality text,
     postal_code text not null references postal_codes(code),
     max_travel_km integer not null default 25 check (max_travel_km between 0 and 300),
     available_from date not null,
     hours_per_week integer check (hours_per_week between 1 and 60),
     driving_licence boolean not null default false,
     danish_spoken text check (danish_spoken in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
     danish_written text check (danish_written in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
     danish_programme text check (danish_programme in ('DU1', 'DU2', 'DU3')),
     danish_module integer check (danish_module between 0 and 6),
     danish_test text check (danish_test in ('PD1', 'PD2', 'PD3', 'STUDIEPROEVEN')),
     danish_evidence text check (danish_evidence in ('self_reported', 'module_test', 'official_test')),
     ambition_occupations text[] not null default '{}',
     ambition_sectors text[] not null default '{}',
     ambition_note text,
     education text,
     waiting_since date not null default current_date,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now())`,
  `create index candidates_jobcentre_idx on candidates(jobcentre_id, status)`,
  `create table candidate_skills (
     candidate_id uuid not null references candidates(id) on delete cascade,
     skill_uri text not null references skills(uri),
     years numeric(4, 1) check (years >= 0 and years <= 60),
     learned_where text check (learned_where in ('denmark', 'abroad', 'informal')),
     primary key (candidate_id, skill_uri))`,
  `create table candidate_languages (
     candidate_id uuid not null references candidates(id) on delete cascade,
     code text not null check (code ~ '^[a-z]{2,3}(-[a-z]{2,4})?$'),
     spoken text not null check (spoken in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
     written text check (written in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
     is_mother_tongue boolean not null default false,
     evidence text not null default 'self_reported' check (evidence in ('self_reported', 'module_test', 'official_test')),
     primary key (candidate_id, code))`,
  `create table candidate_occupations (
     candidate_id uuid not null references candidates(id) on delete cascade,
     occupation_uri text not null references occupations(uri),
     years numeric(4, 1) check (years >= 0 and years <= 60),
     primary key (candidate_id, occupation_uri))`,
  // Past employment, for IGU's "no ordinary employment at the same company in the last 3 months".
  `create table candidate_employments (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     cvr text not null check (cvr ~ '^[0-9]{8}$'),
     kind text not null check (kind in ('ordinary', 'praktik', 'loentilskud', 'igu')),
     start_date date not null,
     end_date date,
     check (end_date is null or end_date >= start_date))`,
  `create index candidate_employments_candidate_idx on candidate_employments(candidate_id)`,

  // Slots: what employers offer.
  `create table slots (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id) on delete cascade,
     workplace_id uuid not null references workplaces(id),
     type text not null check (type in ('igu', 'praktik', 'loentilskud')),
     status text not null default 'draft' check (status in ('draft', 'published', 'filled', 'closed')),
     title text not null check (length(title) between 1 and 200),
     description text not null default '',
     occupation_uri text references occupations(uri),
     sector text,
     danish_spoken text check (danish_spoken in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
     danish_written text check (danish_written in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
     danish_within_months integer check (danish_within_months between 1 and 24),
     languages text[] not null default '{}',
     positions integer not null check (positions between 1 and 100),
     start_date date not null,
     weeks integer not null check (weeks between 1 and 104),
     hours_per_week numeric(4, 1) not null check (hours_per_week > 0 and hours_per_week <= 48),
     mentor boolean not null default false,
     pay_basis text,
     pooled_network_id uuid references jobcentre_networks(id),
     published_at timestamptz,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now())`,
  `create index slots_organisation_idx on slots(organisation_id)`,
  `create index slots_status_idx on slots(status, start_date)`,
  `create table slot_skills (
     slot_id uuid not null references slots(id) on delete cascade,
     skill_uri text not null references skills(uri),
     required boolean not null,
     primary key (slot_id, skill_uri))`,

  // The matcher's output and the consultants' decisions on it.
  `create table match_proposals (
     id uuid primary key default gen_random_uuid(),
     slot_id uuid not null references slots(id) on delete cascade,
     candidate_id uuid not null references candidates(id) on delete cascade,
     source text not null default 'matcher' check (source in ('matcher', 'interest')),
     score double precision,
     components jsonb not null default '{}'::jsonb,
     reasons jsonb not null default '[]'::jsonb,
     computed_at timestamptz not null default now(),
     status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected', 'stale')),
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz,
     reject_reason text check (reject_reason in
       ('skills', 'danish_too_low', 'not_ready', 'candidate_declined', 'employer_unsuitable', 'distance', 'other')),
     decision_note text,
     unique (slot_id, candidate_id),
     check ((status in ('approved', 'rejected')) = (decided_at is not null)),
     check (status <> 'rejected' or reject_reason is not null))`,
  `create index match_proposals_candidate_idx on match_proposals(candidate_id)`,
  `create index match_proposals_status_idx on match_proposals(status, score desc)`,

  `create table placements (
     id uuid primary key default gen_random_uuid(),
     proposal_id uuid unique references match_proposals(id) on delete set null,
     slot_id uuid not null references slots(id),
     candidate_id uuid not null references candidates(id) on delete cascade,
     type text not null check (type in ('igu', 'praktik', 'loentilskud')),
     start_date date not null,
     end_date date not null,
     status text not null default 'planned' check (status in ('planned', 'started', 'ended_early', 'completed')),
     ended_reason text,
     outcome text check (outcome in ('ordinary_job', 'education', 'back_to_programme')),
     created_at timestamptz not null default now(),
     check (end_date >= start_date))`,
  `create index placements_candidate_idx on placements(candidate_id)`,

  // A candidate's agreement to show name and contact to one employer for one slot.
  `create table consents (
     id uuid primary key default gen_random_uuid(),
     candidate_id uuid not null references candidates(id) on delete cascade,
     slot_id uuid not null references slots(id) on delete cascade,
     organisation_id uuid not null references organisations(id) on delete cascade,
     granted boolean not null,
     scope text not null default 'name_contact',
     recorded_at timestamptz not null default now(),
     recorded_by uuid references users(id) on delete set null,
     revoked_at timestamptz)`,
  `create index consents_candidate_slot_idx on consents(candidate_id, slot_id)`,

  `create table audit_log (
     id bigserial primary key,
     at timestamptz not null default now(),
     actor_user_id uuid references users(id) on delete set null,
     action text not null,
     subject_type text not null,
     subject_id text not null,
     details jsonb not null default '{}'::jsonb)`,
  `create index audit_log_subject_idx on audit_log(subject_type, subject_id)`,

  // Search-index changes, written in the same transaction as the data change.
  `create table search_outbox (
     id bigserial primary key,
     index_name text not null check (index_name in ('candidates', 'slots')),
     document_id text not null,
     operation text not null check (operation in ('upsert', 'delete')),
     created_at timestamptz not null default now(),
     processed_at timestamptz,
     attempts integer not null default 0,
     last_error text)`,
  `create index search_outbox_pending_idx on search_outbox(id) where processed_at is null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'search_outbox',
    'audit_log',
    'consents',
    'placements',
    'match_proposals',
    'slot_skills',
    'slots',
    'candidate_employments',
    'candidate_occupations',
    'candidate_languages',
    'candidate_skills',
    'candidates',
    'sessions',
    'users',
    'jobcentre_network_members',
    'jobcentre_networks',
    'jobcentres',
    'workplaces',
    'organisations',
    'occupation_skills',
    'occupations',
    'skills',
    'postal_codes',
    'municipalities',
    'regions',
  ]) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
}
