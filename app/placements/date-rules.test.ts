import { describe, expect, it } from 'vitest';
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
  maxEndDate,
} from './date-rules.js';

describe('start after approval', () => {
  it('allows a start on the day of approval or later', () => {
    expect(checkStartAfterApproval({ approvedOn: '2026-03-02', startOn: '2026-03-02' }).ok).toBe(true);
    expect(checkStartAfterApproval({ approvedOn: '2026-03-02', startOn: '2026-04-01' }).ok).toBe(true);
  });
  it('refuses a start the day before approval, naming the rule and source', () => {
    const verdict = checkStartAfterApproval({ approvedOn: '2026-03-02', startOn: '2026-03-01' });
    expect(verdict).toMatchObject({ ok: false, rule: 'placement.start_after_approval' });
    expect(verdict.source).toContain('LAB');
  });
});

describe('completion after start', () => {
  it('refuses completing on the start day (the one-day two-year IGU)', () => {
    expect(checkCompletionAfterStart({ startedOn: '2026-01-05', completedOn: '2026-01-05' }).ok).toBe(false);
  });
  it('refuses completing before the start and without a start', () => {
    expect(checkCompletionAfterStart({ startedOn: '2026-01-05', completedOn: '2026-01-04' }).ok).toBe(false);
    expect(checkCompletionAfterStart({ startedOn: null, completedOn: '2026-01-04' }).ok).toBe(false);
  });
  it('allows completing the day after the start', () => {
    expect(checkCompletionAfterStart({ startedOn: '2026-01-05', completedOn: '2026-01-06' }).ok).toBe(true);
  });
});

describe('early end', () => {
  it('allows an early end on the start day, not before', () => {
    expect(checkEarlyEndNotBeforeStart({ startedOn: '2026-01-05', endedOn: '2026-01-05' }).ok).toBe(true);
    expect(checkEarlyEndNotBeforeStart({ startedOn: '2026-01-05', endedOn: '2026-01-04' })).toMatchObject({
      ok: false,
      rule: 'placement.end_after_start',
    });
  });
});

describe('outcome after end', () => {
  it('allows the outcome on the last day or later', () => {
    expect(checkOutcomeAfterEnd({ endedOn: '2026-06-30', outcomeOn: '2026-06-30' }).ok).toBe(true);
    expect(checkOutcomeAfterEnd({ endedOn: '2026-06-30', outcomeOn: '2026-08-01' }).ok).toBe(true);
  });
  it('refuses an outcome before the end or for a placement that has not ended', () => {
    expect(checkOutcomeAfterEnd({ endedOn: '2026-06-30', outcomeOn: '2026-06-29' })).toMatchObject({
      ok: false,
      rule: 'placement.outcome_after_end',
    });
    expect(checkOutcomeAfterEnd({ endedOn: null, outcomeOn: '2026-06-29' }).ok).toBe(false);
  });
});

describe('not in the future', () => {
  it('refuses tomorrow and allows today', () => {
    expect(checkNotInFuture({ on: '2026-12-08', today: '2026-12-07' }).ok).toBe(false);
    expect(checkNotInFuture({ on: '2026-12-07', today: '2026-12-07' }).ok).toBe(true);
  });
});

