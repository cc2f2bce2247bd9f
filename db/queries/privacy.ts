/**
 * SQL for privacy (issue 8): everything Jobbro holds about one candidate (the
 * data export), erasure requests, and the erasure itself — the pseudonymous
 * trace it leaves and the deletes it makes (ADR 0005).
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { ErasureStatus, LabelSet } from '../schema.js';
import { containsPattern } from './like.js';

// ---- export ---------------------------------------------------------------------

export async function selectAccountForExport(db: Executor, userId: string) {
  return db.selectFrom('users').select(['email', 'display_name', 'role', 'locale', 'created_at']).where('id', '=', userId).executeTakeFirst();
}

export async function selectCandidateForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('candidates')
    .innerJoin('jobcentres', 'jobcentres.id', 'candidates.jobcentre_id')
    .select([
      'candidates.id',
      'candidates.status',
      'candidates.confirmed_at',
      'candidates.full_name',
      'candidates.email',
      'candidates.phone',
      'candidates.birth_date',
      'candidates.arrival_date',
      'candidates.residence_basis',
      'candidates.gender',
      'candidates.nationality',
      'candidates.postal_code',
      'candidates.max_travel_km',
      'candidates.available_from',
      'candidates.hours_per_week',
      'candidates.driving_licence',
      'candidates.danish_spoken',
      'candidates.danish_written',
      'candidates.danish_programme',
      'candidates.danish_module',
      'candidates.danish_test',
      'candidates.danish_evidence',
      'candidates.ambition_occupations',
      'candidates.ambition_sectors',
      'candidates.ambition_note',
      'candidates.education',
      'candidates.waiting_since',
      'candidates.created_at',
      'candidates.updated_at',
      'jobcentres.name as jobcentre_name',
    ])
    .where('candidates.id', '=', candidateId)
    .executeTakeFirst();
}

export async function selectSkillsForExport(db: Executor, candidateId: string) {
  const rows = await db
    .selectFrom('candidate_skills')
    .innerJoin('skills', 'skills.uri', 'candidate_skills.skill_uri')
    .select(['candidate_skills.skill_uri', 'skills.labels', 'candidate_skills.years', 'candidate_skills.learned_where'])
    .where('candidate_skills.candidate_id', '=', candidateId)
    .orderBy('candidate_skills.skill_uri')
    .execute();
  return rows.map((row) => ({ ...row, years: row.years === null ? null : Number(row.years) }));
}

export async function selectLanguagesForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('candidate_languages')
    .select(['code', 'spoken', 'written', 'is_mother_tongue', 'evidence'])
    .where('candidate_id', '=', candidateId)
    .orderBy('code')
    .execute();
}

export async function selectOccupationsForExport(db: Executor, candidateId: string) {
  const rows = await db
    .selectFrom('candidate_occupations')
    .innerJoin('occupations', 'occupations.uri', 'candidate_occupations.occupation_uri')
    .select(['candidate_occupations.occupation_uri', 'occupations.labels', 'candidate_occupations.years'])
    .where('candidate_occupations.candidate_id', '=', candidateId)
    .orderBy('candidate_occupations.occupation_uri')
    .execute();
  return rows.map((row) => ({ ...row, years: row.years === null ? null : Number(row.years) }));
}

/** Labels of the occupations named as ambitions (stored as URIs on the candidate). */
export async function selectOccupationLabels(db: Executor, uris: readonly string[]): Promise<Array<{ uri: string; labels: LabelSet }>> {
  if (uris.length === 0) return [];
  return db
    .selectFrom('occupations')
    .select(['uri', 'labels'])
    .where('uri', 'in', [...uris])
    .execute();
}

export async function selectEmploymentsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('candidate_employments')
    .select(['cvr', 'kind', 'start_date', 'end_date'])
    .where('candidate_id', '=', candidateId)
    .orderBy('start_date')
    .execute();
}

