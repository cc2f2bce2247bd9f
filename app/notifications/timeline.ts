/**
 * Where one of the candidate's offers stands, as a short timeline: interest
 * sent → jobcentre approved → employer invited → placement planned →
 * started. The furthest step reached is the current one; a "no" from the
 * jobcentre or the employer stops the line at that step. Each state has one
 * thing the candidate should do now. No imports: the home page renders it.
 */
export const timelineSteps = ['interest', 'approved', 'invited', 'planned', 'started'] as const;
export type TimelineStep = (typeof timelineSteps)[number];
export type StepState = 'done' | 'current' | 'ahead' | 'stopped';

export type TimelineFacts = {
  source: 'matcher' | 'interest';
  proposalStatus: 'proposed' | 'approved' | 'rejected' | 'stale';
  shared: boolean;
  employerDecision: 'invite' | 'decline' | null;
  placementStatus: 'planned' | 'started' | 'ended_early' | 'completed' | null;
};

export type NowKey = 'interest' | 'approved' | 'approvedShared' | 'invited' | 'invitedShared' | 'planned' | 'started' | 'rejected' | 'declined';

export type Timeline = {
  steps: Array<{ step: TimelineStep; state: StepState }>;
  now: NowKey;
  /** Where the candidate acts now, if anywhere. */
  act: 'share' | 'offers' | null;
};

/** The timeline of one offer; a matcher's proposal the candidate did not ask for has no "interest sent" step. */
export function timelineOf(facts: TimelineFacts): Timeline {
  let reached: TimelineStep;
  let stopped = false;
  let now: NowKey;
  if (facts.placementStatus === 'started' || facts.placementStatus === 'completed' || facts.placementStatus === 'ended_early') {
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
  const shown = facts.source === 'interest' ? timelineSteps : timelineSteps.filter((step) => step !== 'interest');
  const at = timelineSteps.indexOf(reached);
  const steps = shown.map((step) => {
    const index = timelineSteps.indexOf(step);
    const state: StepState = index < at ? 'done' : index === at ? (stopped ? 'stopped' : 'current') : 'ahead';
    return { step, state };
  });
  const act = now === 'approved' || now === 'invited' ? 'share' : now === 'rejected' || now === 'declined' ? 'offers' : null;
  return { steps, now, act };
}
