import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, ageOn, calendarDate, daysBetween, epochDay, fromEpochDay, isIsoDate, parseCalendarDate } from './dates.js';

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

describe('calendarDate: the one date parser', () => {
  const clock = () => new Date('2026-12-07T10:00:00Z');
  const birthDate = calendarDate({ earliest: '1900-01-01', latest: 'today' }, { clock });
  const slotStart = calendarDate({ earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } }, { clock });
  const messages = (schema: typeof birthDate, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it('takes real dates within the field range', () => {
    expect(birthDate.parse('1990-02-28')).toBe('1990-02-28');
    expect(birthDate.parse('2026-12-07')).toBe('2026-12-07');
    expect(birthDate.parse('1900-01-01')).toBe('1900-01-01');
    expect(slotStart.parse('2036-12-07')).toBe('2036-12-07');
    expect(slotStart.parse('2016-12-07')).toBe('2016-12-07');
  });

  it('refuses impossible dates, other notations and other types', () => {
    for (const value of [
      '2023-02-30',
      '2023-02-29',
      '0000-00-00',
      '2026-13-01',
      '2026-00-10',
      '2026-1-1',
      '07-12-2026',
      '2026-12-07T00:00',
      ' 2026-12-07',
      '',
      20261207,
      null,
    ]) {
      expect(messages(birthDate, value), String(value)).toEqual(['must be a real calendar date written YYYY-MM-DD']);
    }
  });

  it('refuses dates outside the range with the range in the message, read on the clock', () => {
    expect(messages(birthDate, '9999-12-31')).toEqual(['must be between 1900-01-01 and 2026-12-07']);
    expect(messages(birthDate, '2026-12-08')).toEqual(['must be between 1900-01-01 and 2026-12-07']);
    expect(messages(birthDate, '1899-12-31')).toEqual(['must be between 1900-01-01 and 2026-12-07']);
    expect(messages(slotStart, '2036-12-08')).toEqual(['must be between 2016-12-07 and 2036-12-07']);
    const later = calendarDate({ earliest: '1900-01-01', latest: 'today' }, { clock: () => new Date('2027-01-01T00:00:00Z') });
    expect(later.parse('2026-12-08')).toBe('2026-12-08');
  });

  it("answers with the form's message keys when given", () => {
    const keyed = calendarDate(
      { earliest: '1900-01-01', latest: 'today' },
      { clock, messages: { invalid: 'errors.dateFormat', tooEarly: 'early', tooLate: 'late' } },
    );
    expect(messages(keyed, '2023-02-30')).toEqual(['errors.dateFormat']);
    expect(messages(keyed, '9999-12-31')).toEqual(['late']);
    expect(messages(keyed, '1000-01-01')).toEqual(['early']);
  });

  it('reports the problem without throwing', () => {
    expect(parseCalendarDate('9999-12-31', { earliest: '1900-01-01', latest: 'today' }, '2026-12-07')).toEqual({
      ok: false,
      problem: 'tooLate',
      earliest: '1900-01-01',
      latest: '2026-12-07',
    });
    expect(parseCalendarDate('2024-02-29', { earliest: '1900-01-01', latest: 'today' }, '2026-12-07')).toEqual({ ok: true, date: '2024-02-29' });
  });
});