/** Proposals (the matcher's and the candidate's own interest) with the employer's answer, if any. */
export async function selectProposalsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .leftJoin('employer_decisions', 'employer_decisions.proposal_id', 'match_proposals.id')
    .select([
      'slots.title as slot_title',
      'slots.type as slot_type',
      'organisations.name as organisation_name',
      'match_proposals.source',
      'match_proposals.status',
      'match_proposals.score',
      'match_proposals.reasons',
      'match_proposals.computed_at',
      'match_proposals.decided_at',
      'match_proposals.reject_reason',
      'match_proposals.decision_note',
      'employer_decisions.decision as employer_decision',
      'employer_decisions.reason as employer_reason',
      'employer_decisions.note as employer_note',
      'employer_decisions.decided_at as employer_decided_at',
    ])
    .where('match_proposals.candidate_id', '=', candidateId)
    .orderBy('match_proposals.computed_at', 'desc')
    .execute();
}

/** The jobcentre's decisions on the candidate (history, including proposals that no longer exist). */
export async function selectDecisionsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('match_decisions')
    .leftJoin('slots', 'slots.id', 'match_decisions.slot_id')
    .leftJoin('jobcentres', 'jobcentres.id', 'match_decisions.jobcentre_id')
    .select([
      'slots.title as slot_title',
      'match_decisions.slot_type',
      'match_decisions.source',
      'match_decisions.decision',
      'match_decisions.reject_reason',
      'match_decisions.note',
      'match_decisions.score',
      'match_decisions.decided_at',
      'jobcentres.name as jobcentre_name',
    ])
    .where('match_decisions.candidate_id', '=', candidateId)
    .orderBy('match_decisions.decided_at', 'desc')
    .execute();
}

/** Every sharing decision, current and revoked, with who recorded it and when. */
export async function selectConsentsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('consents')
    .innerJoin('slots', 'slots.id', 'consents.slot_id')
    .innerJoin('organisations', 'organisations.id', 'consents.organisation_id')
    .leftJoin('users', 'users.id', 'consents.recorded_by')
    .select([
      'slots.title as slot_title',
      'organisations.name as organisation_name',
      'consents.granted',
      'consents.scope',
      'consents.recorded_at',
      'consents.revoked_at',
      'users.display_name as recorded_by_name',
      'users.role as recorded_by_role',
    ])
    .where('consents.candidate_id', '=', candidateId)
    .orderBy('consents.recorded_at', 'desc')
    .execute();
}

export async function selectPlacementsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('placements')
    .innerJoin('slots', 'slots.id', 'placements.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .select([
      'placements.id',
      'slots.title as slot_title',
      'organisations.name as organisation_name',
      'placements.type',
      'placements.start_date',
      'placements.end_date',
      'placements.status',
      'placements.started_on',
      'placements.ended_on',
      'placements.ended_reason',
      'placements.outcome',
      'placements.outcome_on',
      'placements.created_at',
    ])
    .where('placements.candidate_id', '=', candidateId)
    .orderBy('placements.start_date', 'desc')
    .execute();
}

export async function selectFollowUpsForExport(db: Executor, placementIds: readonly string[]) {
  if (placementIds.length === 0) return [];
  return db
    .selectFrom('placement_follow_ups')
    .select(['placement_id', 'visited_on', 'note', 'next_follow_up', 'recorded_at'])
    .where('placement_id', 'in', [...placementIds])
    .orderBy('visited_on')
    .execute();
}

export async function selectMilestonesForExport(db: Executor, placementIds: readonly string[]) {
  if (placementIds.length === 0) return [];
  return db
    .selectFrom('placement_milestones')
    .select(['placement_id', 'kind', 'due_on', 'done_on', 'note'])
    .where('placement_id', 'in', [...placementIds])
    .orderBy('due_on')
    .execute();
}

