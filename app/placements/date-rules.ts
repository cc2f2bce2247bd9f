/**
 * The date rules a placement's record must keep (issue 24, item 5), so that a
 * two-year IGU with both bonus payments can no longer be recorded on one day
 * and the figures count only placements that could have happened.
 *
 * Each rule is a plain function returning a `Verdict` (rule id, ok, English
 * message for logs, legal source); the placement domain throws the first
 * failure as a `RuleViolation`, and migration 2026-12-07T12-placement-dates
 * enforces the same rules in the database as a backstop. The Danish text of
 * each rule, shown to consultants, is in app/i18n/locales/da/workbench.json
 * under `rule.<id>`.
 *
 * The rules and where they come from (copied from the domain notes):
 * - Virksomhedspraktik needs the jobcentre's approval BEFORE the start date,
 *   and the same holds for løntilskud and IGU, whose agreement the jobcentre
 *   registers before the start (lov om en aktiv beskæftigelsesindsats;
 *   integrationsloven; lov 623/2016 om integrationsgrunduddannelse).
 *   Jobbro's approval is the consultant's approval of the match, so a
 *   placement may not be planned or started before the day of that approval
 *   (Danish calendar day).
 * - A placement completes after it started, and ends early no earlier than
 *   the day it started; an outcome (ordinary job, education, back to the
 *   programme) is recorded on or after the day it ended (Jobbro: the order
 *   of facts the figures count).
 * - Nothing is recorded as having happened in the future (Jobbro).
 * - IGU employer bonus, private employers only: 20,000 kr after 6 months and
 *   20,000 kr at completion of the two years (lov 623/2016 with the 2016
 *   tripartite agreement; docs/domain.md "Employer bonus"). The milestone counts
 *   from the ACTUAL start (`started_on`), not the planned one; the 6-month
 *   bonus needs the IGU to have lasted 6 months, the completion bonus a
 *   completed IGU of 24 months.
 * - Virksomhedspraktik for integration-programme participants: up to 13
 *   weeks, which the jobcentre can extend by 13 more, 26 in all
 *   (integrationsloven and LAB). An end beyond 13 weeks needs a recorded
 *   extension.
 * - Løntilskud under the integration act: up to 12 months (integrationsloven
 *   and LAB). IGU: two years (lov 623/2016). Moving an end later is an
 *   extension and is recorded with who, when and why.
 */
import type { MilestoneKind, SlotType } from '../../db/schema.js';
import { addDays, addMonths } from '../lib/dates.js';
import { SLOT_RULES } from '../rules/slot-rules.js';
import type { RuleDetail, Verdict } from '../rules/verdict.js';

export const PLACEMENT_DATE_SOURCES = {
  approval: 'LAB (virksomhedspraktik, løntilskud), integrationsloven, lov 623/2016 (IGU): jobcentret godkender før start',
  order: 'Jobbro: forløbets rækkefølge (start, slut, udfald)',
  iguBonus: 'lov 623/2016 og trepartsaftalen 2016: bonus 20.000 kr efter 6 måneder og 20.000 kr ved gennemført IGU (private virksomheder)',
  praktik: SLOT_RULES.praktik.source,
  loentilskud: SLOT_RULES.loentilskud.source,
  igu: SLOT_RULES.igu.source,
} as const;

/** Months after the actual start from which each IGU bonus may be recorded. */
export const IGU_BONUS_MONTHS = { bonus_6m: 6, bonus_24m: 24 } as const;

/** Calendar months an IGU and a løntilskud may last at most. */
export const MAX_MONTHS = { igu: 24, loentilskud: 12 } as const;

const pass = (rule: string, message: string, source: string, detail?: RuleDetail): Verdict => ({ rule, ok: true, message, source, detail });
const fail = (rule: string, message: string, source: string, detail?: RuleDetail): Verdict => ({ rule, ok: false, message, source, detail });
const NOT_STARTED: RuleDetail = { key: 'dates.not_started' };

/** A placement (planned or actual start) cannot begin before the jobcentre approved it. */
export function checkStartAfterApproval(input: { approvedOn: string; startOn: string }): Verdict {
  return input.startOn >= input.approvedOn
    ? pass(
        'placement.start_after_approval',
        `starts ${input.startOn}, on or after the approval on ${input.approvedOn}`,
        PLACEMENT_DATE_SOURCES.approval,
      )
    : fail('placement.start_after_approval', `starts ${input.startOn}, before the approval on ${input.approvedOn}`, PLACEMENT_DATE_SOURCES.approval, {
        key: 'dates.start_before_approval',
        params: { date: input.startOn, approved: input.approvedOn },
      });
}

