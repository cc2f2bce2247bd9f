/**
 * SQL for the candidate's own pages: the profile and its parts, interest in
 * slots (match_proposals with source 'interest'), consents per slot, profile
 * views, invitations and self-registration.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor } from '../client.server.js';
import type {
  CandidateInvitationTable,
  CandidateLanguageTable,
  CandidateOccupationTable,
  CandidateSkillTable,
  CandidateTable,
  Cefr,
  SlotType,
} from '../schema.js';
import { reusableQuery } from './reusable-query.js';

export type CandidateRow = Selectable<CandidateTable>;
export type CandidateSkillRow = { skill_uri: string; years: number | null; learned_where: 'denmark' | 'abroad' | 'informal' | null };
export type CandidateLanguageRow = Omit<Selectable<CandidateLanguageTable>, 'candidate_id'>;
export type CandidateOccupationRow = { occupation_uri: string; years: number | null };

export async function findCandidateByUserId(db: Executor, userId: string): Promise<CandidateRow | undefined> {
  return db.selectFrom('candidates').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** What the offers page needs of the logged-in candidate (see `findOfferSeekerByUserId`). */
export type OfferSeekerRow = Pick<
  CandidateRow,
  | 'id'
  | 'jobcentre_id'
  | 'birth_date'
  | 'arrival_date'
  | 'residence_basis'
  | 'postal_code'
  | 'max_travel_km'
  | 'available_from'
  | 'hours_per_week'
  | 'danish_spoken'
  | 'danish_written'
  | 'ambition_occupations'
  | 'ambition_sectors'
  | 'waiting_since'
> & {
  /** Sorted, as `selectSkillsOfCandidate` returns them. */
  skill_uris: string[];
  /** Sorted by code, as `selectLanguagesOfCandidate` returns them. */
  languages: Array<Pick<CandidateLanguageRow, 'code' | 'spoken' | 'written'>>;
  /** Slots the candidate said they are interested in (`selectInterestSlotIds`). */
  interest_slot_ids: string[];
};

// Compiled once (reusable-query.ts): every offers page reads it.
const offerSeekerOfUser = reusableQuery((db: Executor, _form: null, [userId]: readonly [userId: string]) =>
  db
    .selectFrom('candidates as c')
    .select([
      'c.id',
      'c.jobcentre_id',
      'c.birth_date',
      'c.arrival_date',
      'c.residence_basis',
      'c.postal_code',
      'c.max_travel_km',
      'c.available_from',
      'c.hours_per_week',
      'c.danish_spoken',
      'c.danish_written',
      'c.ambition_occupations',
      'c.ambition_sectors',
      'c.waiting_since',
    ])
    .select((eb) => [
      sql<
        string[]
      >`array(${eb.selectFrom('candidate_skills as s').select('s.skill_uri').whereRef('s.candidate_id', '=', 'c.id').orderBy('s.skill_uri')})`.as(
        'skill_uris',
      ),
      jsonArrayFrom(
        eb
          .selectFrom('candidate_languages as l')
          .select(['l.code', 'l.spoken', 'l.written'])
          .whereRef('l.candidate_id', '=', 'c.id')
          .orderBy('l.code'),
      ).as('languages'),
      // As text: uuid[] is not parsed into an array by every driver.
      sql<string[]>`array(${eb
        .selectFrom('match_proposals as p')
        .select(sql<string>`p.slot_id::text`.as('slot_id'))
        .whereRef('p.candidate_id', '=', 'c.id')
        .where('p.source', '=', 'interest')})`.as('interest_slot_ids'),
    ])
    .where('c.user_id', '=', userId),
);

/**
 * The candidate row, skills, languages and interests of a user in one round
 * trip: the offers page is the busiest candidate page, and four separate
 * queries were a good part of its server time.
 */
export async function findOfferSeekerByUserId(db: Executor, userId: string): Promise<OfferSeekerRow | undefined> {
  const [row] = await offerSeekerOfUser(db, null, [userId]);
  return row;
}

export async function selectSkillsOfCandidate(db: Executor, candidateId: string): Promise<CandidateSkillRow[]> {
  const rows = await db
    .selectFrom('candidate_skills')
    .select(['skill_uri', 'years', 'learned_where'])
    .where('candidate_id', '=', candidateId)
    .orderBy('skill_uri')
    .execute();
  return rows.map((row) => ({ ...row, years: row.years === null ? null : Number(row.years) }));
}

export async function selectLanguagesOfCandidate(db: Executor, candidateId: string): Promise<CandidateLanguageRow[]> {
  return db
    .selectFrom('candidate_languages')
    .select(['code', 'spoken', 'written', 'is_mother_tongue', 'evidence'])
    .where('candidate_id', '=', candidateId)
    .orderBy('code')
    .execute();
}

