/**
 * The candidates a jobcentre approved for an employer's slot, anonymised:
 * skills, Danish level, other languages, availability and area. Name and
 * contact appear only once the candidate has agreed to share them with this
 * company for this slot (consents). Every view is audit logged.
 */
import { insertAuditEntries } from '../../db/queries/audit-log.js';
import { insertProfileViews } from '../../db/queries/candidates.js';
import type { Kysely } from 'kysely';
import * as employers from '../../db/queries/employers.js';
import type { Cefr, DB, EmployerDeclineReason } from '../../db/schema.js';
import { lockEmployerDecision } from '../../db/queries/notifications.js';
import { InvalidInput, NotFound } from '../lib/errors.js';
import { employerDecided } from '../notifications/events.server.js';
import type { EmployerActor } from './organisations.server.js';
import type { DecisionInput } from './schemas.js';
import { getSlot } from './slots.server.js';
import type { SlotView } from './schemas.js';

export type AnonymisedCandidate = {
  proposalId: string;
  skills: string[];
  danishSpoken: Cefr | null;
  danishWritten: Cefr | null;
  languages: Array<{ code: string; spoken: Cefr; written: Cefr | null }>;
  availableFrom: string;
  hoursPerWeek: number | null;
  area: string;
  decision: 'invite' | 'decline' | null;
  declineReason: EmployerDeclineReason | null;
  /** Present only with the candidate's consent for this slot and company. */
  shared: { name: string; email: string | null; phone: string | null } | null;
};

/**
 * The slot and its approved candidates. A slot of another company is not found.
 * Each candidate shown is written to the audit log (who saw whom, for which slot).
 */
export async function listApprovedCandidates(
  deps: { db: Kysely<DB> },
  actor: EmployerActor,
  slotId: string,
): Promise<{ slot: SlotView; candidates: AnonymisedCandidate[] }> {
  const slot = await getSlot(deps, actor, slotId);
  const rows = await employers.selectApprovedCandidates(deps.db, actor.organisationId, slot.id);
  const ids = rows.map((row) => row.candidate_id);
  const [skills, languages] = await Promise.all([
    employers.selectCandidateSkillLabels(deps.db, ids),
    employers.selectCandidateLanguageLevels(deps.db, ids),
  ]);
  await insertAuditEntries(
    deps.db,
    rows.map((row) => ({
      actorUserId: actor.userId,
      action: 'employer.view_candidate',
      subjectType: 'candidate',
      subjectId: row.candidate_id,
      details: { slotId: slot.id, organisationId: actor.organisationId, shared: row.full_name !== null },
    })),
  );
  // The candidate sees who has looked at their profile (docs/domain.md, privacy): a page, the API with a session, or
  // an API key (no person: the company is named).
  await insertProfileViews(
    deps.db,
    rows.map((row) => ({ candidateId: row.candidate_id, viewerUserId: actor.userId, organisationId: actor.organisationId, jobcentreId: null })),
  );
  return {
    slot,
    candidates: rows.map((row) => ({
      proposalId: row.proposal_id,
      skills: skills.filter((s) => s.candidate_id === row.candidate_id).map((s) => s.skill_uri),
      danishSpoken: row.danish_spoken,
      danishWritten: row.danish_written,
      languages: languages.filter((l) => l.candidate_id === row.candidate_id).map((l) => ({ code: l.code, spoken: l.spoken, written: l.written })),
      availableFrom: row.available_from,
      hoursPerWeek: row.hours_per_week,
      area: row.municipality_name,
      decision: row.decision,
      declineReason: row.decline_reason,
      shared: row.full_name !== null ? { name: row.full_name, email: row.email, phone: row.phone } : null,
    })),
  };
}

/**
 * Invites an approved candidate to an interview, or declines with a reason.
 * The candidate and the jobcentre are told in the same transaction. An
 * earlier answer is changed only with `confirmChange` (never silently), and
 * the notifications say it changed; the same answer again tells nobody.
 * @throws NotFound when the proposal is not an approved one for this slot of the company;
 *   InvalidInput `confirmChange` when it would change an earlier answer unconfirmed.
 */
export async function decideOnCandidate(
  deps: { db: Kysely<DB>; clock: () => Date },
  actor: EmployerActor & { userId: string },
  target: { slotId: string; proposalId: string },
  input: DecisionInput,
): Promise<void> {
  const { slotId, proposalId } = target;
  await deps.db.transaction().execute(async (trx) => {
    const proposal = await employers.findApprovedProposal(trx, actor.organisationId, proposalId);
    // The page posts under its slot's URL: a proposal of another slot is not this page's to decide.
    if (!proposal || proposal.slot_id !== slotId) throw new NotFound('Approved candidate', proposalId);
    const previous = await lockEmployerDecision(trx, proposal.id);
    if (previous !== null && previous !== input.decision && input.confirmChange !== 'yes') {
      throw new InvalidInput('Confirm that you change your earlier answer', { confirmChange: ['confirm the change'] });
    }
    const at = deps.clock();
    await employers.upsertEmployerDecision(trx, {
      proposal_id: proposal.id,
      decision: input.decision,
      reason: input.decision === 'decline' ? input.reason : null,
      note: input.note ?? null,
      decided_by: actor.userId,
      decided_at: at,
    });
    if (previous !== input.decision) {
      const reason = input.decision === 'decline' ? input.reason : null;
      await employerDecided(trx, { proposalId: proposal.id, decision: input.decision, reason, previous, actorUserId: actor.userId, at });
    }
    await insertAuditEntries(trx, [
      {
        actorUserId: actor.userId,
        action: `employer.${input.decision}`,
        subjectType: 'match_proposal',
        subjectId: proposal.id,
        details: { slotId: proposal.slot_id, reason: input.decision === 'decline' ? input.reason : null },
      },
    ]);
  });
}
