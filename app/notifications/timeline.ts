/**
 * Where one of the candidate's offers stands, as a short timeline: interest
 * sent → jobcentre approved → employer invited → placement planned →
 * started, and for a placement that is over, one more step saying how it
 * ended (completed, or ended early) with its outcome. The furthest step
 * reached is the current one; a "no" from the jobcentre or the employer
 * stops the line at that step. Each state has one thing the candidate should
 * do now. No imports: the home page renders it.
 */
export const timelineSteps = ['interest', 'approved', 'invited', 'planned', 'started', 'completed', 'endedEarly'] as const;
export type TimelineStep = (typeof timelineSteps)[number];
export type StepState = 'done' | 'current' | 'ahead' | 'stopped';

export type TimelineFacts = {
  source: 'matcher' | 'interest';
  proposalStatus: 'proposed' | 'approved' | 'rejected' | 'stale';
  shared: boolean;
  employerDecision: 'invite' | 'decline' | null;
  placementStatus: 'planned' | 'started' | 'ended_early' | 'completed' | null;
  /** What came after a placement that is over (recorded by the consultant), if known yet. */
  placementOutcome: PlacementOutcome | null;
};

export type PlacementOutcome = 'ordinary_job' | 'education' | 'back_to_programme';

export type NowKey =
  | 'interest'
  | 'approved'
  | 'approvedShared'
  | 'invited'
  | 'invitedShared'
  | 'planned'
  | 'started'
  | 'completed'
  | 'endedEarly'
  | 'rejected'
  | 'declined';

export type Timeline = {
  steps: Array<{ step: TimelineStep; state: StepState }>;
  now: NowKey;
  /** Where the candidate acts now, if anywhere. */
  act: 'share' | 'offers' | null;
  /** How a placement that is over turned out, once recorded. */
  outcome: PlacementOutcome | null;
};

/** The timeline of one offer; a matcher's proposal the candidate did not ask for has no "interest sent" step. */
export function timelineOf(facts: TimelineFacts): Timeline {
  let reached: TimelineStep;
  let stopped = false;
  let now: NowKey;
  if (facts.placementStatus === 'completed') {
    reached = 'completed';
    now = 'completed';
  } else if (facts.placementStatus === 'ended_early') {
    reached = 'endedEarly';
    now = 'endedEarly';
  } else if (facts.placementStatus === 'started') {
    reached = 'started';
    now = 'started';
  } else if (facts.placementStatus === 'planned') {
    reached = 'planned';
    now = 'planned';
  } else if (facts.proposalStatus === 'rejected') {
    reached = 'approved';
    stopped = true;
    now = 'rejected';
  } else if (facts.proposalStatus === 'approved' && facts.employerDecision === 'decline') {
    reached = 'invited';
    stopped = true;
    now = 'declined';
  } else if (facts.proposalStatus === 'approved' && facts.employerDecision === 'invite') {
    reached = 'invited';
    now = facts.shared ? 'invitedShared' : 'invited';
  } else if (facts.proposalStatus === 'approved') {
    reached = 'approved';
    now = facts.shared ? 'approvedShared' : 'approved';
  } else {
    reached = 'interest';
    now = 'interest';
  }
  // The line ahead ends at "started"; how a placement ended shows only once it has (one of the two, never both).
  const ends = reached === 'completed' || reached === 'endedEarly' ? [reached] : [];
  const line: readonly TimelineStep[] = ['interest', 'approved', 'invited', 'planned', 'started', ...ends];
  const shown = facts.source === 'interest' ? line : line.filter((step) => step !== 'interest');
  const at = line.indexOf(reached);
  const steps = shown.map((step) => {
    const index = line.indexOf(step);
    const state: StepState = index < at ? 'done' : index === at ? (stopped ? 'stopped' : 'current') : 'ahead';
    return { step, state };
  });
  const act = now === 'approved' || now === 'invited' ? 'share' : now === 'rejected' || now === 'declined' ? 'offers' : null;
  const over = now === 'completed' || now === 'endedEarly';
  return { steps, now, act, outcome: over ? facts.placementOutcome : null };
}