export async function selectOccupationsOfCandidate(db: Executor, candidateId: string): Promise<CandidateOccupationRow[]> {
  const rows = await db
    .selectFrom('candidate_occupations')
    .select(['occupation_uri', 'years'])
    .where('candidate_id', '=', candidateId)
    .orderBy('occupation_uri')
    .execute();
  return rows.map((row) => ({ ...row, years: row.years === null ? null : Number(row.years) }));
}

export async function updateCandidate(db: Executor, candidateId: string, patch: Updateable<CandidateTable>): Promise<void> {
  await db
    .updateTable('candidates')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', candidateId)
    .execute();
}

export async function replaceCandidateSkills(db: Executor, candidateId: string, skills: CandidateSkillRow[]): Promise<void> {
  await db.deleteFrom('candidate_skills').where('candidate_id', '=', candidateId).execute();
  if (skills.length === 0) return;
  const rows: Insertable<CandidateSkillTable>[] = skills.map((skill) => ({ candidate_id: candidateId, ...skill }));
  await db.insertInto('candidate_skills').values(rows).execute();
}

/** Replaces the languages other than Danish (Danish lives on the candidate row). */
export async function replaceCandidateLanguages(db: Executor, candidateId: string, languages: CandidateLanguageRow[]): Promise<void> {
  await db.deleteFrom('candidate_languages').where('candidate_id', '=', candidateId).execute();
  if (languages.length === 0) return;
  const rows: Insertable<CandidateLanguageTable>[] = languages.map((language) => ({ candidate_id: candidateId, ...language }));
  await db.insertInto('candidate_languages').values(rows).execute();
}

export async function replaceCandidateOccupations(db: Executor, candidateId: string, occupations: CandidateOccupationRow[]): Promise<void> {
  await db.deleteFrom('candidate_occupations').where('candidate_id', '=', candidateId).execute();
  if (occupations.length === 0) return;
  const rows: Insertable<CandidateOccupationTable>[] = occupations.map((o) => ({ candidate_id: candidateId, ...o }));
  await db.insertInto('candidate_occupations').values(rows).execute();
}

// ---- slots as a candidate sees them -------------------------------------------

export type OfferSlotRow = {
  id: string;
  type: SlotType;
  title: string;
  description: string;
  start_date: string;
  weeks: number;
  hours_per_week: number;
  mentor: boolean;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  organisation_id: string;
  organisation_name: string;
  postal_code: string;
};

export async function findPublishedSlot(db: Executor, slotId: string): Promise<OfferSlotRow | undefined> {
  const row = await db
    .selectFrom('slots')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .innerJoin('workplaces', 'workplaces.id', 'slots.workplace_id')
    .select([
      'slots.id',
      'slots.type',
      'slots.title',
      'slots.description',
      'slots.start_date',
      'slots.weeks',
      'slots.hours_per_week',
      'slots.mentor',
      'slots.danish_spoken',
      'slots.danish_written',
      'slots.organisation_id',
      'organisations.name as organisation_name',
      'workplaces.postal_code',
    ])
    .where('slots.id', '=', slotId)
    .where('slots.status', '=', 'published')
    .executeTakeFirst();
  return row ? { ...row, hours_per_week: Number(row.hours_per_week) } : undefined;
}

// ---- interest -------------------------------------------------------------------

export type ProposalRow = { id: string; source: 'matcher' | 'interest'; status: 'proposed' | 'approved' | 'rejected' | 'stale' };

export async function findProposal(db: Executor, candidateId: string, slotId: string): Promise<ProposalRow | undefined> {
  return db
    .selectFrom('match_proposals')
    .select(['id', 'source', 'status'])
    .where('candidate_id', '=', candidateId)
    .where('slot_id', '=', slotId)
    .executeTakeFirst();
}

