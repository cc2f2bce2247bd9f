/**
 * Following a placement after a consultant's approval: the candidate agrees
 * to share (consents, recorded by the candidate pages), the employer invites
 * or declines (employer_decisions, recorded by the employer pages), then the
 * consultant creates the placement and records its life: started, follow-up
 * visits (with the next follow-up date as a reminder), ended early with a
 * reason, completed, and the outcome that counts. IGU placements also carry
 * the school part and the employer bonus after 6 and 24 months (private
 * employers only, docs/domain.md).
 */
import type { Kysely } from 'kysely';
import {
  findPlacement,
  findProposalForPlacement,
  insertExtension,
  insertFollowUp,
  insertMilestones,
  insertPlacement,
  markMilestoneDone,
  selectMilestonesOf,
  selectOtherPlacementPeriods,
  selectPipeline,
  setMilestoneDue,
  updatePlacement,
  upsertEmployerAnswer,
  type PipelineRow,
  type PlacementRow,
} from '../../db/queries/placements.js';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { Executor } from '../../db/client.server.js';
import type { DB, MilestoneKind, PlacementOutcome } from '../../db/schema.js';
import { asConsultant, type Consultant, type ConsultantUser } from '../consultants/consultant.js';
import { addMonths } from '../lib/dates.js';
import { Conflict, Forbidden, InvalidInput, NotFound, RuleViolation } from '../lib/errors.js';
import { danishDateOf } from '../privacy/deadline.js';
import { periodsOverlap } from '../rules/approval-rules.js';
import type { Verdict } from '../rules/verdict.js';
import {
  checkCompletionAfterStart,
  checkEarlyEndNotBeforeStart,
  checkEndWithinMaximum,
  checkExtension,
  checkMilestoneDate,
  checkNotInFuture,
  checkOutcomeAfterEnd,
  checkStartAfterApproval,
  iguBonusEarliest,
} from './date-rules.js';
import { lockEmployerDecision } from '../../db/queries/notifications.js';
import { employerDecided, placementPlanned } from '../notifications/events.server.js';

export type PlacementDeps = { db: Kysely<DB>; clock: () => Date };

export type PipelineItem = PipelineRow & {
  stage: 'awaiting_consent' | 'not_shared' | 'awaiting_employer' | 'employer_declined' | 'ready' | 'planned' | 'started' | 'ended';
  followUpDue: boolean;
  milestones: Array<{ kind: MilestoneKind; due_on: string; done_on: string | null }>;
};

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Throws the first failing rule as a RuleViolation naming the rule and its source. */
function enforce(...verdicts: Verdict[]): void {
  const failed = verdicts.find((verdict) => !verdict.ok);
  if (failed) throw new RuleViolation(failed.rule, failed.message, failed.source, failed.detail);
}

/** Where an approved match stands, from consent to outcome. */
export function pipelineStage(row: Pick<PipelineRow, 'shared' | 'employer_decision' | 'placement_status'>): PipelineItem['stage'] {
  if (row.placement_status === 'planned') return 'planned';
  if (row.placement_status === 'started') return 'started';
  if (row.placement_status) return 'ended';
  // A "no" from the employer ends the match whatever the candidate has answered: the page must not wait for them.
  if (row.employer_decision === 'decline') return 'employer_declined';
  if (row.shared === null) return 'awaiting_consent';
  if (!row.shared) return 'not_shared';
  if (row.employer_decision === null) return 'awaiting_employer';
  return 'ready';
}

