import { describe, expect, it } from 'vitest';
import { compareRequirements, type RequirementsInput } from './requirements.js';

const base: RequirementsInput = {
  requiredSkills: ['s1', 's2'],
  candidateSkills: ['s2', 's3'],
  danishNeeded: { spoken: 'B1', written: null, withinMonths: null },
  danishHeld: { spoken: 'B1', written: 'A2' },
  distanceKm: 12.4,
  maxTravelKm: 20,
  startDate: '2026-04-01',
  availableFrom: '2026-03-01',
};

describe('compareRequirements', () => {
  it('marks each must-have skill held or not', () => {
    expect(compareRequirements(base).skills).toEqual([
      { uri: 's1', held: false },
      { uri: 's2', held: true },
    ]);
  });
  it('compares Danish level by level; one step below is close only when the slot accepts it within months', () => {
    expect(compareRequirements(base).danish).toEqual({ needed: 'B1/–', held: 'B1/A2', check: 'met' });
    const below = { ...base, danishHeld: { spoken: 'A2' as const, written: null } };
    expect(compareRequirements(below).danish.check).toBe('unmet');
    expect(compareRequirements({ ...below, danishNeeded: { spoken: 'B1', written: null, withinMonths: 6 } }).danish.check).toBe('close');
    expect(
      compareRequirements({ ...base, danishHeld: { spoken: 'A1', written: null }, danishNeeded: { spoken: 'B1', written: null, withinMonths: 6 } })
        .danish.check,
    ).toBe('unmet');
  });
  it('compares distance with the limit, and start with availability', () => {
    expect(compareRequirements(base).distance).toEqual({ km: 12, limit: 20, check: 'met' });
    expect(compareRequirements({ ...base, distanceKm: 25 }).distance.check).toBe('unmet');
    expect(compareRequirements({ ...base, availableFrom: '2026-04-02' }).start.check).toBe('unmet');
    expect(compareRequirements({ ...base, availableFrom: '2026-04-01' }).start.check).toBe('met');
  });
});