describe('IGU bonus milestones', () => {
  const started = { startedOn: '2025-01-31', status: 'started' as const, endedOn: null };
  it('counts 6 and 24 months from the actual start, clamping to the month end', () => {
    expect(iguBonusEarliest('bonus_6m', '2025-01-31')).toBe('2025-07-31');
    expect(iguBonusEarliest('bonus_6m', '2025-08-31')).toBe('2026-02-28');
    expect(iguBonusEarliest('bonus_24m', '2025-01-31')).toBe('2027-01-31');
  });
  it('refuses the 6-month bonus a day early and allows it on the day', () => {
    expect(checkMilestoneDate({ ...started, kind: 'bonus_6m', doneOn: '2025-07-30' })).toMatchObject({ ok: false, rule: 'igu.bonus_6m_date' });
    expect(checkMilestoneDate({ ...started, kind: 'bonus_6m', doneOn: '2025-07-31' }).ok).toBe(true);
  });
  it('refuses any bonus before the IGU has started', () => {
    expect(checkMilestoneDate({ kind: 'bonus_6m', startedOn: null, doneOn: '2026-01-01', status: 'planned', endedOn: null }).ok).toBe(false);
  });
  it('refuses the 6-month bonus for an IGU that ended before 6 months, allows it for one that lasted 6 months', () => {
    expect(
      checkMilestoneDate({ kind: 'bonus_6m', startedOn: '2025-01-31', doneOn: '2025-09-01', status: 'ended_early', endedOn: '2025-05-01' }).ok,
    ).toBe(false);
    expect(
      checkMilestoneDate({ kind: 'bonus_6m', startedOn: '2025-01-31', doneOn: '2025-09-01', status: 'ended_early', endedOn: '2025-07-29' }).ok,
    ).toBe(false);
    expect(
      checkMilestoneDate({ kind: 'bonus_6m', startedOn: '2025-01-31', doneOn: '2025-09-01', status: 'ended_early', endedOn: '2025-07-30' }).ok,
    ).toBe(true);
  });
  it('allows the completion bonus only for a completed IGU, 24 months after the start', () => {
    expect(checkMilestoneDate({ ...started, kind: 'bonus_24m', doneOn: '2027-01-31' }).ok).toBe(false);
    const completed = { startedOn: '2025-01-31', status: 'completed' as const, endedOn: '2027-01-30' };
    expect(checkMilestoneDate({ ...completed, kind: 'bonus_24m', doneOn: '2027-01-30' }).ok).toBe(false);
    expect(checkMilestoneDate({ ...completed, kind: 'bonus_24m', doneOn: '2027-01-31' }).ok).toBe(true);
    expect(checkMilestoneDate({ ...completed, status: 'ended_early', kind: 'bonus_24m', doneOn: '2027-02-15' }).ok).toBe(false);
  });
  it('allows the school part once started, not before the start', () => {
    expect(checkMilestoneDate({ ...started, kind: 'school_part', doneOn: '2025-03-01' }).ok).toBe(true);
    expect(checkMilestoneDate({ ...started, kind: 'school_part', doneOn: '2025-01-01' }).ok).toBe(false);
  });
});

describe('maximum durations and extensions', () => {
  it('gives praktik 13 weeks, 26 with an extension', () => {
    expect(maxEndDate('praktik', '2026-01-05', false)).toBe('2026-04-05');
    expect(maxEndDate('praktik', '2026-01-05', true)).toBe('2026-07-05');
  });
  it('gives løntilskud 12 months and IGU 24 months', () => {
    expect(maxEndDate('loentilskud', '2026-01-05', false)).toBe('2027-01-04');
    expect(maxEndDate('igu', '2026-01-05', false)).toBe('2028-01-04');
  });
  it('refuses a praktik beyond 13 weeks without an extension and says one can be recorded', () => {
    const verdict = checkEndWithinMaximum({ type: 'praktik', startDate: '2026-01-05', endDate: '2026-04-06', extended: false });
    expect(verdict).toMatchObject({ ok: false, rule: 'praktik.max_end' });
    expect(verdict.message).toContain('extension');
    expect(checkEndWithinMaximum({ type: 'praktik', startDate: '2026-01-05', endDate: '2026-04-06', extended: true }).ok).toBe(true);
  });
  it('refuses a løntilskud of 12 months and a day, extended or not', () => {
    expect(checkEndWithinMaximum({ type: 'loentilskud', startDate: '2026-01-05', endDate: '2027-01-05', extended: true }).ok).toBe(false);
    expect(checkEndWithinMaximum({ type: 'loentilskud', startDate: '2026-01-05', endDate: '2027-01-04', extended: false }).ok).toBe(true);
  });
  it('refuses an end before the start', () => {
    expect(checkEndWithinMaximum({ type: 'igu', startDate: '2026-01-05', endDate: '2026-01-04', extended: false }).ok).toBe(false);
  });
  it('checks an extension: later, with a reason, within 26 weeks for praktik', () => {
    const base = { type: 'praktik' as const, startDate: '2026-01-05', currentEnd: '2026-04-05' };
    expect(checkExtension({ ...base, newEnd: '2026-07-05', reason: 'Mere tid til sprog' }).ok).toBe(true);
    expect(checkExtension({ ...base, newEnd: '2026-07-06', reason: 'Mere tid' })).toMatchObject({ ok: false, rule: 'praktik.extension' });
    expect(checkExtension({ ...base, newEnd: '2026-04-05', reason: 'x' }).ok).toBe(false);
    expect(checkExtension({ ...base, newEnd: '2026-05-05', reason: '  ' }).ok).toBe(false);
  });
});
