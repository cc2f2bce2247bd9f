/**
 * A consultant's decision on a match proposal. Jobbro proposes; nothing
 * reaches an employer or a candidate as an approved match without this.
 * Approval runs every rule in force on the slot's start date (approval-rules)
 * and refuses with the first failing rule and its source. Each decision is
 * also appended to `match_decisions`, the labelled data for evaluation.
 */
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { Kysely, Transaction } from 'kysely';
import { insertProfileViews } from '../../db/queries/candidates.js';
import {
  countSupportedPersonsAtWorkplace,
  findProposalContext,
  insertMatchDecision,
  lockWorkplaceRow,
  markProposalDecided,
  selectEmploymentsOfCandidate,
  selectNetworkIdsOf,
  selectPlacementPeriodsOfCandidate,
  proposalVisibleTo,
  selectEmploymentsOfCandidates,
  selectPlacementPeriodsOfCandidates,
  selectProposalContexts,
  countSupportedPersonsAtWorkplaces,
  type ProposalContext,
} from '../../db/queries/queue.js';
import type { Executor } from '../../db/client.server.js';
import type { DB, RejectReason } from '../../db/schema.js';
import { checkApproval, type ApprovalInput, type Employment, type PlacementPeriod } from '../rules/approval-rules.js';
import type { NetJobAnswers } from '../rules/net-job-creation.js';
import { failures, type RuleDetail, type Verdict } from '../rules/verdict.js';
import { Conflict, DomainError, Forbidden, InvalidInput, NotFound, RuleViolation } from '../lib/errors.js';
import { assertConfirmed } from '../candidates/confirmation.js';
import { asConsultant, type Consultant, type ConsultantUser } from './consultant.js';
import { proposalDecided } from '../notifications/events.server.js';

export type DecisionDeps = { db: Kysely<DB>; clock: () => Date };

export type RejectInput = { proposalId: string; reason: RejectReason; note?: string | null };

async function approvalInputFor(db: Executor, context: ProposalContext): Promise<ApprovalInput> {
  const [employments, placements, currentSupported] = await Promise.all([
    selectEmploymentsOfCandidate(db, context.candidate_id),
    selectPlacementPeriodsOfCandidate(db, context.candidate_id),
    countSupportedPersonsAtWorkplace(db, context.workplace_id, context.proposal_id),
  ]);
  return approvalInputOf(context, employments, placements, currentSupported);
}

/** The rules' input from the loaded rows (one proposal's; shared by the single and the page-wide loader). */
function approvalInputOf(
  context: ProposalContext,
  employments: ReadonlyArray<{ cvr: string; kind: Employment['kind']; start_date: string; end_date: string | null }>,
  placements: ReadonlyArray<{
    slot_id: string;
    type: PlacementPeriod['type'];
    start_date: string;
    end_date: string;
    ended_on: string | null;
    status: PlacementPeriod['status'];
  }>,
  currentSupported: number,
): ApprovalInput {
  return {
    slot: {
      id: context.slot_id,
      type: context.slot_type,
      cvr: context.cvr,
      startDate: context.slot_start_date,
      weeks: context.slot_weeks,
      hoursPerWeek: context.slot_hours_per_week,
      netJobs: netJobAnswersOf(context),
    },
    candidate: {
      id: context.candidate_id,
      birthDate: context.birth_date,
      arrivalDate: context.arrival_date,
      residenceBasis: context.residence_basis,
      availableFrom: context.available_from,
    },
    employments: employments.map((e) => ({ cvr: e.cvr, kind: e.kind, startDate: e.start_date, endDate: e.end_date })),
    // A completed placement occupied the candidate until it ended, not until its planned end.
    placements: placements.map((p) => ({
      slotId: p.slot_id,
      type: p.type,
      startDate: p.start_date,
      endDate: p.status === 'completed' ? (p.ended_on ?? p.end_date) : p.end_date,
      status: p.status,
    })),
    workplace: { ordinaryEmployeesFte: context.ordinary_employees_fte, currentSupported },
    organisationStatus: context.organisation_status,
  };
}

