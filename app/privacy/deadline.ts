/**
 * The erasure deadline. GDPR art. 12(3): the controller answers "without
 * undue delay and in any event within one month of receipt of the request".
 * Rule (ADR 0005): the request's date in Denmark plus one calendar month,
 * clamped to the month's end when that day does not exist (requested
 * 2026-01-31 → deadline 2026-02-28), so the deadline never spills into the
 * following month. A request is overdue from the day after its deadline.
 */
import { addMonths, daysBetween } from '../lib/dates.js';

const copenhagen = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Denmark at `at` ('YYYY-MM-DD'); a request at 00:30 on 1 March Danish time counts from 1 March. */
export function danishDateOf(at: Date): string {
  return copenhagen.format(at);
}

/** The last day to answer a request received on `requestedOn`. */
export function erasureDeadline(requestedOn: string): string {
  return addMonths(requestedOn, 1);
}

export type DeadlineStatus = { deadline: string; daysLeft: number; overdue: boolean };

/** Days from `today` to the deadline (0 on the deadline itself, negative once overdue). */
export function deadlineStatus(deadline: string, today: string): DeadlineStatus {
  const daysLeft = daysBetween(today, deadline);
  return { deadline, daysLeft, overdue: daysLeft < 0 };
}
