/**
 * Kysely table types, kept by hand beside the migrations.
 * `Generated<T>` marks columns with a database default.
 */
import type { ColumnType, Generated as KyselyGenerated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Kysely's own `Generated` wraps a `ColumnType` in another one, so `Generated<Timestamp>` would
 * select as the wrapper type; this one keeps the select and update types and makes the insert optional.
 */
type Generated<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S, I | undefined, U> : KyselyGenerated<T>;

export type Cefr = 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';
export type SlotType = 'igu' | 'praktik' | 'loentilskud';
export type Role = 'employer' | 'consultant' | 'candidate' | 'admin';
export type ResidenceBasis = 'refugee' | 'family_reunified_refugee' | 'family_reunified_other' | 'ukraine_special_law' | 'other';
export type Locale = 'da' | 'en' | 'ar' | 'uk';
export type LabelSet = Record<Locale, string>;
export type SynonymSet = Partial<Record<Locale, string[]>>;

/** `date` columns come back as 'YYYY-MM-DD' strings (type parsers are set in db/client.server.ts). */
type DateString = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Numeric = ColumnType<number, number | string, number | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface RegionTable {
  code: string;
  name_da: string;
  name_en: string;
}
export interface MunicipalityTable {
  code: string;
  name_da: string;
  name_en: string;
  region_code: string;
  lat: number;
  lon: number;
}
export interface PostalCodeTable {
  code: string;
  name: string;
  municipality_code: string;
  lat: number;
  lon: number;
}

export interface SkillTable {
  uri: string;
  kind: Generated<'skill' | 'knowledge' | 'language'>;
  labels: Json<LabelSet>;
  synonyms: Generated<Json<SynonymSet>>;
}
export interface OccupationTable {
  uri: string;
  isco_group: string;
  sector: string;
  labels: Json<LabelSet>;
  synonyms: Generated<Json<SynonymSet>>;
}
export interface OccupationSkillTable {
  occupation_uri: string;
  skill_uri: string;
  relation: 'essential' | 'optional';
}

export interface OrganisationTable {
  id: Generated<string>;
  cvr: string;
  name: string;
  sector: string | null;
  is_private: Generated<boolean>;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  status: Generated<'unverified' | 'verified' | 'suspended'>;
  verified_at: Timestamp | null;
  verified_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface WorkplaceTable {
  id: Generated<string>;
  organisation_id: string;
  p_number: string;
  name: string;
  address: string;
  postal_code: string;
  ordinary_employees_fte: Numeric;
  ordinary_employees_fte_12m_ago: Numeric | null;
  created_at: Generated<Timestamp>;
}

export interface JobcentreTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
}
export interface JobcentreNetworkTable {
  id: Generated<string>;
  name: string;
}
export interface JobcentreNetworkMemberTable {
  network_id: string;
  jobcentre_id: string;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  password_hash: string | null;
  role: Role;
  display_name: string;
  locale: Locale | null;
  organisation_id: string | null;
  jobcentre_id: string | null;
  created_at: Generated<Timestamp>;
}

export interface SessionTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: Generated<Timestamp>;
}

export interface CandidateTable {
  id: Generated<string>;
  user_id: string | null;
  jobcentre_id: string;
  status: Generated<'pending' | 'active' | 'inactive' | 'archived'>;
  confirmed_at: Timestamp | null;
  full_name: string;
  email: string | null;
  phone: string | null;
  birth_date: DateString;
  arrival_date: DateString;
  residence_basis: ResidenceBasis;
  gender: string | null;
  nationality: string | null;
  postal_code: string;
  max_travel_km: Generated<number>;
  available_from: DateString;
  hours_per_week: number | null;
  driving_licence: Generated<boolean>;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  danish_programme: 'DU1' | 'DU2' | 'DU3' | null;
  danish_module: number | null;
  danish_test: 'PD1' | 'PD2' | 'PD3' | 'STUDIEPROEVEN' | null;
  danish_evidence: 'self_reported' | 'module_test' | 'official_test' | null;
  ambition_occupations: Generated<string[]>;
  ambition_sectors: Generated<string[]>;
  ambition_note: string | null;
  education: string | null;
  waiting_since: Generated<DateString>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /** Last login or profile save; the inactivity review counts 12 months from here (migration 2026-11-24T05). */
  last_active_at: Generated<Timestamp>;
  inactivity_flagged_at: Timestamp | null;
  inactivity_mailed_at: Timestamp | null;
  archived_at: Timestamp | null;
}

