import { describe, expect, it } from 'vitest';
import { checkSlotTerms } from './slot-rules.js';
import { failures } from './verdict.js';

describe('checkSlotTerms', () => {
  it('praktik: 13 weeks, 26 with an extension', () => {
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 13, hoursPerWeek: 20 }))).toEqual([]);
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 14, hoursPerWeek: 20 }))[0]?.rule).toBe('praktik.max_duration');
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 26, hoursPerWeek: 20, extendedByJobcentre: true }))).toEqual([]);
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 27, hoursPerWeek: 20, extendedByJobcentre: true }))).toHaveLength(1);
  });

  it('løntilskud: at most 52 weeks', () => {
    expect(failures(checkSlotTerms({ type: 'loentilskud', weeks: 52, hoursPerWeek: 37 }))).toEqual([]);
    expect(failures(checkSlotTerms({ type: 'loentilskud', weeks: 53, hoursPerWeek: 37 }))[0]?.rule).toBe('loentilskud.max_duration');
  });

  it('IGU: exactly 104 weeks and at least 25 hours', () => {
    expect(failures(checkSlotTerms({ type: 'igu', weeks: 104, hoursPerWeek: 25 }))).toEqual([]);
    expect(failures(checkSlotTerms({ type: 'igu', weeks: 103, hoursPerWeek: 25 })).map((v) => v.rule)).toEqual(['igu.duration']);
    expect(failures(checkSlotTerms({ type: 'igu', weeks: 104, hoursPerWeek: 24.5 })).map((v) => v.rule)).toEqual(['igu.min_hours']);
  });

  it('refuses nonsense terms', () => {
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 0, hoursPerWeek: 20 })).map((v) => v.rule)).toContain('slot.terms_valid');
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 2.5, hoursPerWeek: 20 })).map((v) => v.rule)).toContain('slot.terms_valid');
    expect(failures(checkSlotTerms({ type: 'praktik', weeks: 4, hoursPerWeek: -1 })).map((v) => v.rule)).toContain('slot.terms_valid');
  });

  it('names a source on every verdict', () => {
    for (const v of checkSlotTerms({ type: 'igu', weeks: 104, hoursPerWeek: 30 })) expect(v.source).not.toBe('');
  });
});