/** A completed placement ends after the day it started (a one-day "two-year IGU" is a recording error). */
export function checkCompletionAfterStart(input: { startedOn: string | null; completedOn: string }): Verdict {
  if (input.startedOn === null)
    return fail('placement.completion_after_start', 'the placement has not started', PLACEMENT_DATE_SOURCES.order, NOT_STARTED);
  return input.completedOn > input.startedOn
    ? pass('placement.completion_after_start', `completed ${input.completedOn}, after the start on ${input.startedOn}`, PLACEMENT_DATE_SOURCES.order)
    : fail(
        'placement.completion_after_start',
        `completed ${input.completedOn}, not after the start on ${input.startedOn}`,
        PLACEMENT_DATE_SOURCES.order,
        { key: 'dates.completed_not_after_start', params: { date: input.completedOn, started: input.startedOn } },
      );
}

/** A placement can end early on the day it started (the person never came back), never before. */
export function checkEarlyEndNotBeforeStart(input: { startedOn: string | null; endedOn: string }): Verdict {
  if (input.startedOn === null) return fail('placement.end_after_start', 'the placement has not started', PLACEMENT_DATE_SOURCES.order, NOT_STARTED);
  return input.endedOn >= input.startedOn
    ? pass('placement.end_after_start', `ended ${input.endedOn}, on or after the start on ${input.startedOn}`, PLACEMENT_DATE_SOURCES.order)
    : fail('placement.end_after_start', `ended ${input.endedOn}, before the start on ${input.startedOn}`, PLACEMENT_DATE_SOURCES.order, {
        key: 'dates.ended_before_start',
        params: { date: input.endedOn, started: input.startedOn },
      });
}

/** An outcome is what followed the placement: recorded on or after its last day. */
export function checkOutcomeAfterEnd(input: { endedOn: string | null; outcomeOn: string }): Verdict {
  if (input.endedOn === null) {
    return fail('placement.outcome_after_end', 'the placement has not ended', PLACEMENT_DATE_SOURCES.order, { key: 'dates.not_ended' });
  }
  return input.outcomeOn >= input.endedOn
    ? pass('placement.outcome_after_end', `outcome ${input.outcomeOn}, on or after the end on ${input.endedOn}`, PLACEMENT_DATE_SOURCES.order)
    : fail('placement.outcome_after_end', `outcome ${input.outcomeOn}, before the end on ${input.endedOn}`, PLACEMENT_DATE_SOURCES.order, {
        key: 'dates.outcome_before_end',
        params: { date: input.outcomeOn, ended: input.endedOn },
      });
}

/** Facts are recorded when they have happened, not ahead of time. */
export function checkNotInFuture(input: { on: string; today: string }): Verdict {
  return input.on <= input.today
    ? pass('placement.not_in_future', `${input.on} is not after today`, PLACEMENT_DATE_SOURCES.order)
    : fail('placement.not_in_future', `${input.on} is after today (${input.today})`, PLACEMENT_DATE_SOURCES.order, {
        key: 'dates.in_future',
        params: { date: input.on, today: input.today },
      });
}

/** First day an IGU bonus milestone may be recorded, counted from the actual start. */
export function iguBonusEarliest(kind: keyof typeof IGU_BONUS_MONTHS, startedOn: string): string {
  return addMonths(startedOn, IGU_BONUS_MONTHS[kind]);
}

/**
 * May this IGU milestone be recorded as done on `doneOn`? Bonuses need the
 * actual start, `doneOn` at least 6 (24) months after it, and an IGU that
 * lasted that long (the completion bonus: a completed IGU). The school part
 * only needs a started IGU.
 */
