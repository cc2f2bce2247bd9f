/**
 * SQL for companies (organisations), their workplaces, their people and
 * colleague invitations, the candidates a jobcentre approved for their slots
 * and the employer's decision on each. Every read that an employer can reach
 * is scoped by `organisation_id` here, so no caller can forget it.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import { isUuid } from './slots.js';
import type { Cefr, EmployerDeclineReason, Organisation, SlotType, Workplace } from '../schema.js';

export async function findOrganisationById(db: Executor, id: string): Promise<Organisation | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function organisationExistsWithCvr(db: Executor, cvr: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('cvr', '=', cvr).executeTakeFirst()) !== undefined;
}

export async function insertOrganisation(
  db: Executor,
  row: { cvr: string; name: string; contact_name: string; contact_email: string; contact_phone: string | null },
): Promise<Organisation> {
  return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function workplaceExistsWithPNumber(db: Executor, pNumber: string): Promise<boolean> {
  return (await db.selectFrom('workplaces').select('id').where('p_number', '=', pNumber).executeTakeFirst()) !== undefined;
}

export async function insertWorkplace(
  db: Executor,
  row: { organisation_id: string; p_number: string; name: string; address: string; postal_code: string; ordinary_employees_fte: number },
): Promise<Workplace> {
  return db.insertInto('workplaces').values(row).returningAll().executeTakeFirstOrThrow();
}

export type WorkplaceRow = Workplace & { municipality_code: string; municipality_name: string };

/** The organisation's workplaces with their municipality, oldest first. */
export async function selectWorkplaces(db: Executor, organisationId: string): Promise<WorkplaceRow[]> {
  return db
    .selectFrom('workplaces')
    .innerJoin('postal_codes', 'postal_codes.code', 'workplaces.postal_code')
    .innerJoin('municipalities', 'municipalities.code', 'postal_codes.municipality_code')
    .selectAll('workplaces')
    .select(['municipalities.code as municipality_code', 'municipalities.name_da as municipality_name'])
    .where('workplaces.organisation_id', '=', organisationId)
    .orderBy('workplaces.created_at')
    .orderBy('workplaces.id')
    .execute();
}