export async function selectCohortsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('cohort_members')
    .innerJoin('cohorts', 'cohorts.id', 'cohort_members.cohort_id')
    .select([
      'cohorts.title',
      'cohorts.sector',
      'cohorts.course_start',
      'cohorts.course_end',
      'cohort_members.status',
      'cohort_members.reject_reason',
      'cohort_members.added_at',
      'cohort_members.decided_at',
    ])
    .where('cohort_members.candidate_id', '=', candidateId)
    .orderBy('cohorts.course_start')
    .execute();
}

export async function selectInvitationsForExport(db: Executor, candidateId: string) {
  return db
    .selectFrom('candidate_invitations')
    .select(['created_at', 'expires_at', 'used_at'])
    .where('candidate_id', '=', candidateId)
    .orderBy('created_at')
    .execute();
}

// ---- erasure requests -------------------------------------------------------------

export type ErasureRequestRow = {
  id: string;
  candidate_id: string | null;
  jobcentre_id: string;
  requested_at: Date;
  requested_via: 'candidate' | 'consultant';
  deadline: string;
  status: ErasureStatus;
  handled_at: Date | null;
};

const requestColumns = [
  'erasure_requests.id',
  'erasure_requests.candidate_id',
  'erasure_requests.jobcentre_id',
  'erasure_requests.requested_at',
  'erasure_requests.requested_via',
  'erasure_requests.deadline',
  'erasure_requests.status',
  'erasure_requests.handled_at',
] as const;

export async function selectErasureRequestsOfCandidate(db: Executor, candidateId: string): Promise<ErasureRequestRow[]> {
  return db.selectFrom('erasure_requests').select(requestColumns).where('candidate_id', '=', candidateId).orderBy('requested_at', 'desc').execute();
}

