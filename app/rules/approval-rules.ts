/**
 * The checks a consultant's approval of a match must pass (issue 7), as one
 * pure function over plain data. The domain layer loads the data and throws
 * `RuleViolation` for the first failure; the UI shows the whole checklist.
 */
import type { ResidenceBasis, SlotType } from '../../db/schema.js';
import { addDays, addMonths } from '../lib/dates.js';
import { iguEligibility } from './igu-rules.js';
import { checkNetJobCreation, type NetJobAnswers } from './net-job-creation.js';
import { checkRatioRule } from './ratio-rule.js';
import { checkSlotTerms } from './slot-rules.js';
import type { Verdict } from './verdict.js';

export type ApprovalSlot = {
  id: string;
  type: SlotType;
  /** CVR of the employer; the IGU 3-month rule is per company. */
  cvr: string;
  startDate: string;
  weeks: number;
  hoursPerWeek: number;
  extendedByJobcentre?: boolean;
  /** Løntilskud only: the employer's net-job-creation answers; null when not (yet) answered. */
  netJobs?: NetJobAnswers | null;
};

export type ApprovalCandidate = {
  id: string;
  birthDate: string;
  arrivalDate: string;
  residenceBasis: ResidenceBasis;
  availableFrom: string;
};

export type Employment = {
  cvr: string;
  kind: 'ordinary' | 'praktik' | 'loentilskud' | 'igu';
  startDate: string;
  /** null while it lasts. */
  endDate: string | null;
};

export type PlacementPeriod = {
  slotId: string;
  type: SlotType;
  startDate: string;
  /** Last day (inclusive). */
  endDate: string;
  status: 'planned' | 'started' | 'ended_early' | 'completed';
};

export type ApprovalInput = {
  slot: ApprovalSlot;
  candidate: ApprovalCandidate;
  employments: readonly Employment[];
  placements: readonly PlacementPeriod[];
  workplace: { ordinaryEmployeesFte: number; currentSupported: number };
  organisationStatus: 'unverified' | 'verified' | 'suspended';
};

const OPEN_END = '9999-12-31';

/** Last day (inclusive) of a placement of `weeks` weeks starting on `startDate`. */
export function placementEndDate(startDate: string, weeks: number): string {
  return addDays(startDate, weeks * 7 - 1);
}

/** Do two inclusive periods share at least one day? */
export function periodsOverlap(aStart: string, aEnd: string, bStart: string, bEnd: string): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

/**
 * Runs every approval check and returns one verdict per check (passing ones
 * included). Ratio rule applies to praktik and løntilskud only; net job
 * creation to løntilskud only; the IGU checks only to IGU.
 */