/** The employer's net-job-creation answers, or null while any is missing (the rule then asks for them). */
function netJobAnswersOf(context: ProposalContext): NetJobAnswers | null {
  const { net_jobs_fte_now: fteNow, net_jobs_fte_12m_ago: fte12mAgo, net_jobs_fills_vacancy: fillsVacancy } = context;
  if (fteNow === null || fte12mAgo === null || fillsVacancy === null) return null;
  return { fteNow, fte12mAgo, fillsVacancy, vacatedOn: context.net_jobs_vacated_on };
}

/** Loads a proposal the consultant may decide on: their own jobcentre's candidate, still undecided. */
async function decidable(db: Executor, consultant: Consultant, proposalId: string): Promise<ProposalContext> {
  const context = await findProposalContext(db, proposalId, true);
  if (!context) throw new NotFound('Proposal', proposalId);
  if (context.candidate_jobcentre_id !== consultant.jobcentreId) {
    throw new Forbidden("Only the candidate's own jobcentre may decide on this proposal");
  }
  if (context.status !== 'proposed') throw new Conflict('This proposal has already been decided');
  return context;
}

/**
 * The rule checklist for one proposal, as the consultant sees it before
 * deciding (passing checks included). Visible proposals only.
 */
export async function previewApproval(
  deps: Pick<DecisionDeps, 'db'>,
  user: ConsultantUser,
  proposalId: string,
): Promise<{ context: ProposalContext; verdicts: Verdict[]; own: boolean }> {
  const consultant = asConsultant(user);
  const networkIds = await selectNetworkIdsOf(deps.db, consultant.jobcentreId);
  if (!(await proposalVisibleTo(deps.db, { jobcentreId: consultant.jobcentreId, networkIds }, proposalId))) {
    throw new NotFound('Proposal', proposalId);
  }
  const context = await findProposalContext(deps.db, proposalId);
  if (!context) throw new NotFound('Proposal', proposalId);
  const verdicts = checkApproval(await approvalInputFor(deps.db, context));
  // The candidate sees who has looked at their profile (docs/domain.md, privacy).
  await insertProfileViews(deps.db, [
    { candidateId: context.candidate_id, viewerUserId: consultant.id, organisationId: null, jobcentreId: consultant.jobcentreId },
  ]);
  return { context, verdicts, own: context.candidate_jobcentre_id === consultant.jobcentreId };
}

/**
 * The approval rules each proposal would fail if approved now (the queue
 * flags those rows). Read-only: the caller has already limited the ids to
 * proposals the consultant may see.
 */
export async function approvalFailuresOf(db: Executor, proposalIds: readonly string[]): Promise<Map<string, Verdict[]>> {
  // One query per kind of row for the whole page, not four per row: on the embedded database each query
  // crosses a thread, and 25 rows × 4 queries were most of the queue's load time (docs/performance.md).
  const contexts = await selectProposalContexts(db, proposalIds);
  const candidateIds = [...new Set(contexts.map((c) => c.candidate_id))];
  const [employments, placements, supported] = await Promise.all([
    selectEmploymentsOfCandidates(db, candidateIds),
    selectPlacementPeriodsOfCandidates(db, candidateIds),
    countSupportedPersonsAtWorkplaces(db, [...new Set(contexts.map((c) => c.workplace_id))]),
  ]);
  const result = new Map<string, Verdict[]>(proposalIds.map((id) => [id, []]));
  for (const context of contexts) {
    const input = approvalInputOf(
      context,
      employments.filter((e) => e.candidate_id === context.candidate_id),
      placements.filter((p) => p.candidate_id === context.candidate_id),
      supported.get(context.workplace_id) ?? 0,
    );
    result.set(context.proposal_id, failures(checkApproval(input)));
  }
  return result;
}

/**
 * Approves a proposal for the consultant's own candidate.
 * @throws NotFound, Forbidden (another jobcentre's candidate), Conflict
 *   (already decided), RuleViolation (`account.unconfirmed` for a candidate
 *   the jobcentre has not confirmed; else the first failing rule, with its source).
 */
