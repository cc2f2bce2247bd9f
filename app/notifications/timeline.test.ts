import { describe, expect, it } from 'vitest';
import { timelineOf, type TimelineFacts } from './timeline.js';

const interest: TimelineFacts = {
  source: 'interest',
  proposalStatus: 'proposed',
  shared: false,
  employerDecision: null,
  placementStatus: null,
  placementOutcome: null,
};
const states = (facts: TimelineFacts) => timelineOf(facts).steps.map((s) => `${s.step}:${s.state}`);

describe('the candidate timeline', () => {
  it('an interest waiting for the jobcentre is at its first step, nothing to do but wait', () => {
    expect(states(interest)).toEqual(['interest:current', 'approved:ahead', 'invited:ahead', 'planned:ahead', 'started:ahead']);
    expect(timelineOf(interest)).toMatchObject({ now: 'interest', act: null });
  });

  it('an approved match asks the candidate to decide on sharing; once shared it waits for the employer', () => {
    const approved = { ...interest, proposalStatus: 'approved' as const };
    expect(states(approved)).toEqual(['interest:done', 'approved:current', 'invited:ahead', 'planned:ahead', 'started:ahead']);
    expect(timelineOf(approved)).toMatchObject({ now: 'approved', act: 'share' });
    expect(timelineOf({ ...approved, shared: true })).toMatchObject({ now: 'approvedShared', act: null });
  });

  it('a matcher proposal has no "interest sent" step', () => {
    const matched: TimelineFacts = { ...interest, source: 'matcher', proposalStatus: 'approved' };
    expect(states(matched)).toEqual(['approved:current', 'invited:ahead', 'planned:ahead', 'started:ahead']);
  });

  it('an invitation without sharing tells the candidate to share their contact', () => {
    const invited: TimelineFacts = { ...interest, proposalStatus: 'approved', employerDecision: 'invite' };
    expect(states(invited)).toEqual(['interest:done', 'approved:done', 'invited:current', 'planned:ahead', 'started:ahead']);
    expect(timelineOf(invited)).toMatchObject({ now: 'invited', act: 'share' });
    expect(timelineOf({ ...invited, shared: true })).toMatchObject({ now: 'invitedShared', act: null });
  });

  it('a "no" stops the line where it was said and points to other offers', () => {
    expect(states({ ...interest, proposalStatus: 'rejected' })).toEqual([
      'interest:done',
      'approved:stopped',
      'invited:ahead',
      'planned:ahead',
      'started:ahead',
    ]);
    expect(timelineOf({ ...interest, proposalStatus: 'rejected' })).toMatchObject({ now: 'rejected', act: 'offers' });
    const declined: TimelineFacts = { ...interest, proposalStatus: 'approved', employerDecision: 'decline' };
    expect(states(declined)).toEqual(['interest:done', 'approved:done', 'invited:stopped', 'planned:ahead', 'started:ahead']);
    expect(timelineOf(declined).now).toBe('declined');
  });

  it('a planned, then started placement moves to the last steps', () => {
    const planned: TimelineFacts = { ...interest, proposalStatus: 'approved', shared: true, employerDecision: 'invite', placementStatus: 'planned' };
    expect(states(planned)).toEqual(['interest:done', 'approved:done', 'invited:done', 'planned:current', 'started:ahead']);
    expect(states({ ...planned, placementStatus: 'started' })).toEqual([
      'interest:done',
      'approved:done',
      'invited:done',
      'planned:done',
      'started:current',
    ]);
    expect(timelineOf({ ...planned, placementStatus: 'started' })).toMatchObject({ now: 'started', act: null, outcome: null });
  });

  it('a placement that is over says how it ended, not "started", with its outcome once recorded', () => {
    const placed: TimelineFacts = { ...interest, proposalStatus: 'approved', shared: true, employerDecision: 'invite', placementStatus: 'completed' };
    expect(states(placed)).toEqual(['interest:done', 'approved:done', 'invited:done', 'planned:done', 'started:done', 'completed:current']);
    expect(timelineOf({ ...placed, placementOutcome: 'ordinary_job' })).toMatchObject({ now: 'completed', act: null, outcome: 'ordinary_job' });
    const endedEarly: TimelineFacts = { ...placed, source: 'matcher', placementStatus: 'ended_early', placementOutcome: null };
    expect(states(endedEarly)).toEqual(['approved:done', 'invited:done', 'planned:done', 'started:done', 'endedEarly:current']);
    expect(timelineOf(endedEarly)).toMatchObject({ now: 'endedEarly', outcome: null });
    expect(timelineOf({ ...endedEarly, placementOutcome: 'back_to_programme' }).outcome).toBe('back_to_programme');
  });
});
