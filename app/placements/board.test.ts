import { describe, expect, it } from 'vitest';
import { dueThisWeek, endOfWeek, groupByColumn, type BoardItem } from './board.js';

const item = (over: Partial<BoardItem>): BoardItem => ({
  proposal_id: over.proposal_id ?? 'p',
  placement_id: 'x',
  stage: 'started',
  outcome: null,
  start_date: '2026-11-02',
  end_date: '2027-01-31',
  ended_on: null,
  next_follow_up: null,
  milestones: [],
  ...over,
});

describe('endOfWeek', () => {
  it('is the Sunday of the ISO week', () => {
    expect(endOfWeek('2026-12-07')).toBe('2026-12-13'); // Monday
    expect(endOfWeek('2026-12-13')).toBe('2026-12-13'); // Sunday
    expect(endOfWeek('2026-12-31')).toBe('2027-01-03'); // Thursday
  });
});

describe('groupByColumn', () => {
  it('puts ended placements without an outcome apart from closed ones', () => {
    const columns = groupByColumn([
      item({ proposal_id: 'a', stage: 'awaiting_employer', placement_id: null }),
      item({ proposal_id: 'b', stage: 'ended', outcome: null }),
      item({ proposal_id: 'c', stage: 'ended', outcome: 'education' }),
      item({ proposal_id: 'd', stage: 'planned' }),
    ]);
    expect(columns.before_start.map((i) => i.proposal_id)).toEqual(['a']);
    expect(columns.awaiting_outcome.map((i) => i.proposal_id)).toEqual(['b']);
    expect(columns.closed.map((i) => i.proposal_id)).toEqual(['c']);
    expect(columns.planned.map((i) => i.proposal_id)).toEqual(['d']);
    expect(columns.started).toEqual([]);
  });
});

describe('dueThisWeek', () => {
  const today = '2026-12-09'; // Wednesday; the week ends Sunday 13 December
  it('lists overdue and this week’s follow-ups, starts, ends and bonuses by date, and leaves next week out', () => {
    const tasks = dueThisWeek(
      [
        item({ proposal_id: 'late', next_follow_up: '2026-12-01' }),
        item({ proposal_id: 'sunday', next_follow_up: '2026-12-13' }),
        item({ proposal_id: 'monday', next_follow_up: '2026-12-14' }),
        item({ proposal_id: 'starts', stage: 'planned', start_date: '2026-12-10' }),
        item({ proposal_id: 'ends', end_date: '2026-12-11' }),
        item({
          proposal_id: 'bonus',
          milestones: [
            { kind: 'bonus_6m', due_on: '2026-12-12', done_on: null },
            { kind: 'school_part', due_on: '2026-12-12', done_on: null },
          ],
        }),
        item({ proposal_id: 'paid', milestones: [{ kind: 'bonus_6m', due_on: '2026-12-12', done_on: '2026-12-08' }] }),
        // Ended after two months: the 6-month bonus was never earned, so it is not due.
        item({
          proposal_id: 'short',
          stage: 'ended',
          outcome: 'education',
          ended_on: '2026-08-01',
          milestones: [{ kind: 'bonus_6m', due_on: '2026-12-10', done_on: null }],
        }),
        item({ proposal_id: 'outcome', stage: 'ended', outcome: null }),
        item({ proposal_id: 'ready', stage: 'ready', placement_id: null }),
      ],
      today,
    );
    expect(tasks.map((t) => `${t.item.proposal_id}:${t.kind}`)).toEqual([
      'late:followUp',
      'starts:start',
      'ends:end',
      'bonus:milestone',
      'sunday:followUp',
      'outcome:outcome',
      'ready:create',
    ]);
  });
});
