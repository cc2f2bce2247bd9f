/**
 * IGU (integrationsgrunduddannelse) eligibility, evaluated against the rule
 * set in force on the placement's start date (docs/domain.md, "Schemes → IGU").
 *
 * Each bound lives in exactly one place, `IGU_RULE_SETS`, with its source.
 * Decisions (see docs/decisions/0002-matcher-scoring.md):
 * - Ages are "at start": the person must have turned `minAge` and must not yet
 *   have turned `maxAgeExclusive` on the start date ("18, not yet 50").
 * - "under N years" in Denmark: start date < arrival + N years; L 82's
 *   "up to 20 years" is inclusive: start date ≤ arrival + 20 years.
 * - People under the Ukrainian special law (særloven) are eligible from the
 *   2024 rule set (L 82) on. The table in docs/domain.md has no earlier row naming
 *   them, and every placement made in Jobbro starts after 2024-01-01, so the
 *   conservative reading costs nothing in practice.
 * - No rule set runs after the scheme's end (31 Dec 2027, L 82): a later
 *   start date is refused with rule `igu.scheme_ended`.
 */
import type { ResidenceBasis } from '../../db/schema.js';
import { addDays, addYears, epochDay, fromEpochDay } from '../lib/dates.js';
import type { RuleDetail } from './verdict.js';

export type IguRuleSet = {
  id: string;
  /** First start date the set governs (inclusive). */
  inForceFrom: string;
  source: string;
  minAge: number;
  /** The person must not yet have reached this age on the start date. */
  maxAgeExclusive: number;
  eligibleBases: readonly ResidenceBasis[];
  /** Maximum years in Denmark at start. */
  yearsInDenmark: number;
  /** 'under': strictly less than `yearsInDenmark`; 'up_to': at most. */
  yearsInDenmarkBound: 'under' | 'up_to';
  schoolWeeks: number;
};

export const IGU_RULE_SETS: readonly IguRuleSet[] = [
  {
    id: 'igu-2016',
    inForceFrom: '2016-07-01',
    source: 'lov 623/2016',
    minAge: 18,
    maxAgeExclusive: 40,
    eligibleBases: ['refugee', 'family_reunified_refugee'],
    yearsInDenmark: 5,
    yearsInDenmarkBound: 'under',
    schoolWeeks: 20,
  },
  {
    id: 'igu-2021',
    inForceFrom: '2021-05-01',
    source: 'L 202 2020-21',
    minAge: 18,
    maxAgeExclusive: 40,
    eligibleBases: ['refugee', 'family_reunified_refugee'],
    yearsInDenmark: 10,
    yearsInDenmarkBound: 'under',
    schoolWeeks: 23,
  },
  {
    id: 'igu-2024',
    inForceFrom: '2024-01-01',
    source: 'L 82 2023-24',
    minAge: 18,
    maxAgeExclusive: 50,
    eligibleBases: ['refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law'],
    yearsInDenmark: 20,
    yearsInDenmarkBound: 'up_to',
    schoolWeeks: 23,
  },
];

/** Last start date of the scheme (L 82 2023-24 extended it to 31 Dec 2027). */
export const IGU_SCHEME_LAST_START = { date: '2027-12-31', source: 'L 82 2023-24' } as const;

export type IguPerson = { birthDate: string; arrivalDate: string; residenceBasis: ResidenceBasis };

export type IguVerdict =
  { eligible: true; ruleSet: string; source: string } | { eligible: false; rule: string; reason: string; source: string; detail?: RuleDetail };

/** The rule set in force on `startDate`, or null before the scheme began. */
export function iguRuleSetOn(startDate: string): IguRuleSet | null {
  let found: IguRuleSet | null = null;
  for (const set of IGU_RULE_SETS) if (set.inForceFrom <= startDate) found = set;
  return found;
}

/** Last start date (inclusive) allowed by a set's time-in-Denmark bound. */
function lastStartForResidence(set: IguRuleSet, arrivalDate: string): string {
  const limit = addYears(arrivalDate, set.yearsInDenmark);
  return set.yearsInDenmarkBound === 'under' ? addDays(limit, -1) : limit;
}

/**
 * Is the person eligible for an IGU starting on `startDate`, under the rule
 * set in force that day? A refusal names the rule id and its legal source.
 */