export async function insertInterest(
  db: Executor,
  row: { candidateId: string; slotId: string; score: number; components: Record<string, number>; reasons: string[] },
): Promise<string> {
  const inserted = await db
    .insertInto('match_proposals')
    .values({
      candidate_id: row.candidateId,
      slot_id: row.slotId,
      source: 'interest',
      status: 'proposed',
      score: row.score,
      components: JSON.stringify(row.components),
      reasons: JSON.stringify(row.reasons),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A matcher proposal the candidate also asked for: it becomes their interest. */
export async function markProposalAsInterest(db: Executor, proposalId: string): Promise<void> {
  await db.updateTable('match_proposals').set({ source: 'interest' }).where('id', '=', proposalId).execute();
}

export async function deleteProposal(db: Executor, proposalId: string): Promise<void> {
  await db.deleteFrom('match_proposals').where('id', '=', proposalId).execute();
}

export async function selectInterestSlotIds(db: Executor, candidateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('match_proposals')
    .select('slot_id')
    .where('candidate_id', '=', candidateId)
    .where('source', '=', 'interest')
    .execute();
  return rows.map((row) => row.slot_id);
}

// ---- sharing ------------------------------------------------------------------

export type ApprovedSlotRow = {
  slot_id: string;
  title: string;
  type: SlotType;
  start_date: string;
  organisation_id: string;
  organisation_name: string;
};

/** Slots a consultant approved this candidate for: the ones the candidate decides sharing for. */
export async function selectApprovedSlots(db: Executor, candidateId: string): Promise<ApprovedSlotRow[]> {
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('organisations', 'organisations.id', 'slots.organisation_id')
    .select([
      'match_proposals.slot_id',
      'slots.title',
      'slots.type',
      'slots.start_date',
      'slots.organisation_id',
      'organisations.name as organisation_name',
    ])
    .where('match_proposals.candidate_id', '=', candidateId)
    .where('match_proposals.status', '=', 'approved')
    .orderBy('slots.start_date')
    .execute();
}

export type ConsentRow = { id: string; slot_id: string; granted: boolean; recorded_at: Date; revoked_at: Date | null };

/** Consents in force (not revoked), newest first. */
export async function selectActiveConsents(db: Executor, candidateId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .select(['id', 'slot_id', 'granted', 'recorded_at', 'revoked_at'])
    .where('candidate_id', '=', candidateId)
    .where('revoked_at', 'is', null)
    .orderBy('recorded_at', 'desc')
    .execute();
}

export async function revokeActiveConsents(db: Executor, candidateId: string, slotId: string, at: Date): Promise<void> {
  await db
    .updateTable('consents')
    .set({ revoked_at: at })
    .where('candidate_id', '=', candidateId)
    .where('slot_id', '=', slotId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertConsent(
  db: Executor,
  row: { candidateId: string; slotId: string; organisationId: string; granted: boolean; recordedBy: string; at: Date },
): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      candidate_id: row.candidateId,
      slot_id: row.slotId,
      organisation_id: row.organisationId,
      granted: row.granted,
      recorded_by: row.recordedBy,
      recorded_at: row.at,
    })
    .execute();
}

export type ProfileViewRow = { viewed_at: Date; viewer_name: string | null; organisation_name: string | null; jobcentre_name: string | null };

/** "Who viewed me", newest first: the latest `limit` views, or every one (the data export) when `limit` is null. */
export async function selectProfileViews(db: Executor, candidateId: string, limit: number | null = 50): Promise<ProfileViewRow[]> {
  const query = db
    .selectFrom('profile_views')
    .leftJoin('users', 'users.id', 'profile_views.viewer_user_id')
    .leftJoin('organisations', 'organisations.id', 'profile_views.organisation_id')
    .leftJoin('jobcentres', 'jobcentres.id', 'profile_views.jobcentre_id')
    .select([
      'profile_views.viewed_at',
      'users.display_name as viewer_name',
      'organisations.name as organisation_name',
      'jobcentres.name as jobcentre_name',
    ])
    .where('profile_views.candidate_id', '=', candidateId)
    .orderBy('profile_views.viewed_at', 'desc');
  return (limit === null ? query : query.limit(limit)).execute();
}

/** Called by the employer and consultant pages whenever they show candidates' profiles: one row per candidate shown. */
export async function insertProfileViews(
  db: Executor,
  rows: ReadonlyArray<{ candidateId: string; viewerUserId: string | null; organisationId: string | null; jobcentreId: string | null }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('profile_views')
    .values(
      rows.map((row) => ({
        candidate_id: row.candidateId,
        viewer_user_id: row.viewerUserId,
        organisation_id: row.organisationId,
        jobcentre_id: row.jobcentreId,
      })),
    )
    .execute();
}

// ---- accounts: invitations and self-registration ------------------------------------

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function insertCandidateUser(
  db: Executor,
  row: { email: string; displayName: string; passwordHash: string | null; locale: 'da' | 'en' | 'ar' | 'uk' | null },
): Promise<string> {
  const inserted = await db
    .insertInto('users')
    .values({ email: row.email, display_name: row.displayName, password_hash: row.passwordHash, role: 'candidate', locale: row.locale })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertCandidateRow(db: Executor, row: Insertable<CandidateTable>): Promise<string> {
  const inserted = await db.insertInto('candidates').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findJobcentreOfMunicipality(db: Executor, municipalityCode: string): Promise<{ id: string; name: string } | undefined> {
  return db.selectFrom('jobcentres').select(['id', 'name']).where('municipality_code', '=', municipalityCode).executeTakeFirst();
}

export async function insertJobcentre(db: Executor, municipalityCode: string, name: string): Promise<string> {
  const inserted = await db.insertInto('jobcentres').values({ municipality_code: municipalityCode, name }).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function insertInvitation(db: Executor, row: Insertable<CandidateInvitationTable>): Promise<void> {
  await db.insertInto('candidate_invitations').values(row).execute();
}

export type InvitationRow = {
  id: string;
  candidate_id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  email: string;
  display_name: string;
};

/** The invitation whose link token or paper code hashes to `hash`. */
export async function findInvitationByHash(db: Executor, hash: string): Promise<InvitationRow | undefined> {
  return db
    .selectFrom('candidate_invitations')
    .innerJoin('users', 'users.id', 'candidate_invitations.user_id')
    .select([
      'candidate_invitations.id',
      'candidate_invitations.candidate_id',
      'candidate_invitations.user_id',
      'candidate_invitations.expires_at',
      'candidate_invitations.used_at',
      'users.email',
      'users.display_name',
    ])
    .where((eb) => eb.or([eb('candidate_invitations.token_hash', '=', hash), eb('candidate_invitations.code_hash', '=', hash)]))
    .executeTakeFirst();
}

/**
 * Marks the invitation used if it still is open, in one statement: of two
 * accepts at the same moment (the link and the paper code), PostgreSQL lets
 * only one UPDATE see `used_at is null`. Returns whether this call claimed it.
 */
export async function claimInvitation(db: Executor, invitationId: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('candidate_invitations')
    .set({ used_at: at })
    .where('id', '=', invitationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends every open invitation of the candidate (a new one replaces them); returns how many. */
export async function expireOpenInvitations(db: Executor, candidateId: string, at: Date): Promise<number> {
  const result = await db
    .updateTable('candidate_invitations')
    .set({ expires_at: at })
    .where('candidate_id', '=', candidateId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type InvitableCandidateRow = {
  id: string;
  jobcentre_id: string;
  user_id: string | null;
  full_name: string;
  email: string | null;
  locale: 'da' | 'en' | 'ar' | 'uk' | null;
  has_password: boolean;
};

/** What resending an invitation needs to know of a candidate; `lock` holds it against a parallel resend. */
export async function findInvitableCandidate(db: Executor, candidateId: string, lock = false): Promise<InvitableCandidateRow | undefined> {
  const query = db
    .selectFrom('candidates')
    .leftJoin('users', 'users.id', 'candidates.user_id')
    .select([
      'candidates.id',
      'candidates.jobcentre_id',
      'candidates.user_id',
      'candidates.full_name',
      'users.email',
      'users.locale',
      sql<boolean>`users.password_hash is not null`.as('has_password'),
    ])
    .where('candidates.id', '=', candidateId);
  return (lock ? query.forUpdate('candidates') : query).executeTakeFirst();
}

export async function setUserPassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

// ---- confirmation of self-registered candidates ---------------------------------

export type PendingCandidateRow = { id: string; full_name: string; email: string | null; postal_code: string; created_at: Date };

/** Self-registrations waiting for the jobcentre, oldest first. */
export async function selectPendingCandidates(db: Executor, jobcentreId: string): Promise<PendingCandidateRow[]> {
  return db
    .selectFrom('candidates')
    .select(['id', 'full_name', 'email', 'postal_code', 'created_at'])
    .where('jobcentre_id', '=', jobcentreId)
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .execute();
}

/**
 * Moves a pending candidate of the jobcentre to `active` (confirmed now) or
 * `archived` (declined), only while still pending; returns whether it moved.
 */
export async function decidePendingCandidate(
  db: Executor,
  input: { candidateId: string; jobcentreId: string; decision: 'confirm' | 'decline'; at: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('candidates')
    .set(
      input.decision === 'confirm'
        ? { status: 'active', confirmed_at: input.at, updated_at: input.at }
        : { status: 'archived', archived_at: input.at, updated_at: input.at },
    )
    .where('id', '=', input.candidateId)
    .where('jobcentre_id', '=', input.jobcentreId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Interest a pending candidate may have left from before the rule, so nothing of theirs waits in a queue after a decline. */
export async function deleteUndecidedInterestOfCandidate(db: Executor, candidateId: string): Promise<number> {
  const result = await db.deleteFrom('match_proposals').where('candidate_id', '=', candidateId).where('status', '=', 'proposed').executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findCandidateJobcentre(db: Executor, candidateId: string): Promise<{ jobcentre_id: string } | undefined> {
  return db.selectFrom('candidates').select('jobcentre_id').where('id', '=', candidateId).executeTakeFirst();
}
