import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, ageOn, daysBetween, epochDay, fromEpochDay, isIsoDate } from './dates.js';

describe('dates', () => {
  it('counts epoch days in UTC', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('1970-01-02')).toBe(1);
    expect(epochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(epochDay('2024-02-29'))).toBe('2024-02-29');
    // Across the Danish daylight-saving change nothing slips.
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
  });

  it('adds days, months and years, clamping to the month end', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2024-05-31', -3)).toBe('2024-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addYears('2000-02-29', 18)).toBe('2018-02-28');
    expect(addYears('2000-02-29', 4)).toBe('2004-02-29');
  });

  it('computes completed years of age', () => {
    expect(ageOn('1980-06-15', '2020-06-14')).toBe(39);
    expect(ageOn('1980-06-15', '2020-06-15')).toBe(40);
  });

  it('refuses malformed and impossible dates', () => {
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(() => epochDay('2023-13-01')).toThrow(RangeError);
    expect(() => addDays('yesterday', 1)).toThrow(RangeError);
  });
});
