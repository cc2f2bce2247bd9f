/**
 * Erasure (GDPR art. 17): a candidate asks (or a consultant registers a
 * request made on paper), the candidate's jobcentre answers before the
 * deadline (art. 12(3), see deadline.ts), and executing it removes the person
 * from the database, the search index and every session in one transaction,
 * leaving only the pseudonymous trace the figures need (ADR 0005).
 */
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import { deleteNotificationsAbout } from '../../db/queries/notifications.js';
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/client.server.js';
import * as privacy from '../../db/queries/privacy.js';
import type { DB } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import type { SessionUser } from '../auth/session.server.js';
import { ownCandidate } from '../candidates/profile.server.js';
import { asConsultant, type ConsultantUser } from '../consultants/consultant.js';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../lib/errors.js';
import { danishDateOf, deadlineStatus, erasureDeadline, type DeadlineStatus } from './deadline.js';

export type ErasureDeps = { db: Kysely<DB>; clock: () => Date };
type Viewer = Pick<SessionUser, 'id' | 'role'>;

export type OwnErasureRequest = { id: string; requestedAt: Date; requestedVia: 'candidate' | 'consultant' } & DeadlineStatus;

function withDeadline(request: privacy.ErasureRequestRow, today: string): OwnErasureRequest {
  return { id: request.id, requestedAt: request.requested_at, requestedVia: request.requested_via, ...deadlineStatus(request.deadline, today) };
}

/** The logged-in candidate's open request, or null. */
export async function ownOpenErasureRequest(deps: ErasureDeps, user: Viewer): Promise<OwnErasureRequest | null> {
  const candidate = await ownCandidate(deps.db, user);
  const open = await privacy.findOpenErasureRequest(deps.db, candidate.id);
  return open ? withDeadline(open, danishDateOf(deps.clock())) : null;
}

/**
 * The candidate asks for erasure. Asking again while a request is open
 * returns that request (a double click must not move the deadline).
 */
export async function requestOwnErasure(deps: ErasureDeps, user: Viewer): Promise<OwnErasureRequest> {
  const at = deps.clock();
  const today = danishDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidate(trx, user);
    return openErasureRequest(trx, { candidate, actorId: user.id, via: 'candidate', at, today });
  });
}

/** The candidate's open request as it is, or a new one with its deadline from today, audit-logged. */
async function openErasureRequest(
  trx: Executor,
  request: { candidate: { id: string; jobcentre_id: string }; actorId: string; via: 'candidate' | 'consultant'; at: Date; today: string },
): Promise<OwnErasureRequest> {
  const { candidate, actorId, via, at, today } = request;
  const open = await privacy.findOpenErasureRequest(trx, candidate.id);
  if (open) return withDeadline(open, today);
  const deadline = erasureDeadline(today);
  const id = await privacy.insertErasureRequest(trx, {
    candidateId: candidate.id,
    jobcentreId: candidate.jobcentre_id,
    requestedBy: actorId,
    via,
    at,
    deadline,
  });
  const action = via === 'candidate' ? 'erasure.requested' : 'erasure.registered';
  await insertAuditEntry(trx, { actorUserId: actorId, action, subjectType: 'erasure_request', subjectId: id, details: {} });
  return { id, requestedAt: at, requestedVia: via, ...deadlineStatus(deadline, today) };
}

/**
 * The candidate withdraws their open request.
 * @throws NotFound when there is none.
 */
export async function cancelOwnErasure(deps: ErasureDeps, user: Viewer): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidate(trx, user);
    const open = await privacy.findOpenErasureRequest(trx, candidate.id);
    if (!open) throw new NotFound('Open erasure request');
    await privacy.closeErasureRequest(trx, open.id, {
      status: 'cancelled',
      handledBy: user.id,
      at: deps.clock(),
      jobcentreId: candidate.jobcentre_id,
    });
    await insertAuditEntry(trx, {
      actorUserId: user.id,
      action: 'erasure.cancelled',
      subjectType: 'erasure_request',
      subjectId: open.id,
      details: {},
    });
  });
}