/** Approved matches of the consultant's jobcentre, with stage, milestones and due follow-ups. */
export async function loadPipeline(deps: PlacementDeps, user: ConsultantUser): Promise<PipelineItem[]> {
  const consultant = asConsultant(user);
  const today = dayOf(deps.clock());
  const rows = await selectPipeline(deps.db, consultant.jobcentreId);
  const milestones = await selectMilestonesOf(
    deps.db,
    rows.flatMap((row) => (row.placement_id ? [row.placement_id] : [])),
  );
  return rows.map((row) => ({
    ...row,
    stage: pipelineStage(row),
    followUpDue: row.placement_status === 'started' && row.next_follow_up !== null && row.next_follow_up <= today,
    milestones: milestones.filter((m) => m.placement_id === row.placement_id).map(({ kind, due_on, done_on }) => ({ kind, due_on, done_on })),
  }));
}

/** IGU milestones for a placement starting on `startDate`. */
export function iguMilestones(startDate: string, endDate: string, privateEmployer: boolean): Array<{ kind: MilestoneKind; due_on: string }> {
  const school = { kind: 'school_part' as const, due_on: endDate };
  if (!privateEmployer) return [school];
  return [{ kind: 'bonus_6m', due_on: addMonths(startDate, 6) }, school, { kind: 'bonus_24m', due_on: addMonths(startDate, 24) }];
}

/**
 * Creates the placement of an approved match once the candidate shares and
 * the employer invites.
 * @throws NotFound, Forbidden (another jobcentre's candidate), Conflict
 *   (not approved, already placed, no consent, employer has not invited),
 *   InvalidInput (end before start), RuleViolation `placement.overlap`.
 */
export async function createPlacement(
  deps: PlacementDeps,
  user: ConsultantUser,
  input: { proposalId: string; startDate: string; endDate: string },
): Promise<string> {
  const consultant = asConsultant(user);
  if (input.endDate < input.startDate) throw new InvalidInput('The end date is before the start date', { endDate: ['before the start date'] });
  return deps.db.transaction().execute(async (trx) => {
    const proposal = await findProposalForPlacement(trx, input.proposalId);
    if (!proposal) throw new NotFound('Proposal', input.proposalId);
    if (proposal.candidate_jobcentre_id !== consultant.jobcentreId)
      throw new Forbidden("Only the candidate's own jobcentre may create the placement");
    if (proposal.status !== 'approved') throw new Conflict('Only an approved match becomes a placement');
    if (proposal.placement_id) throw new Conflict('This match already has a placement');
    if (proposal.shared !== true) throw new Conflict('The candidate has not agreed to share their details with the employer');
    if (proposal.employer_decision !== 'invite') throw new Conflict('The employer has not invited the candidate');
    enforce(
      ...(proposal.approved_at ? [checkStartAfterApproval({ approvedOn: danishDateOf(proposal.approved_at), startOn: input.startDate })] : []),
      checkEndWithinMaximum({ type: proposal.slot_type, startDate: input.startDate, endDate: input.endDate, extended: false }),
    );
    const others = await selectOtherPlacementPeriods(trx, proposal.candidate_id, proposal.proposal_id);
    const clash = others.find((p) =>
      periodsOverlap(input.startDate, input.endDate, p.start_date, p.status === 'ended_early' ? (p.ended_on ?? p.end_date) : p.end_date),
    );
    if (clash) {
      throw new RuleViolation('placement.overlap', `overlaps another placement (${clash.start_date} to ${clash.end_date})`, 'Jobbro', {
        key: 'placement.overlap',
        params: { from: clash.start_date, to: clash.end_date },
      });
    }
    const placementId = await insertPlacement(trx, {
      proposal_id: proposal.proposal_id,
      slot_id: proposal.slot_id,
      candidate_id: proposal.candidate_id,
      type: proposal.slot_type,
      start_date: input.startDate,
      end_date: input.endDate,
      created_by: consultant.id,
    });
    if (proposal.slot_type === 'igu') {
      await insertMilestones(
        trx,
        iguMilestones(input.startDate, input.endDate, proposal.is_private).map((m) => ({ ...m, placement_id: placementId })),
      );
    }
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: 'placement.created',
      subjectType: 'placement',
      subjectId: placementId,
      details: { proposalId: proposal.proposal_id },
    });
    await placementPlanned(trx, {
      proposalId: proposal.proposal_id,
      placementId,
      startDate: input.startDate,
      actorUserId: consultant.id,
      at: deps.clock(),
    });
    return placementId;
  });
}

