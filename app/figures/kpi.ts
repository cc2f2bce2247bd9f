/**
 * Key figures for jobcentres, networks and the nation, as pure functions over
 * plain rows (the queries in db/queries/figures.ts load them). Definitions:
 * - Stage: the furthest a candidate has come — outcome (ordinary job,
 *   education), in placement, placement ended, approved, proposed, registered.
 * - First company-based offer: the first consultant approval of a match;
 *   days counted from registration (goal: within 30 days).
 * - In ordinary work N years after arrival: ordinary work began on or before
 *   arrival + N years; only candidates who arrived at least N years ago count.
 */
import type { PlacementOutcome, RejectReason, SlotType } from '../../db/schema.js';
import { addYears, daysBetween } from '../lib/dates.js';

export type CandidateFact = {
  candidateId: string;
  municipalityCode: string;
  registeredOn: string;
  arrivalDate: string;
  hasProposal: boolean;
  /** Date of the first approval, or null. */
  firstOfferOn: string | null;
  /** The latest placement's status, or null. */
  placementStatus: 'planned' | 'started' | 'ended_early' | 'completed' | null;
  /** The latest recorded outcome, or null. */
  outcome: PlacementOutcome | null;
  /** First day of ordinary work (employment or placement outcome), or null. */
  ordinaryWorkFrom: string | null;
};

export type PlacementFact = { type: SlotType; sector: string | null; outcome: PlacementOutcome | null; municipalityCode: string };
export type DecisionFact = { decision: 'approved' | 'rejected'; rejectReason: RejectReason | null };

export const STAGES = ['registered', 'proposed', 'approved', 'in_placement', 'placement_ended', 'ordinary_job', 'education'] as const;
export type Stage = (typeof STAGES)[number];

export function stageOf(fact: CandidateFact): Stage {
  if (fact.outcome === 'ordinary_job') return 'ordinary_job';
  if (fact.outcome === 'education') return 'education';
  if (fact.placementStatus === 'planned' || fact.placementStatus === 'started') return 'in_placement';
  if (fact.placementStatus) return 'placement_ended';
  if (fact.firstOfferOn) return 'approved';
  if (fact.hasProposal) return 'proposed';
  return 'registered';
}

export type Count = { key: string; value: number };

/** Candidates per stage, every stage listed (zeros included), in pipeline order. */
export function candidatesByStage(facts: readonly CandidateFact[]): Count[] {
  const counts = new Map<Stage, number>(STAGES.map((stage) => [stage, 0]));
  for (const fact of facts) {
    const stage = stageOf(fact);
    counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  return STAGES.map((stage) => ({ key: stage, value: counts.get(stage) ?? 0 }));
}

/** The funnel's steps: how far candidates have come, each step counting everyone at it or beyond. */
export const FUNNEL = ['registered', 'proposed', 'approved', 'placed', 'placement_ended', 'outcome'] as const;
export type FunnelStep = (typeof FUNNEL)[number];

const FUNNEL_STEP_OF: Record<Stage, FunnelStep> = {
  registered: 'registered',
  proposed: 'proposed',
  approved: 'approved',
  in_placement: 'placed',
  placement_ended: 'placement_ended',
  ordinary_job: 'outcome',
  education: 'outcome',
};

/**
 * The funnel from the stage counts, so the two always add up: each step is
 * the sum of the stages at or after it, the first step is every candidate,
 * and no step is larger than the one before.
 */
export function funnelOf(stages: readonly Count[]): Count[] {
  const atStep = new Map<FunnelStep, number>(FUNNEL.map((step) => [step, 0]));
  for (const stage of STAGES) {
    const value = stages.find((count) => count.key === stage)?.value ?? 0;
    atStep.set(FUNNEL_STEP_OF[stage], (atStep.get(FUNNEL_STEP_OF[stage]) ?? 0) + value);
  }
  let reached = 0;
  const out: Count[] = [];
  for (const step of [...FUNNEL].reverse()) {
    reached += atStep.get(step) ?? 0;
    out.unshift({ key: step, value: reached });
  }
  return out;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const OFFER_GOAL_DAYS = 30;
export const OFFER_BUCKETS = ['0-14', '15-30', '31-60', '61+', 'waiting'] as const;

export type FirstOfferFigures = {
  /** Candidates with a first offer. */
  total: number;
  median: number | null;
  withinGoal: number;
  /** Without an offer and registered more than 30 days ago. */
  waitingOverGoal: number;
  buckets: Count[];
};

export function daysToFirstOffer(facts: readonly CandidateFact[], today: string): FirstOfferFigures {
  const days: number[] = [];
  let waitingOverGoal = 0;
  for (const fact of facts) {
    if (fact.firstOfferOn) days.push(Math.max(0, daysBetween(fact.registeredOn, fact.firstOfferOn)));
    else if (daysBetween(fact.registeredOn, today) > OFFER_GOAL_DAYS) waitingOverGoal++;
  }
  const bucket = (d: number) => (d <= 14 ? '0-14' : d <= 30 ? '15-30' : d <= 60 ? '31-60' : '61+');
  const counts = new Map<string, number>(OFFER_BUCKETS.map((b) => [b, 0]));
  for (const d of days) counts.set(bucket(d), (counts.get(bucket(d)) ?? 0) + 1);
  counts.set('waiting', waitingOverGoal);
  return {
    total: days.length,
    median: median(days),
    withinGoal: days.filter((d) => d <= OFFER_GOAL_DAYS).length,
    waitingOverGoal,
    buckets: OFFER_BUCKETS.map((b) => ({ key: b, value: counts.get(b) ?? 0 })),
  };
}

export type ShareFigure = { eligible: number; inWork: number; share: number | null };

/** Share of candidates in ordinary work `years` after arrival, among those who arrived at least that long ago. */
export function ordinaryWorkShare(facts: readonly CandidateFact[], today: string, years: number): ShareFigure {
  let eligible = 0;
  let inWork = 0;
  for (const fact of facts) {
    const mark = addYears(fact.arrivalDate, years);
    if (mark > today) continue;
    eligible++;
    if (fact.ordinaryWorkFrom !== null && fact.ordinaryWorkFrom <= mark) inWork++;
  }
  return { eligible, inWork, share: eligible === 0 ? null : inWork / eligible };
}

/** Counts by a key, largest first, ties by key; `missing` names null keys. */
export function countBy<T>(rows: readonly T[], keyOf: (row: T) => string | null, missing = 'none'): Count[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row) ?? missing;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, value]) => ({ key, value })).sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
}

/** Approvals, then each rejection reason. */
export function decisionSummary(decisions: readonly DecisionFact[]): Count[] {
  return countBy(decisions, (d) => (d.decision === 'approved' ? 'approved' : d.rejectReason));
}

/** Organisations with activity (a published slot or a placement) on or after `since`. */
export function employersActive(activity: ReadonlyArray<{ organisationId: string; lastActiveOn: string }>, since: string): number {
  return new Set(activity.filter((a) => a.lastActiveOn >= since).map((a) => a.organisationId)).size;
}
