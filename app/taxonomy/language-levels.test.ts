import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../lib/errors.js';
import { cefrFromRank, cefrRank, danishLevelToCefr, languageLevelSchema, meetsCefr, parseCefr } from './language-levels.js';

describe('CEFR helpers', () => {
  it('ranks A1..C2 as 1..6', () => {
    expect(['A1', 'A2', 'B1', 'B2', 'C1', 'C2'].map((l) => cefrRank(parseCefr(l)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cefrFromRank(4)).toBe('B2');
    expect(meetsCefr('B2', 'B1')).toBe(true);
    expect(meetsCefr('A2', 'B1')).toBe(false);
  });

  it('parses loosely written levels', () => {
    expect(parseCefr(' b1 ')).toBe('B1');
  });

  it.each(['A0', 'C3', 'D1', '', 'B'])('rejects %j with a clear error', (input) => {
    expect(() => parseCefr(input)).toThrow(InvalidInput);
    expect(() => parseCefr(input)).toThrow(/below A1 or above C2/);
  });

  it('rejects ranks outside 1–6', () => {
    expect(() => cefrFromRank(0)).toThrow(InvalidInput);
    expect(() => cefrFromRank(7)).toThrow(/between A1 and C2/);
  });
});

describe('danishLevelToCefr', () => {
  it('maps each final test exactly as docs/domain.md', () => {
    expect(danishLevelToCefr({ programme: 'DU1', test: 'PD1' })).toEqual({ written: 'A2', spoken: 'B1' });
    expect(danishLevelToCefr({ programme: 'DU2', test: 'PD2' })).toEqual({ written: 'B1', spoken: 'B1' });
    expect(danishLevelToCefr({ programme: 'DU3', test: 'PD3' })).toEqual({ written: 'B2', spoken: 'B2' });
    expect(danishLevelToCefr({ programme: 'DU3', test: 'STUDIEPROEVEN' })).toEqual({ written: 'C1', spoken: 'C1' });
  });

  it('ramps modules linearly from A1 toward the final test, never above it', () => {
    const du1 = [1, 2, 3, 4, 5, 6].map((module) => danishLevelToCefr({ programme: 'DU1', module }));
    expect(du1.map((l) => l.spoken)).toEqual(['A1', 'A1', 'A2', 'A2', 'A2', 'B1']);
    expect(du1.map((l) => l.written)).toEqual(['A1', 'A1', 'A1', 'A1', 'A1', 'A2']);
    const du2 = [1, 2, 3, 4, 5, 6].map((module) => danishLevelToCefr({ programme: 'DU2', module }).written);
    expect(du2).toEqual(['A1', 'A1', 'A2', 'A2', 'A2', 'B1']);
    const du3 = [1, 2, 3, 4, 5, 6].map((module) => danishLevelToCefr({ programme: 'DU3', module }).spoken);
    expect(du3).toEqual(['A1', 'A2', 'A2', 'B1', 'B2', 'C1']);
  });

  it('treats enrolment without a module as A1', () => {
    expect(danishLevelToCefr({ programme: 'DU2' })).toEqual({ spoken: 'A1', written: 'A1' });
  });

  it.each([
    { programme: 'DU1', module: 0 },
    { programme: 'DU1', module: 7 },
    { programme: 'DU2', module: -1 },
    { programme: 'DU3', module: 7 },
    { programme: 'DU2', module: 2.5 },
  ] as const)('rejects module $module in $programme', (input) => {
    expect(() => danishLevelToCefr(input)).toThrow(InvalidInput);
    expect(() => danishLevelToCefr(input)).toThrow(new RegExp(`outside ${input.programme}`));
  });

  it('rejects a test from another programme', () => {
    expect(() => danishLevelToCefr({ programme: 'DU1', test: 'PD3' })).toThrow(/PD3 is not a final test of DU1/);
    expect(() => danishLevelToCefr({ programme: 'DU2', test: 'STUDIEPROEVEN' })).toThrow(InvalidInput);
  });
});

describe('languageLevelSchema', () => {
  it('accepts an entry with evidence and defaults it to self-reported', () => {
    expect(languageLevelSchema.parse({ code: 'ckb', spoken: 'C2', written: null })).toEqual({
      code: 'ckb',
      spoken: 'C2',
      written: null,
      isMotherTongue: false,
      evidence: 'self_reported',
    });
  });

  it('rejects unknown evidence and levels outside A1–C2', () => {
    expect(languageLevelSchema.safeParse({ code: 'da', spoken: 'B1', written: 'B1', evidence: 'hearsay' }).success).toBe(false);
    expect(languageLevelSchema.safeParse({ code: 'da', spoken: 'C3', written: null }).success).toBe(false);
  });
});
