/**
 * Calendar dates as 'YYYY-MM-DD' strings. All arithmetic goes through UTC so
 * that the local time zone and daylight-saving changes never shift a day.
 */

import { z } from 'zod';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Ymd = { year: number; month: number; day: number };

function parse(date: string): Ymd {
  const m = DATE_RE.exec(date);
  // The value stays out of the messages: it may be a date of birth, and messages reach logs and the admin's outbox page.
  if (!m) throw new RangeError('Not a date (YYYY-MM-DD)');
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('Not a calendar date');
  }
  return { year, month, day };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// A table rather than a Date object: the matcher calls this per candidate.
function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function format({ year, month, day }: Ymd): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True for a real calendar date written 'YYYY-MM-DD' (2023-02-29 is false). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/** Whole days since 1970-01-01 (negative before). */
export function epochDay(date: string): number {
  const { year, month, day } = parse(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The inverse of `epochDay`. */
export function fromEpochDay(days: number): string {
  const d = new Date(days * DAY_MS);
  return format({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/**
 * Adds calendar months; a day that does not exist in the target month is
 * clamped to its last day (2024-05-31 − 3 months = 2024-02-29), as date-fns
 * does, so the result never spills into the following month.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/**
 * Adds calendar years. A 29 February lands on 28 February in a common year,
 * so a person born on 29 February turns 18 on 28 February (decision recorded
 * in docs/decisions/0002-matcher-scoring.md).
 */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Completed years of age on `on` for someone born on `birthDate`. */
export function ageOn(birthDate: string, on: string): number {
  const b = parse(birthDate);
  const d = parse(on);
  let age = d.year - b.year;
  if (addYears(birthDate, age) > on) age -= 1;
  return age;
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/**
 * One end of a date field's range: a fixed date, today, or whole years from
 * today (negative: before). Relative bounds follow the clock, so a birth date
 * "up to today" stays right on every day the process runs.
 */
export type DateBound = string | 'today' | { yearsFromToday: number };

/** The dates a field accepts, both ends included. Written beside each schema. */
export type DateRange = { earliest: DateBound; latest: DateBound };

type Message = string | ((range: { earliest: string; latest: string }) => string);

/** Issue messages: plain English (the API, the CLI) unless a form passes its own message keys. */
export type DateMessages = { invalid: Message; tooEarly: Message; tooLate: Message };

const ENGLISH: DateMessages = {
  invalid: 'must be a real calendar date written YYYY-MM-DD',
  tooEarly: ({ earliest, latest }) => `must be between ${earliest} and ${latest}`,
  tooLate: ({ earliest, latest }) => `must be between ${earliest} and ${latest}`,
};

/** Today's date in UTC, from a clock. */
export function todayOf(clock: () => Date = () => new Date()): string {
  return clock().toISOString().slice(0, 10);
}

export function resolveDateBound(bound: DateBound, today: string): string {
  if (bound === 'today') return today;
  if (typeof bound === 'string') return bound;
  return addYears(today, bound.yearsFromToday);
}

export type DateProblem = 'invalid' | 'tooEarly' | 'tooLate';

/**
 * THE date parser: every date that enters Jobbro goes through here (by way
 * of `calendarDate` for Zod schemas). A real calendar date written
 * 'YYYY-MM-DD' (no 2023-02-30, no 0000-00-00) within `range` on `today`.
 */
export function parseCalendarDate(
  value: unknown,
  range: DateRange,
  today: string,
): { ok: true; date: string } | { ok: false; problem: DateProblem; earliest: string; latest: string } {
  const earliest = resolveDateBound(range.earliest, today);
  const latest = resolveDateBound(range.latest, today);
  if (typeof value !== 'string' || !isIsoDate(value)) return { ok: false, problem: 'invalid', earliest, latest };
  if (value < earliest) return { ok: false, problem: 'tooEarly', earliest, latest };
  if (value > latest) return { ok: false, problem: 'tooLate', earliest, latest };
  return { ok: true, date: value };
}

/**
 * A Zod schema for one date field: `parseCalendarDate` with the field's
 * range, read against `clock` at every parse. Its output is the
 * 'YYYY-MM-DD' string; a refusal is one issue on the field with the
 * matching message (a form's message key, or English).
 */
export function calendarDate(range: DateRange, options: { messages?: Partial<DateMessages>; clock?: () => Date } = {}) {
  const messages = { ...ENGLISH, ...options.messages };
  const text = (message: Message, bounds: { earliest: string; latest: string }) => (typeof message === 'string' ? message : message(bounds));
  return z.string({ error: text(messages.invalid, { earliest: '', latest: '' }) }).superRefine((value, ctx) => {
    const parsed = parseCalendarDate(value, range, todayOf(options.clock));
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: text(messages[parsed.problem], parsed), params: { problem: parsed.problem } });
  });
}

/**
 * The database's fixed bounds for every date column (migration
 * 2026-12-07T09-date-checks); each field's own range lies within them.
 */
export const STORED_DATE_RANGE = { earliest: '1900-01-01', latest: '2100-12-31' } as const;
