/**
 * Duration and hours rules per scheme (docs/domain.md "Schemes"), checked when a
 * slot is created and again before a consultant approves a placement.
 */
import type { SlotType } from '../../db/schema.js';
import type { Verdict } from './verdict.js';

export const SLOT_RULES = {
  praktik: {
    /** Integration-programme participants: usually up to 13 weeks… */
    maxWeeks: 13,
    /** …which the jobcentre can extend by 13 more. */
    maxWeeksExtended: 26,
    source: 'integrationsloven og LAB (virksomhedspraktik, 13 + 13 uger)',
  },
  loentilskud: { maxWeeks: 52, source: 'integrationsloven og LAB (løntilskud, op til 12 måneder)' },
  igu: { weeks: 104, minHoursPerWeek: 25, source: 'lov 623/2016' },
} as const;

export type SlotTerms = {
  type: SlotType;
  weeks: number;
  hoursPerWeek: number;
  /** A praktik the jobcentre has extended beyond 13 weeks. */
  extendedByJobcentre?: boolean;
};

/**
 * Checks a slot's duration and hours against its scheme. Returns one verdict
 * per rule that applies (passing ones too, so callers can show a checklist).
 */
export function checkSlotTerms(slot: SlotTerms): Verdict[] {
  const verdicts: Verdict[] = [];
  const basic = Number.isInteger(slot.weeks) && slot.weeks > 0 && slot.hoursPerWeek > 0 && slot.hoursPerWeek <= 48;
  verdicts.push({
    rule: 'slot.terms_valid',
    ok: basic,
    message: basic ? 'weeks and hours are valid' : 'weeks must be a whole number above 0 and hours between 0 and 48',
    source: 'Jobbro',
    detail: { key: basic ? 'slot.terms_valid' : 'slot.terms_invalid' },
  });
  if (slot.type === 'praktik') {
    const max = slot.extendedByJobcentre ? SLOT_RULES.praktik.maxWeeksExtended : SLOT_RULES.praktik.maxWeeks;
    const ok = slot.weeks <= max;
    verdicts.push({
      rule: 'praktik.max_duration',
      ok,
      message: ok
        ? `${slot.weeks} weeks is within the ${max}-week limit`
        : `${slot.weeks} weeks exceeds the ${max}-week limit${slot.extendedByJobcentre ? '' : ' (the jobcentre can extend to 26)'}`,
      source: SLOT_RULES.praktik.source,
      detail: {
        key: ok ? 'duration.within_weeks' : slot.extendedByJobcentre ? 'duration.over_weeks' : 'duration.over_weeks_extendable',
        params: { weeks: slot.weeks, max },
      },
    });
  } else if (slot.type === 'loentilskud') {
    const ok = slot.weeks <= SLOT_RULES.loentilskud.maxWeeks;
    verdicts.push({
      rule: 'loentilskud.max_duration',
      ok,
      message: ok ? `${slot.weeks} weeks is within 12 months` : `${slot.weeks} weeks exceeds 12 months (52 weeks)`,
      source: SLOT_RULES.loentilskud.source,
      detail: { key: ok ? 'duration.within_weeks' : 'duration.over_weeks', params: { weeks: slot.weeks, max: SLOT_RULES.loentilskud.maxWeeks } },
    });
  } else {
    const weeksOk = slot.weeks === SLOT_RULES.igu.weeks;
    verdicts.push({
      rule: 'igu.duration',
      ok: weeksOk,
      message: weeksOk ? 'IGU runs two years (104 weeks)' : `an IGU runs exactly two years (104 weeks), not ${slot.weeks}`,
      source: SLOT_RULES.igu.source,
      detail: { key: weeksOk ? 'igu.two_years' : 'igu.not_two_years', params: { weeks: slot.weeks } },
    });
    const hoursOk = slot.hoursPerWeek >= SLOT_RULES.igu.minHoursPerWeek;
    verdicts.push({
      rule: 'igu.min_hours',
      ok: hoursOk,
      message: hoursOk
        ? `${slot.hoursPerWeek} hours a week meets the 25-hour minimum`
        : `an IGU needs at least 25 hours a week at the workplace, not ${slot.hoursPerWeek}`,
      source: SLOT_RULES.igu.source,
      detail: {
        key: hoursOk ? 'igu.hours_met' : 'igu.hours_short',
        params: { hours: slot.hoursPerWeek, min: SLOT_RULES.igu.minHoursPerWeek },
      },
    });
  }
  return verdicts;
}
