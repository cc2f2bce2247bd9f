import { describe, expect, it } from 'vitest';
import { cohortScore, type SkillSectors } from './cohort-score.js';

const sectorsOf: SkillSectors = (uri) => (uri.startsWith('kitchen') ? ['kitchen'] : uri.startsWith('both') ? ['kitchen', 'cleaning'] : ['it']);
const base = { sector: 'kitchen', skills: [], danishSpoken: null, waitingSince: '2026-03-01', today: '2026-03-01' } as const;

describe('cohortScore', () => {
  it('is 0 for someone with no sector skills, no Danish, who has just arrived', () => {
    expect(cohortScore(base, sectorsOf)).toBe(0);
  });

  it('is 100 with two sector skills, A2 spoken Danish and 90 days waited', () => {
    expect(
      cohortScore({ ...base, skills: [{ uri: 'kitchen-1' }, { uri: 'both-1' }], danishSpoken: 'A2', waitingSince: '2025-12-01' }, sectorsOf),
    ).toBe(100);
  });

  it('counts only skills of the cohort’s sector: one of two is half of 40 points', () => {
    expect(cohortScore({ ...base, skills: [{ uri: 'kitchen-1' }, { uri: 'it-1' }, { uri: 'it-2' }] }, sectorsOf)).toBe(20);
    expect(cohortScore({ ...base, sector: 'cleaning', skills: [{ uri: 'kitchen-1' }] }, sectorsOf)).toBe(0);
  });

  it('gives Danish one step below A2 half, and more than A2 nothing extra', () => {
    expect(cohortScore({ ...base, danishSpoken: 'A1' }, sectorsOf)).toBe(12.5);
    expect(cohortScore({ ...base, danishSpoken: 'C1' }, sectorsOf)).toBe(25);
  });

  it('rises with days waited, as the matcher does (30 days: 0.75 of 35 points)', () => {
    expect(cohortScore({ ...base, waitingSince: '2026-01-30' }, sectorsOf)).toBe(26.3);
  });
});
