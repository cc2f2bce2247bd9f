/**
 * Interest in an offer. It goes to the candidate's consultant, never straight
 * to the employer: it is stored as a match proposal with source 'interest'
 * and status 'proposed', which the consultant approves or rejects. Only
 * offers the candidate may take (the matcher's hard rules) accept interest.
 */
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import { deleteProposal, findProposal, insertInterest, markProposalAsInterest } from '../../db/queries/candidates.js';
import type { SlotDocument } from '../matching/documents/slots.server.js';
import type { SessionUser } from '../auth/session.server.js';
import { Conflict, NotFound, RuleViolation } from '../lib/errors.js';
import { interestChanged } from '../notifications/events.server.js';
import { assertConfirmed } from './confirmation.js';
import { evaluateOffer, type OffersDeps } from './offers.server.js';
import { loadOwnProfile } from './profile.server.js';

type Viewer = Pick<SessionUser, 'id' | 'role'>;

/**
 * Records the logged-in candidate's interest in a published slot.
 * @throws NotFound (unknown or unpublished slot), RuleViolation (a hard rule
 *   keeps the candidate out, named by the rule; `account.unconfirmed` while no
 *   jobcentre has confirmed a self-registered candidate), Conflict (already decided).
 */
export async function expressInterest(deps: OffersDeps, user: Viewer, slotId: string): Promise<void> {
  const today = deps.clock().toISOString().slice(0, 10);
  const slot = await deps.search.get<SlotDocument>('slots', slotId);
  if (!slot) throw new NotFound('Offer', slotId);
  await deps.db.transaction().execute(async (trx) => {
    const profile = await loadOwnProfile({ db: trx }, user);
    assertConfirmed(profile.candidate);
    const verdict = evaluateOffer(profile, slot, today);
    if (!verdict.ranked) {
      const excluded = verdict.excluded;
      throw new RuleViolation(excluded?.rule ?? 'unknown', excluded?.reason ?? 'Not eligible', excluded?.source);
    }
    const candidateId = profile.candidate.id;
    const existing = await findProposal(trx, candidateId, slotId);
    let proposalId: string;
    if (existing) {
      if (existing.source === 'interest') return;
      if (existing.status !== 'proposed') throw new Conflict('The jobcentre has already decided on this offer');
      await markProposalAsInterest(trx, existing.id);
      proposalId = existing.id;
    } else {
      proposalId = await insertInterest(trx, {
        candidateId,
        slotId,
        score: verdict.ranked.score,
        components: verdict.ranked.components,
        reasons: verdict.ranked.reasons.map((reason) => reason.code),
      });
    }
    await insertAuditEntry(trx, {
      actorUserId: user.id,
      action: 'candidate.interest',
      subjectType: 'slot',
      subjectId: slotId,
      details: { candidateId },
    });
    await interestChanged(trx, { proposalId, expressed: true, actorUserId: user.id, at: deps.clock() });
  });
}

/**
 * Withdraws interest that the consultant has not decided on yet.
 * @throws NotFound (no interest), Conflict (already approved or rejected).
 */
export async function withdrawInterest(deps: Pick<OffersDeps, 'db' | 'clock'>, user: Viewer, slotId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const profile = await loadOwnProfile({ db: trx }, user);
    const existing = await findProposal(trx, profile.candidate.id, slotId);
    if (!existing || existing.source !== 'interest') throw new NotFound('Interest', slotId);
    if (existing.status !== 'proposed') throw new Conflict('The jobcentre has already decided on this offer');
    // Told before the proposal goes: the notification is written from it.
    await interestChanged(trx, { proposalId: existing.id, expressed: false, actorUserId: user.id, at: deps.clock() });
    await deleteProposal(trx, existing.id);
    await insertAuditEntry(trx, {
      actorUserId: user.id,
      action: 'candidate.interest_withdrawn',
      subjectType: 'slot',
      subjectId: slotId,
      details: { candidateId: profile.candidate.id },
    });
  });
}
