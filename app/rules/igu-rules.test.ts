import { describe, expect, it } from 'vitest';
import { iguEligibility, iguEligibilityWindow, iguRuleSetOn } from './igu-rules.js';

const refugee = { birthDate: '1990-01-01', arrivalDate: '2020-01-01', residenceBasis: 'refugee' as const };

describe('iguRuleSetOn', () => {
  it('picks the set in force on the start date', () => {
    expect(iguRuleSetOn('2016-06-30')).toBeNull();
    expect(iguRuleSetOn('2016-07-01')?.id).toBe('igu-2016');
    expect(iguRuleSetOn('2021-04-30')?.id).toBe('igu-2016');
    expect(iguRuleSetOn('2021-05-01')?.id).toBe('igu-2021');
    expect(iguRuleSetOn('2023-12-31')?.id).toBe('igu-2021');
    expect(iguRuleSetOn('2024-01-01')?.id).toBe('igu-2024');
  });
});

describe('iguEligibility', () => {
  it('accepts a refugee and names the rule set and source', () => {
    expect(iguEligibility(refugee, '2025-03-01')).toEqual({ eligible: true, ruleSet: 'igu-2024', source: 'L 82 2023-24' });
  });

  it('2024 rules: 49 is eligible, 50 on the start date is not', () => {
    const p = { ...refugee, birthDate: '1976-03-01' };
    expect(iguEligibility(p, '2026-02-28').eligible).toBe(true);
    expect(iguEligibility(p, '2026-03-01')).toMatchObject({ eligible: false, rule: 'igu.age', source: 'L 82 2023-24' });
  });

  it('2021 rules: 39 is eligible, 40 on the start date is not', () => {
    const p = { ...refugee, birthDate: '1983-06-15', arrivalDate: '2018-01-01' };
    expect(iguEligibility(p, '2023-06-14').eligible).toBe(true);
    expect(iguEligibility(p, '2023-06-15')).toMatchObject({ eligible: false, rule: 'igu.age', source: 'L 202 2020-21' });
    // The same person a year later is fine again under L 82 (not yet 50).
    expect(iguEligibility(p, '2024-06-15').eligible).toBe(true);
  });

  it('refuses someone under 18 on the start date', () => {
    const p = { ...refugee, birthDate: '2008-05-10' };
    expect(iguEligibility(p, '2026-05-09')).toMatchObject({ eligible: false, rule: 'igu.age' });
    expect(iguEligibility(p, '2026-05-10').eligible).toBe(true);
  });

  it('time in Denmark: under 5 years (2016), under 10 (2021), up to 20 inclusive (2024)', () => {
    const p2016 = { ...refugee, arrivalDate: '2014-09-01' };
    expect(iguEligibility(p2016, '2019-08-31').eligible).toBe(true);
    expect(iguEligibility(p2016, '2019-09-01')).toMatchObject({ rule: 'igu.time_in_denmark', source: 'lov 623/2016' });

    const p2021 = { ...refugee, arrivalDate: '2012-09-01' };
    expect(iguEligibility(p2021, '2022-08-31').eligible).toBe(true);
    expect(iguEligibility(p2021, '2022-09-01')).toMatchObject({ rule: 'igu.time_in_denmark', source: 'L 202 2020-21' });

    const p2024 = { ...refugee, arrivalDate: '2006-04-01' };
    expect(iguEligibility(p2024, '2026-04-01').eligible).toBe(true);
    expect(iguEligibility(p2024, '2026-04-02')).toMatchObject({ rule: 'igu.time_in_denmark', source: 'L 82 2023-24' });
  });

  it('residence basis: family reunified to others only from 2024; "other" never', () => {
    const p = { ...refugee, residenceBasis: 'family_reunified_other' as const };
    expect(iguEligibility(p, '2023-12-31')).toMatchObject({ eligible: false, rule: 'igu.residence_basis' });
    expect(iguEligibility(p, '2024-01-01').eligible).toBe(true);
    expect(iguEligibility({ ...refugee, residenceBasis: 'other' }, '2025-01-01')).toMatchObject({ rule: 'igu.residence_basis' });
    expect(iguEligibility({ ...refugee, residenceBasis: 'ukraine_special_law' }, '2025-01-01').eligible).toBe(true);
    expect(iguEligibility({ ...refugee, residenceBasis: 'ukraine_special_law' }, '2023-06-01').eligible).toBe(false);
  });

  it('refuses start dates before the scheme and after its end', () => {
    expect(iguEligibility(refugee, '2016-06-30')).toMatchObject({ rule: 'igu.not_in_force' });
    expect(iguEligibility(refugee, '2027-12-31').eligible).toBe(true);
    expect(iguEligibility(refugee, '2028-01-01')).toMatchObject({ rule: 'igu.scheme_ended', source: 'L 82 2023-24' });
  });

  it('throws on a malformed date rather than guessing', () => {
    expect(() => iguEligibility({ ...refugee, birthDate: '01-01-1990' }, '2025-01-01')).toThrow(RangeError);
  });
});

describe('iguEligibilityWindow', () => {
  it('runs to the scheme end for a young recent arrival', () => {
    expect(iguEligibilityWindow(refugee, '2026-01-15')).toEqual({ from: '2026-01-15', until: '2027-12-31' });
  });

  it('ends the day before the 50th birthday', () => {
    const p = { ...refugee, birthDate: '1976-09-10' };
    expect(iguEligibilityWindow(p, '2026-01-01')).toEqual({ from: '2026-01-01', until: '2026-09-09' });
  });

  it('starts on the 18th birthday', () => {
    const p = { ...refugee, birthDate: '2008-10-02' };
    expect(iguEligibilityWindow(p, '2026-01-01')).toEqual({ from: '2026-10-02', until: '2027-12-31' });
  });

  it('ends at 20 years in Denmark', () => {
    const p = { ...refugee, arrivalDate: '2006-04-01' };
    expect(iguEligibilityWindow(p, '2026-01-01')).toEqual({ from: '2026-01-01', until: '2026-04-01' });
  });

  it('joins rule sets: eligible in late 2023 under L 202 and on under L 82', () => {
    const p = { ...refugee, birthDate: '1990-01-01', arrivalDate: '2016-01-01' };
    expect(iguEligibilityWindow(p, '2023-11-01')).toEqual({ from: '2023-11-01', until: '2027-12-31' });
  });

  it('bridges a gap only when contiguous: a 40-year-old in 2023 becomes eligible in 2024', () => {
    const p = { ...refugee, birthDate: '1983-01-01', arrivalDate: '2018-01-01' };
    expect(iguEligibilityWindow(p, '2023-06-01')).toEqual({ from: '2024-01-01', until: '2027-12-31' });
  });

  it('is null when never eligible', () => {
    expect(iguEligibilityWindow({ ...refugee, residenceBasis: 'other' }, '2026-01-01')).toBeNull();
    expect(iguEligibilityWindow({ ...refugee, birthDate: '1970-01-01' }, '2026-01-01')).toBeNull();
    expect(iguEligibilityWindow(refugee, '2028-01-01')).toBeNull();
  });
});