/**
 * Records the employer's answer on an approved match when the employer gave
 * it to the jobcentre directly (phone, meeting) rather than on their pages.
 * @throws NotFound, Forbidden, Conflict (not approved, already placed, or the employer already answered otherwise).
 */
export async function recordEmployerAnswer(
  deps: PlacementDeps,
  user: ConsultantUser,
  input: { proposalId: string; decision: 'invite' | 'decline' },
): Promise<void> {
  const consultant = asConsultant(user);
  await deps.db.transaction().execute(async (trx) => {
    const proposal = await findProposalForPlacement(trx, input.proposalId);
    if (!proposal) throw new NotFound('Proposal', input.proposalId);
    if (proposal.candidate_jobcentre_id !== consultant.jobcentreId) throw new Forbidden("Only the candidate's own jobcentre follows this match");
    if (proposal.status !== 'approved') throw new Conflict('Only an approved match goes to the employer');
    if (proposal.placement_id) throw new Conflict('This match already has a placement');
    const previous = await lockEmployerDecision(trx, proposal.proposal_id);
    // The employer's own answer stands: only the employer changes it, on their pages, where a change asks for
    // confirmation. A consultant working from a stale page must not flip it (issue 23: no silent flips).
    if (previous !== null && previous !== input.decision)
      throw new Conflict(`The employer has already answered (${previous}); only the employer can change that answer`);
    if (previous === input.decision) return;
    const at = deps.clock();
    await upsertEmployerAnswer(trx, { proposal_id: proposal.proposal_id, decision: input.decision, decided_by: consultant.id, decided_at: at });
    await employerDecided(trx, {
      proposalId: proposal.proposal_id,
      decision: input.decision,
      reason: null,
      previous,
      actorUserId: consultant.id,
      at,
    });
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: `employer_answer.${input.decision}`,
      subjectType: 'match_proposal',
      subjectId: proposal.proposal_id,
      details: {},
    });
  });
}

export type PlacementEvent =
  | { kind: 'start'; on: string }
  | { kind: 'followUp'; on: string; note?: string | null; nextFollowUp?: string | null }
  | { kind: 'endEarly'; on: string; reason: string }
  | { kind: 'complete'; on: string }
  | { kind: 'outcome'; on: string; outcome: PlacementOutcome }
  | { kind: 'milestone'; on: string; milestone: MilestoneKind }
  | { kind: 'extend'; newEnd: string; reason: string };

async function ownPlacement(trx: Executor, consultant: Consultant, placementId: string): Promise<PlacementRow> {
  const placement = await findPlacement(trx, placementId);
  if (!placement) throw new NotFound('Placement', placementId);
  if (placement.candidate_jobcentre_id !== consultant.jobcentreId) throw new Forbidden("Only the candidate's own jobcentre follows this placement");
  return placement;
}

function requireStatus(placement: PlacementRow, allowed: ReadonlyArray<PlacementRow['status']>, what: string): void {
  if (!allowed.includes(placement.status)) throw new Conflict(`Cannot record ${what} for a placement that is ${placement.status}`);
}

/**
 * Records one event in a placement's life; the allowed order is planned →
 * started → (follow-ups, extensions) → ended early or completed → outcome.
 * Every date obeys the placement date rules (./date-rules.ts): nothing in the
 * future, no start before the approval, completion after the start, outcome
 * after the end, IGU bonuses from 6 and 24 months after the actual start,
 * ends within the scheme's maximum with extensions recorded.
 * @throws NotFound, Forbidden, Conflict (out of order), InvalidInput,
 *   RuleViolation naming the date rule.
 */
