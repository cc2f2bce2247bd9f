import { describe, expect, it } from 'vitest';
import { danishDateOf, deadlineStatus, erasureDeadline } from './deadline.js';

describe('erasure deadline (GDPR art. 12(3): one month)', () => {
  it('adds one calendar month', () => {
    expect(erasureDeadline('2026-03-15')).toBe('2026-04-15');
    expect(erasureDeadline('2026-12-10')).toBe('2027-01-10');
  });

  it('clamps to the end of a shorter month instead of spilling over', () => {
    expect(erasureDeadline('2026-01-31')).toBe('2026-02-28');
    expect(erasureDeadline('2028-01-31')).toBe('2028-02-29');
    expect(erasureDeadline('2026-03-31')).toBe('2026-04-30');
  });

  it('counts from the date in Denmark, not in UTC', () => {
    // 23:30 UTC on 28 February is 00:30 on 1 March in Copenhagen (CET, UTC+1).
    expect(danishDateOf(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03-01');
    // Summer time (CEST, UTC+2).
    expect(danishDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(danishDateOf(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });

  it('gives days left, zero on the deadline, and overdue from the day after', () => {
    expect(deadlineStatus('2026-02-28', '2026-02-20')).toEqual({ deadline: '2026-02-28', daysLeft: 8, overdue: false });
    expect(deadlineStatus('2026-02-28', '2026-02-28')).toEqual({ deadline: '2026-02-28', daysLeft: 0, overdue: false });
    expect(deadlineStatus('2026-02-28', '2026-03-02')).toEqual({ deadline: '2026-02-28', daysLeft: -2, overdue: true });
  });

  it('refuses a malformed date rather than guessing', () => {
    expect(() => erasureDeadline('2026-02-30')).toThrow(RangeError);
  });
});
