/**
 * The consultant's caseload and candidate page (issue 24, items 1 and 2).
 * A consultant sees the candidates of their own jobcentre only; every view
 * of a candidate's page is recorded in profile_views, like every other view
 * of candidate data, and is what "who viewed them" lists.
 */
import type { Kysely } from 'kysely';
import {
  findCandidateById,
  insertCandidateNote,
  selectCaseload,
  selectNotesOfCandidate,
  selectPendingRegistrations,
  selectPlacementsOfCandidate,
  selectProposalsOfCandidate,
  setCandidateStatus,
  type CaseloadRow,
  type CandidateNoteRow,
  type CandidatePlacementRow,
  type CandidateProposalRow,
  type PendingRow,
} from '../../db/queries/caseload.js';
import {
  insertProfileViews,
  selectLanguagesOfCandidate,
  selectOccupationsOfCandidate,
  selectProfileViews,
  selectSkillsOfCandidate,
  updateCandidate,
  type CandidateLanguageRow,
  type CandidateOccupationRow,
  type CandidateRow,
  type CandidateSkillRow,
  type ProfileViewRow,
} from '../../db/queries/candidates.js';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { Executor } from '../../db/client.server.js';
import type { DB } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import { maskedCprForConsultant, type CprCipher } from '../candidates/cpr.server.js';
import { availabilitySchema, placeSchema } from '../candidates/profile-schemas.js';
import { fieldsOf } from '../lib/field-errors.js';
import { asConsultant, type ConsultantUser } from '../consultants/consultant.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { danishDateOf } from '../privacy/deadline.js';
import { CASELOAD_PAGE_SIZE, type CaseloadQuery } from './schemas.js';

export type CaseloadDeps = { db: Kysely<DB>; clock: () => Date };

export type Caseload = {
  pending: PendingRow[];
  rows: CaseloadRow[];
  total: number;
  page: number;
  pageSize: number;
};

/** One page of the jobcentre's candidates with the total, and the self-registrations waiting for an answer. */
export async function loadCaseload(deps: CaseloadDeps, user: ConsultantUser, query: CaseloadQuery): Promise<Caseload> {
  const consultant = asConsultant(user);
  const page = query.page ?? 1;
  const [pending, result] = await Promise.all([
    selectPendingRegistrations(deps.db, consultant.jobcentreId, 50),
    selectCaseload(deps.db, {
      jobcentreId: consultant.jobcentreId,
      name: query.q ?? null,
      status: query.status ?? null,
      minDaysWaited: query.minDays ?? null,
      danishAtLeast: query.danish ?? null,
      sector: query.sector ?? null,
      sort: query.sort ?? 'waited',
      descending: (query.dir ?? 'desc') === 'desc',
      today: danishDateOf(deps.clock()),
      limit: CASELOAD_PAGE_SIZE,
      offset: (page - 1) * CASELOAD_PAGE_SIZE,
    }),
  ]);
  return { pending, rows: result.rows, total: result.total, page, pageSize: CASELOAD_PAGE_SIZE };
}

export type CandidatePage = {
  candidate: CandidateRow;
  maskedCpr: string | null;
  skills: CandidateSkillRow[];
  languages: CandidateLanguageRow[];
  occupations: CandidateOccupationRow[];
  proposals: CandidateProposalRow[];
  placements: CandidatePlacementRow[];
  notes: CandidateNoteRow[];
  views: ProfileViewRow[];
};

async function ownCandidateOf(db: Executor, consultant: { jobcentreId: string }, candidateId: string): Promise<CandidateRow> {
  const candidate = await findCandidateById(db, candidateId);
  if (!candidate) throw new NotFound('Candidate', candidateId);
  if (candidate.jobcentre_id !== consultant.jobcentreId) throw new Forbidden("Only the candidate's own jobcentre sees this page");
  return candidate;
}

/**
 * Everything the consultant knows about one candidate of their jobcentre;
 * records the view (audit) before reading who viewed, so the list includes it.
 * @throws NotFound, Forbidden (another jobcentre's candidate).
 */
