import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatDay, formatMoment, formatMomentDay, formatNumber } from './formats.js';
import { resources } from './resources.js';

describe('numbers and dates by language', () => {
  it('writes decimals with the language’s separator', () => {
    expect(formatNumber('da', 9.6)).toBe('9,6');
    expect(formatNumber('uk', 9.6)).toBe('9,6');
    expect(formatNumber('en', 9.6)).toBe('9.6');
    expect(formatNumber('ar', 9.6)).toMatch(/^9[.٫]6$/);
  });

  it('keeps Western digits in Arabic, in numbers and dates alike', () => {
    expect(formatNumber('ar', 104)).toBe('104');
    expect(formatDay('ar', '2027-03-08')).toMatch(/2027/);
    expect(formatDay('ar', '2027-03-08')).not.toMatch(/[٠-٩]/);
  });

  it('shows moments in Danish time', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Copenhagen.
    expect(formatMoment('da', '2026-12-31T23:30:00Z')).toMatch(/1\. jan\. 2027.*00[.:]30/);
  });

  it('gives a moment’s Danish day, not the server’s (an expiry at 23:30 UTC is the next day in Denmark)', () => {
    expect(formatMomentDay('da', '2026-12-31T23:30:00Z')).toBe('1. jan. 2027');
    expect(formatMomentDay('en', new Date('2026-06-30T22:30:00Z'), 'long')).toBe('1 July 2026');
    expect(formatMomentDay('ar', '2026-12-31T23:30:00Z')).not.toMatch(/[٠-٩]/);
  });
});

describe('counts through i18next plural forms', () => {
  const t = (lng: string) => {
    const instance = i18next.createInstance();
    void instance.init({ lng, resources, ns: ['lookup'], defaultNS: 'lookup', interpolation: { escapeValue: false }, initImmediate: false });
    return instance.t;
  };
  const weeks = (lng: string, count: number) => t(lng)('counts.weeks', { count, n: formatNumber(lng, count) });
  const hours = (lng: string, count: number) => t(lng)('counts.hoursPerWeek', { count, n: formatNumber(lng, count) });

  it('Arabic: all six forms', () => {
    expect(weeks('ar', 1)).toBe('أسبوع واحد');
    expect(weeks('ar', 2)).toBe('أسبوعان');
    expect(weeks('ar', 8)).toBe('8 أسابيع');
    expect(weeks('ar', 11)).toBe('11 أسبوعًا');
    expect(weeks('ar', 104)).toBe('104 أسابيع');
    expect(weeks('ar', 100)).toBe('100 أسبوع');
  });

  it('Ukrainian: one, few, many', () => {
    expect(weeks('uk', 1)).toBe('1 тиждень');
    expect(weeks('uk', 104)).toBe('104 тижні');
    expect(weeks('uk', 26)).toBe('26 тижнів');
    expect(hours('uk', 37)).toBe('37 годин на тиждень');
    expect(hours('uk', 22)).toBe('22 години на тиждень');
  });

  it('Danish and English: one and other', () => {
    expect(weeks('da', 1)).toBe('1 uge');
    expect(weeks('da', 8)).toBe('8 uger');
    expect(hours('en', 1)).toBe('1 hour a week');
    expect(t('da')('counts.people', { count: 1, n: '1' })).toBe('1 person');
    expect(t('da')('counts.people', { count: 3, n: '3' })).toBe('3 personer');
  });
});