export function iguEligibility(person: IguPerson, startDate: string): IguVerdict {
  const set = iguRuleSetOn(startDate);
  if (!set) {
    return {
      eligible: false,
      rule: 'igu.not_in_force',
      reason: `IGU did not exist before ${IGU_RULE_SETS[0]!.inForceFrom}`,
      source: IGU_RULE_SETS[0]!.source,
      detail: { key: 'igu.not_in_force', params: { date: IGU_RULE_SETS[0]!.inForceFrom } },
    };
  }
  if (startDate > IGU_SCHEME_LAST_START.date) {
    return {
      eligible: false,
      rule: 'igu.scheme_ended',
      reason: `IGU courses can start until ${IGU_SCHEME_LAST_START.date}`,
      source: IGU_SCHEME_LAST_START.source,
      detail: { key: 'igu.scheme_ended', params: { date: IGU_SCHEME_LAST_START.date } },
    };
  }
  if (!set.eligibleBases.includes(person.residenceBasis)) {
    return {
      eligible: false,
      rule: 'igu.residence_basis',
      reason: `residence basis '${person.residenceBasis}' is not eligible for IGU under ${set.source}`,
      source: set.source,
      detail: { key: 'igu.residence_basis', params: { source: set.source } },
    };
  }
  if (startDate < addYears(person.birthDate, set.minAge)) {
    return {
      eligible: false,
      rule: 'igu.age',
      reason: `under ${set.minAge} on the start date`,
      source: set.source,
      detail: { key: 'igu.too_young', params: { age: set.minAge } },
    };
  }
  if (startDate >= addYears(person.birthDate, set.maxAgeExclusive)) {
    return {
      eligible: false,
      rule: 'igu.age',
      reason: `${set.maxAgeExclusive} or older on the start date (must not yet be ${set.maxAgeExclusive})`,
      source: set.source,
      detail: { key: 'igu.too_old', params: { age: set.maxAgeExclusive } },
    };
  }
  if (startDate > lastStartForResidence(set, person.arrivalDate)) {
    const bound = set.yearsInDenmarkBound === 'under' ? 'under' : 'at most';
    return {
      eligible: false,
      rule: 'igu.time_in_denmark',
      reason: `in Denmark longer than allowed (${bound} ${set.yearsInDenmark} years) on the start date`,
      source: set.source,
      detail: { key: set.yearsInDenmarkBound === 'under' ? 'igu.years_under' : 'igu.years_at_most', params: { years: set.yearsInDenmark } },
    };
  }
  return { eligible: true, ruleSet: set.id, source: set.source };
}

/**
 * The contiguous range of slot start dates, from `asOf` on, for which the
 * person is IGU-eligible (both ends inclusive), or null if there is none.
 * This is what the search index stores ("IGU-eligible until …"), never the
 * birth date or residence basis behind it.
 */
export function iguEligibilityWindow(person: IguPerson, asOf: string): { from: string; until: string } | null {
  const asOfDay = epochDay(asOf);
  const schemeEnd = epochDay(IGU_SCHEME_LAST_START.date);
  // Each rule set yields at most one interval [start, end] of epoch days.
  const intervals: Array<[number, number]> = [];
  IGU_RULE_SETS.forEach((set, i) => {
    if (!set.eligibleBases.includes(person.residenceBasis)) return;
    const next = IGU_RULE_SETS[i + 1];
    const setEnd = next ? epochDay(next.inForceFrom) - 1 : schemeEnd;
    const start = Math.max(asOfDay, epochDay(set.inForceFrom), epochDay(addYears(person.birthDate, set.minAge)));
    const end = Math.min(
      setEnd,
      schemeEnd,
      epochDay(addYears(person.birthDate, set.maxAgeExclusive)) - 1,
      epochDay(lastStartForResidence(set, person.arrivalDate)),
    );
    if (start <= end) intervals.push([start, end]);
  });
  if (intervals.length === 0) return null;
  // Intervals come in rule-set order, so they are already sorted by start.
  const [from, firstUntil] = intervals[0]!;
  let until = firstUntil;
  for (const [start, end] of intervals.slice(1)) {
    if (start > until + 1) break;
    until = Math.max(until, end);
  }
  return { from: fromEpochDay(from), until: fromEpochDay(until) };
}