export async function approveMatch(deps: DecisionDeps, user: ConsultantUser, input: { proposalId: string; note?: string | null }): Promise<void> {
  const consultant = asConsultant(user);
  await deps.db.transaction().execute(async (trx) => {
    const context = await decidable(trx, consultant, input.proposalId);
    assertConfirmed({ status: context.candidate_status, confirmed_at: context.candidate_confirmed_at });
    await lockWorkplaceRow(trx, context.workplace_id);
    const failed = failures(checkApproval(await approvalInputFor(trx, context)));
    const first = failed[0];
    if (first) throw new RuleViolation(first.rule, first.message, first.source, first.detail);
    await record(trx, consultant, context, deps.clock(), { decision: 'approved', reason: null, note: input.note ?? null });
  });
}

/**
 * Rejects a proposal with a reason code ('other' needs a note).
 * @throws InvalidInput, NotFound, Forbidden, Conflict.
 */
export async function rejectMatch(deps: DecisionDeps, user: ConsultantUser, input: RejectInput): Promise<void> {
  const consultant = asConsultant(user);
  const note = input.note?.trim() || null;
  if (input.reason === 'other' && !note) throw new InvalidInput('Say why in a note', { note: ['required when the reason is "other"'] });
  await deps.db.transaction().execute(async (trx) => {
    const context = await decidable(trx, consultant, input.proposalId);
    await record(trx, consultant, context, deps.clock(), { decision: 'rejected', reason: input.reason, note });
  });
}

async function record(
  trx: Transaction<DB>,
  consultant: Consultant,
  context: ProposalContext,
  at: Date,
  decision: { decision: 'approved' | 'rejected'; reason: RejectReason | null; note: string | null },
): Promise<void> {
  await markProposalDecided(trx, context.proposal_id, {
    status: decision.decision,
    decidedBy: consultant.id,
    decidedAt: at,
    rejectReason: decision.reason,
    note: decision.note,
  });
  await insertMatchDecision(trx, {
    proposal_id: context.proposal_id,
    slot_id: context.slot_id,
    candidate_id: context.candidate_id,
    jobcentre_id: consultant.jobcentreId,
    source: context.source,
    slot_type: context.slot_type,
    sector: context.slot_sector,
    decision: decision.decision,
    reject_reason: decision.reason,
    note: decision.note,
    score: context.score,
    components: context.components,
    reasons: context.reasons,
    decided_by: consultant.id,
    decided_at: at,
  });
  await insertAuditEntry(trx, {
    actorUserId: consultant.id,
    action: `proposal.${decision.decision}`,
    subjectType: 'match_proposal',
    subjectId: context.proposal_id,
    details: { candidateId: context.candidate_id, slotId: context.slot_id, reason: decision.reason },
  });
  await proposalDecided(trx, {
    proposalId: context.proposal_id,
    decision: decision.decision,
    reason: decision.reason,
    actorUserId: consultant.id,
    at,
  });
}

export type BulkOutcome =
  | { proposalId: string; ok: true }
  | { proposalId: string; ok: false; code: string; rule: string | null; message: string; source: string | null; detail: RuleDetail | null };

/**
 * Several decisions at once from the queue. Each runs in its own
 * transaction, so one refusal does not undo the others; the outcome of each
 * is returned in input order.
 */
export async function decideMany(
  deps: DecisionDeps,
  user: ConsultantUser,
  input:
    | { proposalIds: readonly string[]; decision: 'approve' }
    | { proposalIds: readonly string[]; decision: 'reject'; reason: RejectReason; note?: string | null },
): Promise<BulkOutcome[]> {
  asConsultant(user);
  const outcomes: BulkOutcome[] = [];
  for (const proposalId of new Set(input.proposalIds)) {
    try {
      if (input.decision === 'approve') await approveMatch(deps, user, { proposalId });
      else await rejectMatch(deps, user, { proposalId, reason: input.reason, note: input.note ?? null });
      outcomes.push({ proposalId, ok: true });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      outcomes.push({
        proposalId,
        ok: false,
        code: error.code,
        rule: error instanceof RuleViolation ? error.rule : null,
        message: error.message,
        source: error instanceof RuleViolation ? (error.source ?? null) : null,
        detail: error instanceof RuleViolation ? (error.detail ?? null) : null,
      });
    }
  }
  return outcomes;
}