export async function loadCandidatePage(
  deps: CaseloadDeps & { cprCipher: CprCipher | null },
  user: ConsultantUser,
  candidateId: string,
): Promise<CandidatePage> {
  const consultant = asConsultant(user);
  const candidate = await ownCandidateOf(deps.db, consultant, candidateId);
  await insertProfileViews(deps.db, [{ candidateId, viewerUserId: consultant.id, organisationId: null, jobcentreId: consultant.jobcentreId }]);
  const [maskedCpr, skills, languages, occupations, proposals, placements, notes, views] = await Promise.all([
    maskedCprForConsultant({ db: deps.db, cipher: deps.cprCipher }, user, { id: candidate.id, jobcentreId: candidate.jobcentre_id }),
    selectSkillsOfCandidate(deps.db, candidateId),
    selectLanguagesOfCandidate(deps.db, candidateId),
    selectOccupationsOfCandidate(deps.db, candidateId),
    selectProposalsOfCandidate(deps.db, candidateId),
    selectPlacementsOfCandidate(deps.db, candidateId),
    selectNotesOfCandidate(deps.db, candidateId),
    selectProfileViews(deps.db, candidateId, 30),
  ]);
  return { candidate, maskedCpr, skills, languages, occupations, proposals, placements, notes, views };
}

/** Adds a dated note by the consultant; notes are a history and are never changed (the database refuses updates). */
export async function addCandidateNote(deps: CaseloadDeps, user: ConsultantUser, candidateId: string, body: string): Promise<void> {
  const consultant = asConsultant(user);
  const text = body.trim();
  if (text.length === 0) throw new InvalidInput('Write the note', { body: ['required'] });
  if (text.length > 4000) throw new InvalidInput('The note is too long (at most 4,000 characters)', { body: ['too long'] });
  await ownCandidateOf(deps.db, consultant, candidateId);
  await insertCandidateNote(deps.db, { candidateId, authorUserId: consultant.id, body: text, at: deps.clock() });
}

/**
 * Marks a confirmed candidate active, inactive or archived (archived leaves
 * the caseload's default view); the search index follows.
 * @throws Conflict for a pending registration (confirm or decline it instead).
 */
export async function setCandidateStatusByConsultant(
  deps: CaseloadDeps,
  user: ConsultantUser,
  candidateId: string,
  status: 'active' | 'inactive' | 'archived',
): Promise<void> {
  const consultant = asConsultant(user);
  await deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidateOf(trx, consultant, candidateId);
    if (candidate.status === 'pending') throw new Conflict('Confirm or decline the registration first');
    await setCandidateStatus(trx, candidateId, { status, archived_at: status === 'archived' ? deps.clock() : null });
    await enqueueIndexChange(trx, { index: 'candidates', id: candidateId, operation: 'upsert' });
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: `candidate.status.${status}`,
      subjectType: 'candidate',
      subjectId: candidateId,
      details: { from: candidate.status },
    });
  });
}

/**
 * The consultant edits the candidate's place and availability on their
 * behalf (e.g. at a meeting), with the same validation as the candidate's
 * own pages; audit-logged with the consultant as actor.
 * @throws InvalidInput naming the field (candidate:errors.* keys).
 */
export async function editCandidateOnBehalf(
  deps: CaseloadDeps,
  user: ConsultantUser,
  candidateId: string,
  input: { postalCode: string; maxTravelKm: string; drivingLicence?: string | undefined; availableFrom: string; hoursPerWeek?: string | undefined },
): Promise<void> {
  const consultant = asConsultant(user);
  const place = placeSchema.safeParse(input);
  const availability = availabilitySchema(deps.clock).safeParse(input);
  const issues = [...(place.success ? [] : place.error.issues), ...(availability.success ? [] : availability.error.issues)];
  if (!place.success || !availability.success) throw new InvalidInput('errors.invalid', fieldsOf(issues));
  await deps.db.transaction().execute(async (trx) => {
    await ownCandidateOf(trx, consultant, candidateId);
    await updateCandidate(trx, candidateId, {
      postal_code: place.data.postalCode,
      max_travel_km: place.data.maxTravelKm,
      driving_licence: place.data.drivingLicence,
      available_from: availability.data.availableFrom,
      hours_per_week: availability.data.hoursPerWeek ?? null,
    });
    await enqueueIndexChange(trx, { index: 'candidates', id: candidateId, operation: 'upsert' });
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: 'candidate.edited_on_behalf',
      subjectType: 'candidate',
      subjectId: candidateId,
      details: { fields: ['place', 'availability'] },
    });
  });
}
