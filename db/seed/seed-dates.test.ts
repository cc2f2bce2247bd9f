import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears } from './seed-dates.js';

describe('seed dates', () => {
  it('moves by days across months, years and leap days', () => {
    expect(addDays('2026-11-24', 7)).toBe('2026-12-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -365)).toBe('2025-01-01');
  });

  it('moves by years, a 29 February landing on 28 February in a common year', () => {
    expect(addYears('2026-11-24', -31)).toBe('1995-11-24');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it("moves by months as the app does, the day moved back to the month's end", () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 14)).toBe('2027-02-15');
    expect(addMonths('2026-08-31', -30)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow('Not a date: 2026-02-30');
  });
});
