/**
 * The placement page as a board (issue 24, item 5): approved matches grouped
 * by stage, and above the board what is due this week — follow-up visits,
 * starts and ends, IGU bonuses that may now be recorded, outcomes still
 * missing, placements to create. Pure functions over the pipeline rows so
 * the grouping and the week are unit-tested.
 */
import type { MilestoneKind } from '../../db/schema.js';
import { addDays, epochDay } from '../lib/dates.js';

export const BOARD_COLUMNS = ['before_start', 'planned', 'started', 'awaiting_outcome', 'closed'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

export type BoardItem = {
  proposal_id: string;
  placement_id: string | null;
  stage: 'awaiting_consent' | 'not_shared' | 'awaiting_employer' | 'employer_declined' | 'ready' | 'planned' | 'started' | 'ended';
  outcome: string | null;
  start_date: string | null;
  end_date: string | null;
  ended_on: string | null;
  next_follow_up: string | null;
  milestones: ReadonlyArray<{ kind: MilestoneKind; due_on: string; done_on: string | null }>;
};

export function boardColumnOf(item: Pick<BoardItem, 'stage' | 'outcome'>): BoardColumn {
  if (item.stage === 'planned') return 'planned';
  if (item.stage === 'started') return 'started';
  if (item.stage === 'ended') return item.outcome ? 'closed' : 'awaiting_outcome';
  return 'before_start';
}

/** The items of each column, in the pipeline's order. */
export function groupByColumn<T extends Pick<BoardItem, 'stage' | 'outcome'>>(items: readonly T[]): Record<BoardColumn, T[]> {
  const columns: Record<BoardColumn, T[]> = { before_start: [], planned: [], started: [], awaiting_outcome: [], closed: [] };
  for (const item of items) columns[boardColumnOf(item)].push(item);
  return columns;
}

/** Last day (Sunday) of the ISO week holding `today`. */
export function endOfWeek(today: string): string {
  // 1970-01-01 was a Thursday: epoch day 0 is ISO weekday 4.
  const isoWeekday = ((((epochDay(today) + 3) % 7) + 7) % 7) + 1;
  return addDays(today, 7 - isoWeekday);
}

export type DueKind = 'create' | 'start' | 'followUp' | 'end' | 'milestone' | 'outcome';
export type DueTask<T> = { item: T; kind: DueKind; on: string | null; milestone?: MilestoneKind };

/**
 * What needs the consultant this week: everything due on or before Sunday,
 * overdue first (by date), then the undated tasks (a placement to create, an
 * outcome to record).
 */
export function dueThisWeek<T extends BoardItem>(items: readonly T[], today: string): Array<DueTask<T>> {
  const weekEnd = endOfWeek(today);
  const tasks: Array<DueTask<T>> = [];
  for (const item of items) {
    if (item.stage === 'ready') tasks.push({ item, kind: 'create', on: null });
    if (item.stage === 'planned' && item.start_date !== null && item.start_date <= weekEnd) tasks.push({ item, kind: 'start', on: item.start_date });
    if (item.stage === 'started') {
      if (item.next_follow_up !== null && item.next_follow_up <= weekEnd) tasks.push({ item, kind: 'followUp', on: item.next_follow_up });
      if (item.end_date !== null && item.end_date <= weekEnd) tasks.push({ item, kind: 'end', on: item.end_date });
    }
    if (item.stage === 'started' || item.stage === 'ended') {
      for (const milestone of item.milestones) {
        // A bonus is earned only if the placement lasted until it (the day before the anniversary counts).
        const earned = item.ended_on === null || item.ended_on >= addDays(milestone.due_on, -1);
        if (milestone.done_on === null && milestone.kind !== 'school_part' && milestone.due_on <= weekEnd && earned) {
          tasks.push({ item, kind: 'milestone', on: milestone.due_on, milestone: milestone.kind });
        }
      }
    }
    if (item.stage === 'ended' && item.outcome === null) tasks.push({ item, kind: 'outcome', on: null });
  }
  return tasks.sort((a, b) => (a.on ?? '9999-12-31').localeCompare(b.on ?? '9999-12-31'));
}
