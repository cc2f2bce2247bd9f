/**
 * Jobcentre consultants (issue 7): the history of match decisions (labelled
 * data for evaluating the matcher), employer verifications, placement
 * follow-up (dates, visits, IGU milestones) and network cohorts for
 * branchepakker and courses. Frozen: never import app code here.
 */
import { sql, type Kysely } from 'kysely';

const REJECT_REASONS = `('skills', 'danish_too_low', 'not_ready', 'candidate_declined', 'employer_unsuitable', 'distance', 'other')`;

const statements = [
  // One row per decision, never updated: what the matcher proposed and what the consultant decided.
  // Candidate and slot links go null on erasure; the label (score, components, decision) stays.
  `create table match_decisions (
     id uuid primary key default gen_random_uuid(),
     proposal_id uuid references match_proposals(id) on delete set null,
     slot_id uuid references slots(id) on delete set null,
     candidate_id uuid references candidates(id) on delete set null,
     jobcentre_id uuid references jobcentres(id) on delete set null,
     source text not null check (source in ('matcher', 'interest')),
     slot_type text not null check (slot_type in ('igu', 'praktik', 'loentilskud')),
     sector text,
     decision text not null check (decision in ('approved', 'rejected')),
     reject_reason text check (reject_reason in ${REJECT_REASONS}),
     note text,
     score double precision,
     components jsonb not null default '{}'::jsonb,
     reasons jsonb not null default '[]'::jsonb,
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz not null default now(),
     check ((decision = 'rejected') = (reject_reason is not null)),
     check (reject_reason is distinct from 'other' or length(coalesce(note, '')) > 0))`,
  `create index match_decisions_decided_idx on match_decisions(decided_at)`,
  `create index match_decisions_jobcentre_idx on match_decisions(jobcentre_id, decided_at)`,

  // What a consultant checked when verifying (or suspending) an employer.
  `create table organisation_verifications (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id) on delete cascade,
     action text not null check (action in ('verified', 'suspended')),
     cvr_checked boolean not null,
     contact_confirmed boolean not null,
     note text,
     jobcentre_id uuid references jobcentres(id) on delete set null,
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz not null default now(),
     check (action <> 'verified' or (cvr_checked and contact_confirmed)),
     check (action <> 'suspended' or length(coalesce(note, '')) > 0))`,
  `create index organisation_verifications_organisation_idx on organisation_verifications(organisation_id, decided_at desc)`,

  // Placement follow-up: when it really started and ended, and when the outcome was recorded.
  `alter table placements add column started_on date`,
  `alter table placements add column ended_on date`,
  `alter table placements add column outcome_on date`,
  `alter table placements add column created_by uuid references users(id) on delete set null`,
  `create index placements_slot_idx on placements(slot_id)`,
  `create table placement_follow_ups (
     id uuid primary key default gen_random_uuid(),
     placement_id uuid not null references placements(id) on delete cascade,
     visited_on date not null,
     note text not null default '',
     next_follow_up date,
     recorded_by uuid references users(id) on delete set null,
     recorded_at timestamptz not null default now(),
     check (next_follow_up is null or next_follow_up > visited_on))`,
  `create index placement_follow_ups_placement_idx on placement_follow_ups(placement_id, visited_on desc)`,
  `create index placement_follow_ups_next_idx on placement_follow_ups(next_follow_up)`,
  // IGU: the school part and the employer bonus after 6 and 24 months.
  `create table placement_milestones (
     placement_id uuid not null references placements(id) on delete cascade,
     kind text not null check (kind in ('school_part', 'bonus_6m', 'bonus_24m')),
     due_on date not null,
     done_on date,
     note text,
     recorded_by uuid references users(id) on delete set null,
     primary key (placement_id, kind))`,

  // A network's cohort for a branchepakke or a course; each home jobcentre approves its own candidates.
  `create table cohorts (
     id uuid primary key default gen_random_uuid(),
     network_id uuid not null references jobcentre_networks(id) on delete cascade,
     sector text not null,
     title text not null check (length(title) between 1 and 200),
     course_start date not null,
     course_end date not null,
     seats integer not null check (seats between 1 and 200),
     created_by uuid references users(id) on delete set null,
     created_at timestamptz not null default now(),
     check (course_end >= course_start))`,
  `create index cohorts_network_idx on cohorts(network_id, course_start)`,
  `create table cohort_members (
     cohort_id uuid not null references cohorts(id) on delete cascade,
     candidate_id uuid not null references candidates(id) on delete cascade,
     status text not null default 'proposed' check (status in ('proposed', 'approved', 'rejected')),
     score double precision,
     reject_reason text check (reject_reason in ${REJECT_REASONS}),
     decided_by uuid references users(id) on delete set null,
     decided_at timestamptz,
     added_at timestamptz not null default now(),
     primary key (cohort_id, candidate_id),
     check ((status = 'rejected') = (reject_reason is not null)))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'cohort_members',
    'cohorts',
    'placement_milestones',
    'placement_follow_ups',
    'organisation_verifications',
    'match_decisions',
  ]) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
  for (const column of ['started_on', 'ended_on', 'outcome_on', 'created_by']) {
    await sql.raw(`alter table placements drop column if exists ${column}`).execute(db);
  }
}
