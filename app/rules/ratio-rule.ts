/**
 * Rimelighedskrav (ratio rule) for praktik and løntilskud at one workplace
 * (P-number): at most 1 supported person per 5 ordinary employees up to 50,
 * always at least 1, plus 1 per 10 ordinary employees above 50. Ordinary
 * employees are counted as full-time equivalents.
 */
import type { Verdict } from './verdict.js';

/** Cited by name: the section number has moved between versions of the act. */
export const RATIO_RULE_SOURCE = 'LAB (lov om en aktiv beskæftigelsesindsats), rimelighedskrav';

/**
 * How many supported persons (praktik + løntilskud) a workplace may have at
 * the same time: 5 FTE → 1, 6 → 1, 10 → 2, 50 → 10, 51 → 10, 60 → 11.
 * Part-FTE is rounded down: only completed groups of 5 (or 10) count.
 */
export function ratioRuleCapacity(ordinaryEmployeesFte: number): number {
  if (!Number.isFinite(ordinaryEmployeesFte) || ordinaryEmployeesFte < 0) {
    throw new RangeError(`ordinary employees (FTE) must be a number ≥ 0, got ${ordinaryEmployeesFte}`);
  }
  const upTo50 = Math.floor(Math.min(ordinaryEmployeesFte, 50) / 5);
  const above50 = Math.floor(Math.max(ordinaryEmployeesFte - 50, 0) / 10);
  return Math.max(1, upTo50 + above50);
}

/** May the workplace take one more supported person, given how many it has now? */
export function checkRatioRule(ordinaryEmployeesFte: number, currentSupported: number): Verdict {
  const capacity = ratioRuleCapacity(ordinaryEmployeesFte);
  const ok = currentSupported + 1 <= capacity;
  return {
    rule: 'ratio_rule',
    ok,
    message: ok
      ? `${currentSupported + 1} of ${capacity} supported places at ${ordinaryEmployeesFte} FTE`
      : `the workplace already has ${currentSupported} supported persons; ${ordinaryEmployeesFte} FTE allows ${capacity}`,
    source: RATIO_RULE_SOURCE,
    detail: {
      key: ok ? 'ratio.room' : 'ratio.full',
      params: { next: currentSupported + 1, current: currentSupported, capacity, fte: ordinaryEmployeesFte },
    },
  };
}