/** The candidate, who must belong to the consultant's jobcentre. */
async function candidateOfJobcentre(db: Executor, jobcentreId: string, candidateId: string) {
  const candidate = await privacy.findCandidateJobcentre(db, candidateId);
  if (!candidate) throw new NotFound('Candidate', candidateId);
  if (candidate.jobcentre_id !== jobcentreId) throw new Forbidden('Only consultants of the candidate’s own jobcentre may handle their erasure');
  return candidate;
}

/**
 * A consultant registers a request the candidate made another way (on paper,
 * by phone, at a meeting); the deadline counts from today. An open request
 * is returned as it is.
 * @throws Forbidden for a candidate of another jobcentre; NotFound for an unknown id.
 */
export async function registerErasureRequest(deps: ErasureDeps, user: ConsultantUser, candidateId: string): Promise<OwnErasureRequest> {
  const consultant = asConsultant(user);
  const at = deps.clock();
  const today = danishDateOf(at);
  return deps.db.transaction().execute(async (trx) => {
    const candidate = await candidateOfJobcentre(trx, consultant.jobcentreId, candidateId);
    return openErasureRequest(trx, { candidate, actorId: consultant.id, via: 'consultant', at, today });
  });
}

/** Locks an open request of the consultant's jobcentre and its candidate. */
async function lockOpenRequest(trx: Executor, jobcentreId: string, requestId: string) {
  const request = await privacy.findErasureRequestForUpdate(trx, requestId);
  if (!request) throw new NotFound('Erasure request', requestId);
  if (request.status !== 'requested' || request.candidate_id === null) throw new Conflict('This erasure request has already been handled');
  const candidate = await privacy.findCandidateToErase(trx, request.candidate_id);
  if (!candidate) throw new NotFound('Candidate', request.candidate_id);
  if (candidate.jobcentre_id !== jobcentreId) throw new Forbidden('Only consultants of the candidate’s own jobcentre may handle their erasure');
  return { request, candidate };
}

/**
 * A consultant cancels a request (e.g. the candidate withdrew it by phone).
 * @throws NotFound, Conflict (already handled), Forbidden (another jobcentre's candidate).
 */
export async function cancelErasureRequest(deps: ErasureDeps, user: ConsultantUser, requestId: string): Promise<void> {
  const consultant = asConsultant(user);
  await deps.db.transaction().execute(async (trx) => {
    const { request, candidate } = await lockOpenRequest(trx, consultant.jobcentreId, requestId);
    await privacy.closeErasureRequest(trx, request.id, {
      status: 'cancelled',
      handledBy: consultant.id,
      at: deps.clock(),
      jobcentreId: candidate.jobcentre_id,
    });
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: 'erasure.cancelled',
      subjectType: 'erasure_request',
      subjectId: request.id,
      details: {},
    });
  });
}

export type OpenErasureItem = {
  id: string;
  candidateId: string;
  fullName: string;
  email: string | null;
  requestedAt: Date;
  requestedVia: 'candidate' | 'consultant';
  /** A planned or running placement blocks erasure until it ends (ADR 0005). */
  activePlacements: number;
} & DeadlineStatus;

export type HandledErasureItem = {
  id: string;
  status: 'completed' | 'cancelled';
  requestedAt: Date;
  deadline: string;
  handledAt: Date | null;
  /** Null once erased: the name is gone with the person. */
  fullName: string | null;
  onTime: boolean;
};

/** Open requests of the consultant's jobcentre, the nearest deadline first, and the ones closed lately. */
export async function listErasureRequests(
  deps: ErasureDeps,
  user: ConsultantUser,
): Promise<{ today: string; open: OpenErasureItem[]; handled: HandledErasureItem[] }> {
  const consultant = asConsultant(user);
  const today = danishDateOf(deps.clock());
  const [open, handled] = await Promise.all([
    privacy.selectOpenErasureRequests(deps.db, consultant.jobcentreId),
    privacy.selectHandledErasureRequests(deps.db, consultant.jobcentreId),
  ]);
  return {
    today,
    open: open.map((row) => ({
      id: row.id,
      candidateId: row.candidate_id,
      fullName: row.full_name,
      email: row.email,
      requestedAt: row.requested_at,
      requestedVia: row.requested_via,
      activePlacements: row.active_placements,
      ...deadlineStatus(row.deadline, today),
    })),
    handled: handled.flatMap((row) =>
      row.status === 'requested'
        ? []
        : [
            {
              id: row.id,
              status: row.status,
              requestedAt: row.requested_at,
              deadline: row.deadline,
              handledAt: row.handled_at,
              fullName: row.full_name,
              onTime: row.handled_at !== null && danishDateOf(row.handled_at) <= row.deadline,
            },
          ],
    ),
  };
}

