import { describe, expect, it } from 'vitest';
import { buildCandidate, buildSlot, danishLevelFor, slotTerms, stableUuid } from './factories.js';
import { createRng } from './random.js';

describe('factories', () => {
  it('derives stable, distinct UUIDs from their parts', () => {
    expect(stableUuid(1, 'candidate', 7)).toBe(stableUuid(1, 'candidate', 7));
    expect(stableUuid(1, 'candidate', 7)).not.toBe(stableUuid(1, 'candidate', 8));
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps slot terms within each scheme', () => {
    const rng = createRng(5);
    for (let i = 0; i < 200; i++) {
      const igu = slotTerms(rng, 'igu');
      expect(igu.weeks).toBe(104);
      expect(igu.hours_per_week).toBeGreaterThanOrEqual(25);
      expect(slotTerms(rng, 'praktik').weeks).toBeLessThanOrEqual(13);
      expect(slotTerms(rng, 'loentilskud').weeks).toBeLessThanOrEqual(52);
    }
    const slot = buildSlot(rng, { organisation_id: 'o', workplace_id: 'w', type: 'igu' }, { today: '2026-11-24' });
    expect(slot.start_date > '2026-11-24').toBe(true);
  });

  it('maps Danish modules to CEFR', () => {
    expect(danishLevelFor('DU2', 3)).toEqual({ spoken: 'A2', written: 'A2' });
    expect(danishLevelFor('DU3', 6)).toEqual({ spoken: 'C1', written: 'C1' });
    expect(danishLevelFor('DU1', 1)).toEqual({ spoken: 'A1', written: 'A1' });
  });

  it('builds candidates who arrived after birth and are adults', () => {
    const rng = createRng(9);
    for (let i = 0; i < 300; i++) {
      const c = buildCandidate(rng, { jobcentre_id: 'j' }, { today: '2026-11-24' });
      expect(c.arrival_date > c.birth_date).toBe(true);
      expect(c.birth_date <= '2008-11-24').toBe(true);
      expect(c.full_name.length).toBeGreaterThan(3);
    }
  });
});