/** One row per candidate with a CPR number: ciphertext and keyed lookup hash only (app/candidates/cpr.server.ts). */
export interface CandidateCprTable {
  candidate_id: string;
  cpr_ciphertext: string;
  cpr_lookup_hash: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

/** A single-use link to set a new password; only the token's SHA-256 is stored (migration 2026-12-07T10). */
export interface PasswordResetTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** The same CPR number at two jobcentres, for the two to resolve (app/candidates/cpr.server.ts). */
export interface CprDuplicateFlagTable {
  id: Generated<string>;
  /** The candidate whose CPR was typed second. */
  candidate_id: string;
  other_candidate_id: string;
  found_at: Generated<Timestamp>;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

export interface CandidateSkillTable {
  candidate_id: string;
  skill_uri: string;
  years: Numeric | null;
  learned_where: 'denmark' | 'abroad' | 'informal' | null;
}
export type FreeSkillStatus = 'open' | 'mapped' | 'left';
/** A skill in the candidate's own words, waiting for (or reviewed by) a consultant. */
export interface CandidateFreeSkillTable {
  id: Generated<string>;
  candidate_id: string;
  text: string;
  lang: Locale;
  created_at: Generated<Timestamp>;
  status: Generated<FreeSkillStatus>;
  mapped_skill_uri: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}
export interface CandidateLanguageTable {
  candidate_id: string;
  code: string;
  spoken: Cefr;
  written: Cefr | null;
  is_mother_tongue: Generated<boolean>;
  evidence: Generated<'self_reported' | 'module_test' | 'official_test'>;
}
export interface CandidateOccupationTable {
  candidate_id: string;
  occupation_uri: string;
  years: Numeric | null;
}
export interface CandidateEmploymentTable {
  id: Generated<string>;
  candidate_id: string;
  cvr: string;
  kind: 'ordinary' | 'praktik' | 'loentilskud' | 'igu';
  start_date: DateString;
  end_date: DateString | null;
}

export interface SlotTable {
  id: Generated<string>;
  organisation_id: string;
  workplace_id: string;
  type: SlotType;
  status: Generated<'draft' | 'published' | 'filled' | 'closed'>;
  title: string;
  description: Generated<string>;
  occupation_uri: string | null;
  sector: string | null;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  danish_within_months: number | null;
  languages: Generated<string[]>;
  positions: number;
  start_date: DateString;
  weeks: number;
  hours_per_week: Numeric;
  mentor: Generated<boolean>;
  pay_basis: string | null;
  pooled_network_id: string | null;
  published_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  /**
   * Løntilskud net job creation (issue 26): the employer's answers, all or
   * none; none on other schemes and on older slots. Optional on insert (the
   * database's default is NULL), so writers of other schemes need not name them.
   */
  net_jobs_fte_now: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  net_jobs_fte_12m_ago: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  net_jobs_fills_vacancy: Generated<boolean | null>;
  /** Set exactly when net_jobs_fills_vacancy is true. */
  net_jobs_vacated_on: Generated<DateString | null>;
  net_jobs_answered_by: Generated<string | null>;
  net_jobs_answered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface SlotSkillTable {
  slot_id: string;
  skill_uri: string;
  required: boolean;
}

export type RejectReason = 'skills' | 'danish_too_low' | 'not_ready' | 'candidate_declined' | 'employer_unsuitable' | 'distance' | 'other';

export interface MatchProposalTable {
  id: Generated<string>;
  slot_id: string;
  candidate_id: string;
  source: Generated<'matcher' | 'interest'>;
  score: number | null;
  components: Generated<Json<Record<string, number>>>;
  reasons: Generated<Json<string[]>>;
  computed_at: Generated<Timestamp>;
  status: Generated<'proposed' | 'approved' | 'rejected' | 'stale'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  reject_reason: RejectReason | null;
  decision_note: string | null;
  /** Copy of the candidate's jobcentre, kept by a trigger (the queue's index). */
  candidate_jobcentre_id: Generated<string>;
  /** Copy of the slot's network when it is pooled, kept by a trigger (the queue's index). */
  slot_pooled_network_id: Generated<string | null>;
}

export interface PlacementTable {
  id: Generated<string>;
  proposal_id: string | null;
  slot_id: string;
  candidate_id: string;
  type: SlotType;
  start_date: DateString;
  end_date: DateString;
  status: Generated<'planned' | 'started' | 'ended_early' | 'completed'>;
  ended_reason: string | null;
  outcome: 'ordinary_job' | 'education' | 'back_to_programme' | null;
  created_at: Generated<Timestamp>;
  started_on: DateString | null;
  ended_on: DateString | null;
  outcome_on: DateString | null;
  created_by: string | null;
}

export interface ConsentTable {
  id: Generated<string>;
  candidate_id: string;
  slot_id: string;
  organisation_id: string;
  granted: boolean;
  scope: Generated<string>;
  recorded_at: Generated<Timestamp>;
  recorded_by: string | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Timestamp>;
  actor_user_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  details: Generated<Json<Record<string, unknown>>>;
}

export type SearchIndexName = 'candidates' | 'slots';

export interface SearchOutboxTable {
  id: Generated<number>;
  index_name: SearchIndexName;
  document_id: string;
  operation: 'upsert' | 'delete';
  created_at: Generated<Timestamp>;
  processed_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** Set when the entry's own document failed: its next try (back-off). Failed entries are those with it set. */
  retry_at: Timestamp | null;
}

export interface CandidateInvitationTable {
  id: Generated<string>;
  candidate_id: string;
  user_id: string;
  token_hash: string;
  code_hash: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface MailboxMessageTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: Generated<Timestamp>;
}

export interface ProfileViewTable {
  id: Generated<string>;
  candidate_id: string;
  viewer_user_id: string | null;
  organisation_id: string | null;
  jobcentre_id: string | null;
  viewed_at: Generated<Timestamp>;
}

export interface OrganisationInvitationTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface ApiKeyTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  prefix: string;
  hash: string;
  created_by: string | null;
  created_at: Generated<Timestamp>;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

/** A shared rate-limit counter (app/lib/rate-limit-store.server.ts); expires_at null never expires. */
export interface RateLimitTable {
  key: string;
  points: number;
  expires_at: Date | null;
}

export type EmployerDeclineReason = 'skills' | 'danish' | 'availability' | 'position_filled' | 'other';

export interface EmployerDecisionTable {
  proposal_id: string;
  decision: 'invite' | 'decline';
  reason: EmployerDeclineReason | null;
  note: string | null;
  decided_by: string | null;
  decided_at: Generated<Timestamp>;
}

// ---- consultants (migration 2026-11-24T03) -------------------------------------

export type PlacementOutcome = 'ordinary_job' | 'education' | 'back_to_programme';
export type MilestoneKind = 'school_part' | 'bonus_6m' | 'bonus_24m';

export interface MatchDecisionTable {
  id: Generated<string>;
  proposal_id: string | null;
  slot_id: string | null;
  candidate_id: string | null;
  jobcentre_id: string | null;
  source: 'matcher' | 'interest';
  slot_type: SlotType;
  sector: string | null;
  decision: 'approved' | 'rejected';
  reject_reason: RejectReason | null;
  note: string | null;
  score: number | null;
  /** Sent as JSON text; defaults to {} / []. */
  components: ColumnType<Record<string, number>, string | undefined, never>;
  reasons: ColumnType<string[], string | undefined, never>;
  decided_by: string | null;
  decided_at: ColumnType<Date, Date | undefined, never>;
  /** Set when the candidate was erased (migration 2026-11-24T04): the pseudonym in erased_candidates. */
  erased_candidate_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrganisationVerificationTable {
  id: Generated<string>;
  organisation_id: string;
  action: 'verified' | 'suspended';
  cvr_checked: boolean;
  contact_confirmed: boolean;
  note: string | null;
  jobcentre_id: string | null;
  decided_by: string | null;
  decided_at: Generated<Timestamp>;
}

export interface PlacementFollowUpTable {
  id: Generated<string>;
  placement_id: string;
  visited_on: DateString;
  note: Generated<string>;
  next_follow_up: DateString | null;
  recorded_by: string | null;
  recorded_at: Generated<Timestamp>;
}

export interface PlacementMilestoneTable {
  placement_id: string;
  kind: 'school_part' | 'bonus_6m' | 'bonus_24m';
  due_on: DateString;
  done_on: DateString | null;
  note: string | null;
  recorded_by: string | null;
}

/** A placement's end moved later, with who, when and why (migration 2026-12-07T12). */
export interface PlacementExtensionTable {
  id: Generated<string>;
  placement_id: string;
  previous_end: DateString;
  new_end: DateString;
  reason: string;
  decided_by: string | null;
  decided_at: Generated<Timestamp>;
}

/** A consultant's dated note on a candidate; appended, never updated (migration 2026-12-07T12). */
export interface CandidateNoteTable {
  id: Generated<string>;
  candidate_id: string;
  author_user_id: string | null;
  body: string;
  written_at: Generated<Timestamp>;
}

export interface CohortTable {
  id: Generated<string>;
  network_id: string;
  sector: string;
  title: string;
  course_start: DateString;
  course_end: DateString;
  seats: number;
  created_by: string | null;
  created_at: Generated<Timestamp>;
}

export interface CohortMemberTable {
  cohort_id: string;
  candidate_id: string;
  status: Generated<'proposed' | 'approved' | 'rejected'>;
  score: number | null;
  reject_reason: RejectReason | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  added_at: Generated<Timestamp>;
}

// ---- privacy (migration 2026-11-24T04) -----------------------------------------

export type ErasureStatus = 'requested' | 'completed' | 'cancelled';

export interface ErasureRequestTable {
  id: Generated<string>;
  candidate_id: string | null;
  jobcentre_id: string;
  requested_at: Generated<Timestamp>;
  requested_by: string | null;
  requested_via: 'candidate' | 'consultant';
  deadline: DateString;
  status: Generated<ErasureStatus>;
  handled_by: string | null;
  handled_at: Timestamp | null;
}

/** A random pseudonym per erased candidate; nothing maps it back to the person. */
export interface ErasedCandidateTable {
  id: Generated<string>;
  jobcentre_id: string | null;
}

export interface ErasedPlacementTable {
  id: Generated<string>;
  erased_candidate_id: string | null;
  jobcentre_id: string | null;
  slot_id: string | null;
  type: SlotType;
  sector: string | null;
  status: 'planned' | 'started' | 'ended_early' | 'completed';
  outcome: PlacementOutcome | null;
  created_at: Timestamp;
}

// ---- notifications (migration 2026-12-07T11) ------------------------------------

export type MailMode = 'immediate' | 'digest' | 'off';

/** The mail queue: written in the transaction that causes the mail, delivered after commit (app/notifications/delivery.server.ts). */
export interface OutgoingMailTable {
  id: Generated<string>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  dedupe_key: string | null;
  state: Generated<'pending' | 'sent'>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Timestamp>;
  claimed_until: Timestamp | null;
  last_error: string | null;
  sent_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface NotificationEventTable {
  id: Generated<string>;
  kind: string;
  actor_user_id: string | null;
  subject_type: string;
  subject_id: string;
  dedupe_key: string | null;
  created_at: Generated<Timestamp>;
}

export interface NotificationTable {
  id: Generated<string>;
  event_id: string;
  user_id: string;
  kind: string;
  params: Json<Record<string, string | number>>;
  link: string;
  mail_mode: MailMode;
  mail_id: string | null;
  created_at: Generated<Timestamp>;
  read_at: Timestamp | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  kind: string;
  mail_mode: MailMode;
}
export interface OfferNoticeTable {
  candidate_id: string;
  slot_id: string;
  told_at: Generated<Timestamp>;
}

export interface DB {
  regions: RegionTable;
  municipalities: MunicipalityTable;
  postal_codes: PostalCodeTable;
  skills: SkillTable;
  occupations: OccupationTable;
  occupation_skills: OccupationSkillTable;
  organisations: OrganisationTable;
  workplaces: WorkplaceTable;
  jobcentres: JobcentreTable;
  jobcentre_networks: JobcentreNetworkTable;
  jobcentre_network_members: JobcentreNetworkMemberTable;
  users: UserTable;
  sessions: SessionTable;
  candidates: CandidateTable;
  candidate_skills: CandidateSkillTable;
  candidate_free_skills: CandidateFreeSkillTable;
  candidate_languages: CandidateLanguageTable;
  candidate_occupations: CandidateOccupationTable;
  candidate_employments: CandidateEmploymentTable;
  slots: SlotTable;
  slot_skills: SlotSkillTable;
  match_proposals: MatchProposalTable;
  placements: PlacementTable;
  consents: ConsentTable;
  audit_log: AuditLogTable;
  search_outbox: SearchOutboxTable;
  organisation_invitations: OrganisationInvitationTable;
  api_keys: ApiKeyTable;
  rate_limits: RateLimitTable;
  employer_decisions: EmployerDecisionTable;
  match_decisions: MatchDecisionTable;
  organisation_verifications: OrganisationVerificationTable;
  placement_follow_ups: PlacementFollowUpTable;
  placement_milestones: PlacementMilestoneTable;
  placement_extensions: PlacementExtensionTable;
  candidate_notes: CandidateNoteTable;
  cohorts: CohortTable;
  cohort_members: CohortMemberTable;
  candidate_invitations: CandidateInvitationTable;
  mailbox_messages: MailboxMessageTable;
  profile_views: ProfileViewTable;
  erasure_requests: ErasureRequestTable;
  erased_candidates: ErasedCandidateTable;
  erased_placements: ErasedPlacementTable;
  candidate_cprs: CandidateCprTable;
  password_resets: PasswordResetTable;
  cpr_duplicate_flags: CprDuplicateFlagTable;
  outgoing_mails: OutgoingMailTable;
  notification_events: NotificationEventTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  offer_notices: OfferNoticeTable;
}

export type Candidate = Selectable<CandidateTable>;
export type NewCandidate = Insertable<CandidateTable>;
export type Slot = Selectable<SlotTable>;
export type NewSlot = Insertable<SlotTable>;
export type SlotUpdate = Updateable<SlotTable>;
export type User = Selectable<UserTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Workplace = Selectable<WorkplaceTable>;
export type MatchProposal = Selectable<MatchProposalTable>;
export type Placement = Selectable<PlacementTable>;
