/**
 * Day and year offsets for generated dates. The product's date module
 * (app/lib/dates.ts) is the app's, and db/ does not import the app; a seed
 * only ever moves a valid 'YYYY-MM-DD' by whole days or years, which the
 * platform's UTC calendar does exactly.
 */

function utc(date: string): Date {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new Error(`Not a date: ${date}`);
  return parsed;
}

export function addDays(date: string, days: number): string {
  const shifted = utc(date);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}

/** A 29 February lands on 28 February in a common year, as in app/lib/dates.ts. */
export function addYears(date: string, years: number): string {
  const from = utc(date);
  const year = from.getUTCFullYear() + years;
  const month = from.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** Calendar months, the day kept or moved back to the month's last day (31 January + 1 month = 28 or 29 February), as in app/lib/dates.ts. */
export function addMonths(date: string, months: number): string {
  const from = utc(date);
  const index = from.getUTCFullYear() * 12 + from.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(from.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}