export async function recordPlacementEvent(deps: PlacementDeps, user: ConsultantUser, placementId: string, event: PlacementEvent): Promise<void> {
  const consultant = asConsultant(user);
  await deps.db.transaction().execute(async (trx) => {
    const placement = await ownPlacement(trx, consultant, placementId);
    const today = danishDateOf(deps.clock());
    if (event.kind !== 'extend') enforce(checkNotInFuture({ on: event.on, today }));
    switch (event.kind) {
      case 'start':
        requireStatus(placement, ['planned'], 'a start');
        if (placement.approved_at) enforce(checkStartAfterApproval({ approvedOn: danishDateOf(placement.approved_at), startOn: event.on }));
        await updatePlacement(trx, placementId, { status: 'started', started_on: event.on });
        if (placement.type === 'igu') {
          // The bonuses count from the day the IGU really started, not the planned day.
          await setMilestoneDue(trx, placementId, 'bonus_6m', iguBonusEarliest('bonus_6m', event.on));
          await setMilestoneDue(trx, placementId, 'bonus_24m', iguBonusEarliest('bonus_24m', event.on));
        }
        break;
      case 'followUp': {
        requireStatus(placement, ['started'], 'a follow-up');
        const next = event.nextFollowUp ?? null;
        if (next !== null && next <= event.on)
          throw new InvalidInput('The next follow-up must come after the visit', { nextFollowUp: ['after the visit'] });
        await insertFollowUp(trx, {
          placement_id: placementId,
          visited_on: event.on,
          note: event.note?.trim() ?? '',
          next_follow_up: next,
          recorded_by: consultant.id,
        });
        break;
      }
      case 'endEarly':
        requireStatus(placement, ['started'], 'an early end');
        if (!event.reason.trim()) throw new InvalidInput('Say why the placement ended early', { reason: ['required'] });
        enforce(checkEarlyEndNotBeforeStart({ startedOn: placement.started_on, endedOn: event.on }));
        await updatePlacement(trx, placementId, { status: 'ended_early', ended_on: event.on, ended_reason: event.reason.trim() });
        break;
      case 'complete':
        requireStatus(placement, ['started'], 'completion');
        enforce(checkCompletionAfterStart({ startedOn: placement.started_on, completedOn: event.on }));
        await updatePlacement(trx, placementId, { status: 'completed', ended_on: event.on });
        break;
      case 'outcome':
        requireStatus(placement, ['ended_early', 'completed'], 'an outcome');
        enforce(checkOutcomeAfterEnd({ endedOn: placement.ended_on, outcomeOn: event.on }));
        await updatePlacement(trx, placementId, { outcome: event.outcome, outcome_on: event.on });
        break;
      case 'milestone':
        if (placement.type !== 'igu') throw new Conflict('Only IGU placements have milestones');
        enforce(
          checkMilestoneDate({
            kind: event.milestone,
            startedOn: placement.started_on,
            doneOn: event.on,
            status: placement.status,
            endedOn: placement.ended_on,
          }),
        );
        if ((await markMilestoneDone(trx, placementId, event.milestone, event.on, consultant.id)) === 0)
          throw new NotFound('Milestone', event.milestone);
        break;
      case 'extend': {
        requireStatus(placement, ['planned', 'started'], 'an extension');
        // The maximum counts from the planned start, as the database's check does.
        enforce(
          checkExtension({
            type: placement.type,
            startDate: placement.start_date,
            currentEnd: placement.end_date,
            newEnd: event.newEnd,
            reason: event.reason,
          }),
        );
        await insertExtension(trx, {
          placement_id: placementId,
          previous_end: placement.end_date,
          new_end: event.newEnd,
          reason: event.reason.trim(),
          decided_by: consultant.id,
        });
        break;
      }
    }
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: `placement.${event.kind}`,
      subjectType: 'placement',
      subjectId: placementId,
      details: { ...event },
    });
  });
}