/** One workplace, only if it belongs to the organisation. */
export async function selectWorkplace(db: Executor, organisationId: string, workplaceId: string): Promise<Workplace | undefined> {
  if (!isUuid(workplaceId)) return undefined;
  return db.selectFrom('workplaces').selectAll().where('id', '=', workplaceId).where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** Locks the workplace row so two ratio-rule checks at the same workplace run one after the other. */
export async function lockWorkplace(db: Executor, workplaceId: string): Promise<void> {
  await db.selectFrom('workplaces').select('id').where('id', '=', workplaceId).forUpdate().execute();
}

/**
 * Supported persons counted against the ratio rule at a workplace: for each
 * praktik or løntilskud slot there, a published slot counts its positions
 * (the places offered, which include anyone already placed from it); a slot
 * that is no longer published (filled, closed, draft) counts its planned or
 * started placements. Slot `excludeSlotId` is left out (the one being edited).
 */
export async function countSupportedAtWorkplace(db: Executor, workplaceId: string, excludeSlotId: string | null): Promise<number> {
  let query = db
    .selectFrom('slots')
    .select(
      sql<string>`coalesce(sum(case when slots.status = 'published' then slots.positions else (
        select count(*) from placements p
        where p.slot_id = slots.id and p.status in ('planned', 'started')
      ) end), 0)`.as('n'),
    )
    .where('slots.workplace_id', '=', workplaceId)
    .where('slots.type', 'in', ['praktik', 'loentilskud']);
  if (excludeSlotId) query = query.where('slots.id', '<>', excludeSlotId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function userExistsWithEmail(db: Executor, email: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function insertEmployerUser(
  db: Executor,
  row: { email: string; password_hash: string; display_name: string; organisation_id: string; locale: 'da' | 'en' | 'ar' | 'uk' | null },
): Promise<{ id: string }> {
  return db
    .insertInto('users')
    .values({ ...row, role: 'employer' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function selectColleagues(db: Executor, organisationId: string): Promise<Array<{ id: string; email: string; display_name: string }>> {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'employer')
    .orderBy('created_at')
    .execute();
}

export async function insertInvitation(
  db: Executor,
  row: { organisation_id: string; email: string; token_hash: string; invited_by: string; expires_at: Date },
): Promise<{ id: string }> {
  return db.insertInto('organisation_invitations').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function selectOpenInvitations(
  db: Executor,
  organisationId: string,
  now: Date,
): Promise<Array<{ id: string; email: string; expires_at: Date }>> {
  return db
    .selectFrom('organisation_invitations')
    .select(['id', 'email', 'expires_at'])
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<
  { id: string; organisation_id: string; organisation_name: string; email: string; expires_at: Date; accepted_at: Date | null } | undefined
> {
  return db
    .selectFrom('organisation_invitations')
    .innerJoin('organisations', 'organisations.id', 'organisation_invitations.organisation_id')
    .select([
      'organisation_invitations.id',
      'organisation_invitations.organisation_id',
      'organisations.name as organisation_name',
      'organisation_invitations.email',
      'organisation_invitations.expires_at',
      'organisation_invitations.accepted_at',
    ])
    .where('organisation_invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Executor, id: string, at: Date): Promise<void> {
  await db.updateTable('organisation_invitations').set({ accepted_at: at }).where('id', '=', id).execute();
}

// ---- candidates approved for an organisation's slots ------------------------

export type ApprovedCandidateRow = {
  proposal_id: string;
  candidate_id: string;
  slot_id: string;
  approved_at: Date | null;
  available_from: string;
  hours_per_week: number | null;
  danish_spoken: Cefr | null;
  danish_written: Cefr | null;
  municipality_name: string;
  decision: 'invite' | 'decline' | null;
  decline_reason: EmployerDeclineReason | null;
  /** Only when the candidate agreed to share them with this organisation for this slot. */
  full_name: string | null;
  email: string | null;
  phone: string | null;
};

/**
 * Candidates a jobcentre approved for one slot of the organisation. The
 * slot's organisation is part of the join, so another company's slot yields
 * nothing. Name and contact come only with an unrevoked consent that names
 * this slot and this organisation.
 */
export async function selectApprovedCandidates(db: Executor, organisationId: string, slotId: string): Promise<ApprovedCandidateRow[]> {
  const consented = sql<boolean>`exists (
    select 1 from consents c
    where c.candidate_id = candidates.id and c.slot_id = slots.id and c.organisation_id = slots.organisation_id
      and c.granted and c.revoked_at is null)`;
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .innerJoin('candidates', 'candidates.id', 'match_proposals.candidate_id')
    .innerJoin('postal_codes', 'postal_codes.code', 'candidates.postal_code')
    .innerJoin('municipalities', 'municipalities.code', 'postal_codes.municipality_code')
    .leftJoin('employer_decisions', 'employer_decisions.proposal_id', 'match_proposals.id')
    .select([
      'match_proposals.id as proposal_id',
      'candidates.id as candidate_id',
      'slots.id as slot_id',
      'match_proposals.decided_at as approved_at',
      'candidates.available_from',
      'candidates.hours_per_week',
      'candidates.danish_spoken',
      'candidates.danish_written',
      'municipalities.name_da as municipality_name',
      'employer_decisions.decision',
      'employer_decisions.reason as decline_reason',
      sql<string | null>`case when ${consented} then candidates.full_name end`.as('full_name'),
      sql<string | null>`case when ${consented} then candidates.email end`.as('email'),
      sql<string | null>`case when ${consented} then candidates.phone end`.as('phone'),
    ])
    .where('slots.organisation_id', '=', organisationId)
    .where('slots.id', '=', slotId)
    .where('match_proposals.status', '=', 'approved')
    .orderBy('match_proposals.decided_at')
    .orderBy('match_proposals.id')
    .execute();
}

export async function selectCandidateSkillLabels(
  db: Executor,
  candidateIds: readonly string[],
): Promise<Array<{ candidate_id: string; skill_uri: string }>> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('candidate_skills')
    .select(['candidate_id', 'skill_uri'])
    .where('candidate_id', 'in', [...candidateIds])
    .orderBy('skill_uri')
    .execute();
}

export async function selectCandidateLanguageLevels(
  db: Executor,
  candidateIds: readonly string[],
): Promise<Array<{ candidate_id: string; code: string; spoken: Cefr; written: Cefr | null }>> {
  if (candidateIds.length === 0) return [];
  return db
    .selectFrom('candidate_languages')
    .select(['candidate_id', 'code', 'spoken', 'written'])
    .where('candidate_id', 'in', [...candidateIds])
    .where('code', '<>', 'da')
    .orderBy('code')
    .execute();
}

/** The approved proposal, only when its slot belongs to the organisation. */
export async function findApprovedProposal(
  db: Executor,
  organisationId: string,
  proposalId: string,
): Promise<{ id: string; slot_id: string; slot_type: SlotType } | undefined> {
  if (!isUuid(proposalId)) return undefined;
  return db
    .selectFrom('match_proposals')
    .innerJoin('slots', 'slots.id', 'match_proposals.slot_id')
    .select(['match_proposals.id', 'match_proposals.slot_id', 'slots.type as slot_type'])
    .where('match_proposals.id', '=', proposalId)
    .where('slots.organisation_id', '=', organisationId)
    .where('match_proposals.status', '=', 'approved')
    .executeTakeFirst();
}

export async function upsertEmployerDecision(
  db: Executor,
  row: {
    proposal_id: string;
    decision: 'invite' | 'decline';
    reason: EmployerDeclineReason | null;
    note: string | null;
    decided_by: string;
    decided_at: Date;
  },
): Promise<void> {
  await db
    .insertInto('employer_decisions')
    .values(row)
    .onConflict((oc) =>
      oc.column('proposal_id').doUpdateSet({
        decision: row.decision,
        reason: row.reason,
        note: row.note,
        decided_by: row.decided_by,
        decided_at: row.decided_at,
      }),
    )
    .execute();
}
