/**
 * A jobcentre confirms or declines a self-registered candidate (issue 21.10).
 * Confirming makes them matchable (the index gets their document in the same
 * transaction); declining archives the registration. Both only while the
 * candidate is still pending, and only by a consultant of the candidate's own
 * jobcentre. The consultant's page for this is built elsewhere (workbench);
 * these are the domain functions it calls.
 */
import type { Kysely } from 'kysely';
import {
  decidePendingCandidate,
  deleteUndecidedInterestOfCandidate,
  findCandidateJobcentre,
  selectPendingCandidates,
  type PendingCandidateRow,
} from '../../db/queries/candidates.js';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { DB } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import type { SessionUser } from '../auth/lucia.server.js';
import { Conflict, Forbidden, NotFound } from '../lib/errors.js';

type Consultant = Pick<SessionUser, 'id' | 'role' | 'jobcentreId'>;
export type ConfirmationDeps = { db: Kysely<DB>; clock: () => Date };

function jobcentreOf(consultant: Consultant): string {
  if (consultant.role !== 'consultant' || !consultant.jobcentreId) throw new Forbidden('Only jobcentre consultants confirm candidates');
  return consultant.jobcentreId;
}

/** The self-registrations waiting for the consultant's jobcentre, oldest first. */
export async function listPendingCandidates(deps: Pick<ConfirmationDeps, 'db'>, consultant: Consultant): Promise<PendingCandidateRow[]> {
  return selectPendingCandidates(deps.db, jobcentreOf(consultant));
}

async function decide(deps: ConfirmationDeps, consultant: Consultant, candidateId: string, decision: 'confirm' | 'decline'): Promise<void> {
  const jobcentreId = jobcentreOf(consultant);
  await deps.db.transaction().execute(async (trx) => {
    const owner = await findCandidateJobcentre(trx, candidateId);
    if (!owner) throw new NotFound('Candidate', candidateId);
    if (owner.jobcentre_id !== jobcentreId) throw new Forbidden('Only the candidate’s own jobcentre confirms them');
    const at = deps.clock();
    if (!(await decidePendingCandidate(trx, { candidateId, jobcentreId, decision, at })))
      throw new Conflict('The candidate is not waiting for confirmation');
    if (decision === 'confirm') await enqueueIndexChange(trx, { index: 'candidates', id: candidateId, operation: 'upsert' });
    else await deleteUndecidedInterestOfCandidate(trx, candidateId);
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: `candidate.${decision === 'confirm' ? 'confirmed' : 'declined'}`,
      subjectType: 'candidate',
      subjectId: candidateId,
    });
  });
}

/**
 * Confirms a pending candidate: active from now, in matching once the index has them.
 * @throws Forbidden (not a consultant of the candidate's jobcentre), NotFound, Conflict (not pending).
 */
export async function confirmCandidate(deps: ConfirmationDeps, consultant: Consultant, candidateId: string): Promise<void> {
  await decide(deps, consultant, candidateId, 'confirm');
}

/**
 * Declines a pending candidate: the registration is archived and never matched.
 * @throws Forbidden (not a consultant of the candidate's jobcentre), NotFound, Conflict (not pending).
 */
export async function declineCandidate(deps: ConfirmationDeps, consultant: Consultant, candidateId: string): Promise<void> {
  await decide(deps, consultant, candidateId, 'decline');
}