export async function findOpenErasureRequest(db: Executor, candidateId: string): Promise<ErasureRequestRow | undefined> {
  return db
    .selectFrom('erasure_requests')
    .select(requestColumns)
    .where('candidate_id', '=', candidateId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
}

/** Locks the request row, so two consultants cannot erase (or one cancel while another erases) at once. */
export async function findErasureRequestForUpdate(db: Executor, requestId: string): Promise<ErasureRequestRow | undefined> {
  return db.selectFrom('erasure_requests').select(requestColumns).where('id', '=', requestId).forUpdate().executeTakeFirst();
}

export async function insertErasureRequest(
  db: Executor,
  row: { candidateId: string; jobcentreId: string; requestedBy: string; via: 'candidate' | 'consultant'; at: Date; deadline: string },
): Promise<string> {
  const inserted = await db
    .insertInto('erasure_requests')
    .values({
      candidate_id: row.candidateId,
      jobcentre_id: row.jobcentreId,
      requested_by: row.requestedBy,
      requested_via: row.via,
      requested_at: row.at,
      deadline: row.deadline,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function closeErasureRequest(
  db: Executor,
  requestId: string,
  row: { status: 'completed' | 'cancelled'; handledBy: string; at: Date; jobcentreId: string },
): Promise<void> {
  await db
    .updateTable('erasure_requests')
    .set({ status: row.status, handled_by: row.handledBy, handled_at: row.at, jobcentre_id: row.jobcentreId })
    .where('id', '=', requestId)
    .where('status', '=', 'requested')
    .execute();
}

export type OpenErasureRow = {
  id: string;
  candidate_id: string;
  full_name: string;
  email: string | null;
  requested_at: Date;
  requested_via: 'candidate' | 'consultant';
  deadline: string;
  active_placements: number;
};

/** Open requests of the candidates a jobcentre now holds, the nearest deadline first. */
export async function selectOpenErasureRequests(db: Executor, jobcentreId: string): Promise<OpenErasureRow[]> {
  const rows = await db
    .selectFrom('erasure_requests')
    .innerJoin('candidates', 'candidates.id', 'erasure_requests.candidate_id')
    .select([
      'erasure_requests.id',
      'candidates.id as candidate_id',
      'candidates.full_name',
      'candidates.email',
      'erasure_requests.requested_at',
      'erasure_requests.requested_via',
      'erasure_requests.deadline',
      sql<string | number>`(select count(*) from placements p
        where p.candidate_id = candidates.id and p.status in ('planned', 'started'))`.as('active_placements'),
    ])
    .where('erasure_requests.status', '=', 'requested')
    .where('candidates.jobcentre_id', '=', jobcentreId)
    .orderBy('erasure_requests.deadline')
    .orderBy('erasure_requests.requested_at')
    .execute();
  return rows.map((row) => ({ ...row, active_placements: Number(row.active_placements) }));
}

/** Requests the jobcentre closed lately; erased candidates appear without a name (there is none left). */
export async function selectHandledErasureRequests(db: Executor, jobcentreId: string, limit = 20) {
  return db
    .selectFrom('erasure_requests')
    .leftJoin('candidates', 'candidates.id', 'erasure_requests.candidate_id')
    .select([
      'erasure_requests.id',
      'erasure_requests.status',
      'erasure_requests.requested_at',
      'erasure_requests.deadline',
      'erasure_requests.handled_at',
      'candidates.full_name',
    ])
    .where('erasure_requests.status', '<>', 'requested')
    .where('erasure_requests.jobcentre_id', '=', jobcentreId)
    .orderBy('erasure_requests.handled_at', 'desc')
    .limit(limit)
    .execute();
}

/** Candidates of a jobcentre by name or e-mail, for registering a request made on paper. */
export async function searchCandidatesOfJobcentre(db: Executor, jobcentreId: string, text: string, limit = 20) {
  const pattern = containsPattern(text);
  return db
    .selectFrom('candidates')
    .leftJoin('users', 'users.id', 'candidates.user_id')
    .select([
      'candidates.id',
      'candidates.full_name',
      'candidates.birth_date',
      sql<string | null>`coalesce(candidates.email, users.email)`.as('email'),
    ])
    .where('candidates.jobcentre_id', '=', jobcentreId)
    .where((eb) =>
      eb.or([eb('candidates.full_name', 'ilike', pattern), eb('candidates.email', 'ilike', pattern), eb('users.email', 'ilike', pattern)]),
    )
    .orderBy('candidates.full_name')
    .limit(limit)
    .execute();
}

// ---- erasure ------------------------------------------------------------------------

export type CandidateToEraseRow = {
  id: string;
  user_id: string | null;
  jobcentre_id: string;
  full_name: string;
  email: string | null;
  user_email: string | null;
};

export async function findCandidateToErase(db: Executor, candidateId: string): Promise<CandidateToEraseRow | undefined> {
  return db
    .selectFrom('candidates')
    .leftJoin('users', 'users.id', 'candidates.user_id')
    .select([
      'candidates.id',
      'candidates.user_id',
      'candidates.jobcentre_id',
      'candidates.full_name',
      'candidates.email',
      'users.email as user_email',
    ])
    .where('candidates.id', '=', candidateId)
    .forUpdate('candidates')
    .executeTakeFirst();
}

export async function findCandidateJobcentre(db: Executor, candidateId: string) {
  return db.selectFrom('candidates').select(['id', 'jobcentre_id']).where('id', '=', candidateId).executeTakeFirst();
}

export async function countActivePlacements(db: Executor, candidateId: string): Promise<number> {
  const row = await db
    .selectFrom('placements')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('candidate_id', '=', candidateId)
    .where('status', 'in', ['planned', 'started'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new random pseudonym; no table keeps the candidate id beside it. */
export async function insertErasedCandidate(db: Executor, jobcentreId: string): Promise<string> {
  const row = await db.insertInto('erased_candidates').values({ jobcentre_id: jobcentreId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Copies what the figures count about the candidate's placements (scheme, sector, status, outcome) under the pseudonym. */
export async function copyPlacementsToTrace(db: Executor, candidateId: string, pseudonym: string, jobcentreId: string): Promise<number> {
  const result = await db
    .insertInto('erased_placements')
    .columns(['erased_candidate_id', 'jobcentre_id', 'slot_id', 'type', 'sector', 'status', 'outcome', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('placements')
        .innerJoin('slots', 'slots.id', 'placements.slot_id')
        .select([
          eb.val(pseudonym).as('erased_candidate_id'),
          eb.val(jobcentreId).as('jobcentre_id'),
          'placements.slot_id',
          'placements.type',
          'slots.sector',
          'placements.status',
          'placements.outcome',
          'placements.created_at',
        ])
        .where('placements.candidate_id', '=', candidateId),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Tags the candidate's decisions with the pseudonym and drops the consultants'
 * free-text notes (they may name the person). A rejection for "other" must
 * keep a note, so it becomes a fixed marker.
 */
export async function pseudonymiseDecisions(db: Executor, candidateId: string, pseudonym: string): Promise<void> {
  await db
    .updateTable('match_decisions')
    .set({
      erased_candidate_id: pseudonym,
      note: sql<string | null>`case when reject_reason = 'other' then '(erased)' else null end`,
    })
    .where('candidate_id', '=', candidateId)
    .execute();
}

/**
 * Audit entries about the person go; entries about others' actions stay but
 * lose the ids that pointed at the person (top-level values in `details`).
 */
export async function scrubAuditLog(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('audit_log')
    .where('subject_id', 'in', [...ids])
    .execute();
  const values = sql.join(ids.map((id) => sql`to_jsonb(${id}::text)`));
  await db
    .updateTable('audit_log')
    .set({
      details: sql`(select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(audit_log.details) e
        where e.value not in (${values})) || '{"personErased": true}'::jsonb`,
    })
    .where(sql<boolean>`exists (select 1 from jsonb_each(audit_log.details) e where e.value in (${values}))`)
    .execute();
}

/** Messages in the local mailbox sent to the person or naming them. */
export async function deleteMailboxMessagesAbout(db: Executor, person: { emails: readonly string[]; fullName: string }): Promise<void> {
  const needles = [...person.emails, person.fullName].filter((text) => text.trim().length > 0);
  if (needles.length === 0) return;
  await db
    .deleteFrom('mailbox_messages')
    .where((eb) =>
      eb.or([
        ...person.emails.map((email) => eb(eb.fn('lower', ['to_address']), '=', email.toLowerCase())),
        ...needles.map((text) => eb('text_body', 'ilike', containsPattern(text))),
        ...needles.map((text) => eb('subject', 'ilike', containsPattern(text))),
      ]),
    )
    .execute();
}

/** Earlier index changes of the document carry its id and are moot once it is deleted. */
export async function deleteOutboxEntriesOf(db: Executor, candidateId: string): Promise<void> {
  await db.deleteFrom('search_outbox').where('index_name', '=', 'candidates').where('document_id', '=', candidateId).execute();
}

/**
 * Applied index deletes of candidates that no longer exist: the last place an
 * erased candidate's id remains. Returns how many went.
 */
export async function purgeAppliedCandidateDeletes(db: Executor): Promise<number> {
  const result = await db
    .deleteFrom('search_outbox')
    .where('index_name', '=', 'candidates')
    .where('operation', '=', 'delete')
    .where('processed_at', 'is not', null)
    .where(sql<boolean>`not exists (select 1 from candidates c where c.id::text = search_outbox.document_id)`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the candidate; their skills, languages, proposals, placements, consents, views and invitations go with the row. */
export async function deleteCandidate(db: Executor, candidateId: string): Promise<void> {
  await db.deleteFrom('candidates').where('id', '=', candidateId).execute();
}

/** Deletes a login account; its sessions go with it. */
export async function deleteUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