/** Candidates of the consultant's jobcentre matching a name or e-mail (at least 2 characters). */
export async function findCandidatesForRequest(deps: ErasureDeps, user: ConsultantUser, text: string) {
  const consultant = asConsultant(user);
  const query = text.trim();
  if (query.length < 2) return [];
  return privacy.searchCandidatesOfJobcentre(deps.db, consultant.jobcentreId, query);
}

export type ErasureSummary = { placementsKept: number };

/**
 * Erases the candidate behind an open request, in one transaction: a new
 * random pseudonym takes over their placements (as bare facts) and their
 * match decisions (without free-text notes); audit entries and mailbox
 * messages about them go; the candidate row goes with everything that
 * cascades from it; the search-index delete is queued in the outbox; their
 * sessions and login account go; the request is marked completed.
 * @throws NotFound, Conflict (already handled), Forbidden (another jobcentre),
 *   RuleViolation `erasure.active_placement` while a placement is planned or running.
 */
export async function executeErasure(deps: ErasureDeps, user: ConsultantUser, requestId: string): Promise<ErasureSummary> {
  const consultant = asConsultant(user);
  return deps.db.transaction().execute(async (trx) => {
    const { request, candidate } = await lockOpenRequest(trx, consultant.jobcentreId, requestId);
    if ((await privacy.countActivePlacements(trx, candidate.id)) > 0) {
      throw new RuleViolation(
        'erasure.active_placement',
        'The candidate has a planned or running placement; end it (or record its outcome) before erasing',
        'GDPR art. 17(3)(b)',
      );
    }
    // Earlier erasures' index deletes have been applied by now; their ids go too.
    await privacy.purgeAppliedCandidateDeletes(trx);

    const pseudonym = await privacy.insertErasedCandidate(trx, candidate.jobcentre_id);
    const placementsKept = await privacy.copyPlacementsToTrace(trx, candidate.id, pseudonym, candidate.jobcentre_id);
    await privacy.pseudonymiseDecisions(trx, candidate.id, pseudonym);
    await privacy.closeErasureRequest(trx, request.id, {
      status: 'completed',
      handledBy: consultant.id,
      at: deps.clock(),
      jobcentreId: candidate.jobcentre_id,
    });

    const ids = [candidate.id, ...(candidate.user_id ? [candidate.user_id] : [])];
    await privacy.scrubAuditLog(trx, ids);
    const emails = [...new Set([candidate.email, candidate.user_email].flatMap((email) => (email ? [email.toLowerCase()] : [])))];
    // A one-word name would match unrelated mail ("Ali" in "Alice"); the e-mail addresses still catch theirs.
    const fullName = candidate.full_name.trim().includes(' ') ? candidate.full_name.trim() : '';
    await privacy.deleteMailboxMessagesAbout(trx, { emails, fullName });
    await deleteNotificationsAbout(trx, { candidateId: candidate.id, emails, fullName });

    await privacy.deleteOutboxEntriesOf(trx, candidate.id);
    await privacy.deleteCandidate(trx, candidate.id);
    if (candidate.user_id) await privacy.deleteUser(trx, candidate.user_id);
    await enqueueIndexChange(trx, { index: 'candidates', id: candidate.id, operation: 'delete' });
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: 'erasure.completed',
      subjectType: 'erasure_request',
      subjectId: request.id,
      details: { placementsKept },
    });
    return { placementsKept };
  });
}

/**
 * Removes applied index deletes of candidates that no longer exist (the last
 * place an erased candidate's id is left). Safe to call any time, e.g. after
 * the outbox worker applied a batch; returns how many entries went.
 */
export async function purgeAppliedErasures(db: Kysely<DB>): Promise<number> {
  return privacy.purgeAppliedCandidateDeletes(db);
}