export function checkApproval(input: ApprovalInput): Verdict[] {
  const { slot, candidate } = input;
  const verdicts: Verdict[] = [];
  const endDate = placementEndDate(slot.startDate, slot.weeks);

  verdicts.push(...checkSlotTerms(slot));

  verdicts.push(
    input.organisationStatus === 'verified'
      ? { rule: 'employer.verified', ok: true, message: 'the employer is verified', source: 'Jobbro', detail: { key: 'employer.verified' } }
      : {
          rule: 'employer.verified',
          ok: false,
          message: `the employer is ${input.organisationStatus}; only verified employers can take placements`,
          source: 'Jobbro',
          detail: { key: `employer.${input.organisationStatus}` },
        },
  );

  if (slot.type === 'igu') {
    const igu = iguEligibility(candidate, slot.startDate);
    verdicts.push(
      igu.eligible
        ? {
            rule: 'igu.eligibility',
            ok: true,
            message: `eligible for IGU under ${igu.ruleSet}`,
            source: igu.source,
            detail: { key: 'igu.eligible', params: { source: igu.source } },
          }
        : { rule: igu.rule, ok: false, message: igu.reason, source: igu.source, detail: igu.detail },
    );
    verdicts.push(checkNoRecentOrdinaryEmployment(slot, input.employments));
    verdicts.push(checkOneIguPerPerson(slot, input.employments, input.placements));
  } else {
    // Praktik and løntilskud are open to anyone in the programme; the
    // jobcentre's own assessment covers the rest.
    verdicts.push({
      rule: `${slot.type}.eligibility`,
      ok: true,
      message: 'no residence or age rule for this scheme',
      source: 'integrationsloven og LAB',
      detail: { key: 'scheme.no_eligibility_rule' },
    });
    verdicts.push(checkRatioRule(input.workplace.ordinaryEmployeesFte, input.workplace.currentSupported));
    if (slot.type === 'loentilskud') verdicts.push(...checkNetJobCreation(slot.netJobs ?? null, slot.startDate));
  }

  const available = candidate.availableFrom <= slot.startDate;
  verdicts.push({
    rule: 'candidate.available',
    ok: available,
    message: available ? 'the candidate is available on the start date' : `the candidate is available from ${candidate.availableFrom}`,
    source: 'Jobbro',
    detail: available
      ? { key: 'candidate.available', params: { date: slot.startDate } }
      : { key: 'candidate.available_later', params: { date: candidate.availableFrom, start: slot.startDate } },
  });

  const clash = input.placements.find(
    (p) => p.slotId !== slot.id && p.status !== 'ended_early' && periodsOverlap(slot.startDate, endDate, p.startDate, p.endDate),
  );
  verdicts.push(
    clash
      ? {
          rule: 'placement.overlap',
          ok: false,
          message: `overlaps another ${clash.type} placement (${clash.startDate} to ${clash.endDate})`,
          source: 'Jobbro',
          detail: { key: `placement.overlap_${clash.type}`, params: { from: clash.startDate, to: clash.endDate } },
        }
      : { rule: 'placement.overlap', ok: true, message: 'no overlapping placement', source: 'Jobbro', detail: { key: 'placement.no_overlap' } },
  );
  return verdicts;
}

/**
 * IGU: no ordinary employment at the same company (CVR) in the 3 months
 * before the start date. The window is [start − 3 months, start − 1 day];
 * an employment that ended the day before the window opens is fine.
 */
export function checkNoRecentOrdinaryEmployment(slot: ApprovalSlot, employments: readonly Employment[]): Verdict {
  const windowStart = addMonths(slot.startDate, -3);
  const windowEnd = addDays(slot.startDate, -1);
  const recent = employments.find(
    (e) => e.kind === 'ordinary' && e.cvr === slot.cvr && periodsOverlap(windowStart, windowEnd, e.startDate, e.endDate ?? OPEN_END),
  );
  return recent
    ? {
        rule: 'igu.no_recent_employment',
        ok: false,
        message: `ordinary employment at the same company until ${recent.endDate ?? 'now'}, within 3 months before the start`,
        source: 'lov 623/2016',
        detail: recent.endDate ? { key: 'igu.recent_employment_until', params: { date: recent.endDate } } : { key: 'igu.recent_employment_ongoing' },
      }
    : {
        rule: 'igu.no_recent_employment',
        ok: true,
        message: 'no ordinary employment at the company in the last 3 months',
        source: 'lov 623/2016',
        detail: { key: 'igu.no_recent_employment' },
      };
}

/** IGU: one per person in a lifetime, counting recorded IGU employments and other IGU placements. */
export function checkOneIguPerPerson(slot: ApprovalSlot, employments: readonly Employment[], placements: readonly PlacementPeriod[]): Verdict {
  const earlier = employments.some((e) => e.kind === 'igu') || placements.some((p) => p.type === 'igu' && p.slotId !== slot.id);
  return earlier
    ? {
        rule: 'igu.one_per_person',
        ok: false,
        message: 'the candidate already has (or had) an IGU',
        source: 'lov 623/2016',
        detail: { key: 'igu.had_one' },
      }
    : { rule: 'igu.one_per_person', ok: true, message: 'no earlier IGU', source: 'lov 623/2016', detail: { key: 'igu.none_before' } };
}