export function checkMilestoneDate(input: {
  kind: MilestoneKind;
  startedOn: string | null;
  doneOn: string;
  status: 'planned' | 'started' | 'ended_early' | 'completed';
  endedOn: string | null;
}): Verdict {
  const rule = `igu.${input.kind}_date`;
  const source = PLACEMENT_DATE_SOURCES.iguBonus;
  if (input.startedOn === null) return fail(rule, 'the IGU has not started', source, NOT_STARTED);
  if (input.doneOn < input.startedOn) {
    return fail(rule, `${input.doneOn} is before the start on ${input.startedOn}`, source, {
      key: 'dates.before_start',
      params: { date: input.doneOn, started: input.startedOn },
    });
  }
  if (input.kind === 'school_part') return pass(rule, 'the IGU has started', PLACEMENT_DATE_SOURCES.igu);
  const earliest = iguBonusEarliest(input.kind, input.startedOn);
  if (input.doneOn < earliest) {
    return fail(
      rule,
      `the bonus can be recorded from ${earliest}, ${IGU_BONUS_MONTHS[input.kind]} months after the start on ${input.startedOn}`,
      source,
      { key: 'dates.bonus_from', params: { earliest, months: IGU_BONUS_MONTHS[input.kind], started: input.startedOn } },
    );
  }
  if (input.kind === 'bonus_24m' && input.status !== 'completed') {
    return fail(rule, 'the completion bonus needs a completed IGU', source, { key: 'dates.bonus_needs_completion' });
  }
  // Six whole months run to the day before the six-month anniversary: an IGU that ended then has earned the bonus.
  if (input.kind === 'bonus_6m' && input.endedOn !== null && input.endedOn < addDays(earliest, -1)) {
    return fail(rule, `the IGU ended on ${input.endedOn}, before 6 months`, source, {
      key: 'dates.ended_before_6m',
      params: { ended: input.endedOn },
    });
  }
  return pass(rule, `${input.doneOn} is on or after ${earliest}`, source);
}

/**
 * Last day (inclusive) a placement of `type` starting on `startDate` may run.
 * A praktik reaches 26 weeks only with a recorded extension.
 */
export function maxEndDate(type: SlotType, startDate: string, extended: boolean): string {
  if (type === 'praktik') {
    const weeks = extended ? SLOT_RULES.praktik.maxWeeksExtended : SLOT_RULES.praktik.maxWeeks;
    return addDays(startDate, weeks * 7 - 1);
  }
  return addDays(addMonths(startDate, MAX_MONTHS[type]), -1);
}

/** The end date within the scheme's maximum duration (counting recorded extensions). */
export function checkEndWithinMaximum(input: { type: SlotType; startDate: string; endDate: string; extended: boolean }): Verdict {
  const rule = `${input.type}.max_end`;
  const source = PLACEMENT_DATE_SOURCES[input.type];
  const latest = maxEndDate(input.type, input.startDate, input.extended);
  if (input.endDate < input.startDate) {
    return fail(rule, `ends ${input.endDate}, before it starts on ${input.startDate}`, source, {
      key: 'dates.ends_before_start',
      params: { date: input.endDate, start: input.startDate },
    });
  }
  if (input.endDate <= latest) return pass(rule, `ends ${input.endDate}, within the limit ${latest}`, source);
  const canExtend = input.type === 'praktik' && !input.extended && input.endDate <= maxEndDate('praktik', input.startDate, true);
  return fail(rule, `ends ${input.endDate}, after the limit ${latest}${canExtend ? ' (record an extension to go up to 26 weeks)' : ''}`, source, {
    key: canExtend ? 'dates.after_limit_extendable' : 'dates.after_limit',
    params: { date: input.endDate, latest },
  });
}

/** An extension moves the end later, says why, and stays within the maximum. */
export function checkExtension(input: { type: SlotType; startDate: string; currentEnd: string; newEnd: string; reason: string }): Verdict {
  const rule = `${input.type}.extension`;
  const source = PLACEMENT_DATE_SOURCES[input.type];
  if (input.newEnd <= input.currentEnd) {
    return fail(rule, `the new end ${input.newEnd} is not after the current end ${input.currentEnd}`, source, {
      key: 'dates.extension_not_later',
      params: { date: input.newEnd, current: input.currentEnd },
    });
  }
  if (input.reason.trim().length === 0) return fail(rule, 'an extension needs a reason', source, { key: 'dates.extension_reason' });
  const within = checkEndWithinMaximum({ type: input.type, startDate: input.startDate, endDate: input.newEnd, extended: true });
  return within.ok ? pass(rule, `extended to ${input.newEnd}`, source) : { ...within, rule };
}
