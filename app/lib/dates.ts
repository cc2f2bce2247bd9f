/**
 * Calendar dates as 'YYYY-MM-DD' strings. All arithmetic goes through UTC so
 * that the local time zone and daylight-saving changes never shift a day.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

type Ymd = { year: number; month: number; day: number };

function parse(date: string): Ymd {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a calendar date: ${date}`);
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
