import { describe, expect, it } from 'vitest';
import { checkRatioRule, ratioRuleCapacity } from './ratio-rule.js';

describe('ratioRuleCapacity', () => {
  it.each([
    [0, 1],
    [4.5, 1],
    [5, 1],
    [6, 1],
    [9.9, 1],
    [10, 2],
    [49, 9],
    [50, 10],
    [51, 10],
    [59.9, 10],
    [60, 11],
    [100, 15],
  ])('%s FTE allows %s', (fte, capacity) => {
    expect(ratioRuleCapacity(fte)).toBe(capacity);
  });

  it('refuses negative or non-numeric FTE', () => {
    expect(() => ratioRuleCapacity(-1)).toThrow(RangeError);
    expect(() => ratioRuleCapacity(Number.NaN)).toThrow(RangeError);
  });

  it('checks one more against the current count', () => {
    expect(checkRatioRule(6, 0).ok).toBe(true);
    expect(checkRatioRule(6, 1)).toMatchObject({ ok: false, rule: 'ratio_rule' });
    expect(checkRatioRule(60, 10).ok).toBe(true);
    expect(checkRatioRule(51, 10).ok).toBe(false);
  });
});
