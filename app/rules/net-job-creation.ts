/**
 * Løntilskud: net job creation (merbeskæftigelse), docs/domain.md "Schemes →
 * Løntilskud". A wage-subsidised post must add a job: the workplace's
 * ordinary headcount must have grown over the last 12 months, and the post
 * must not fill a job someone left within the 3 months before the start.
 *
 * Decisions:
 * - Headcounts are the employer's answers in full-time equivalents, now and
 *   12 months ago; any growth counts, a fraction of an FTE included. Equal
 *   is not growth.
 * - "The last 3 months" are calendar months before the placement's start
 *   date, the same window as the IGU 3-month rule: a job vacated on or after
 *   start − 3 months (2027-03-01 → 2026-12-01) is too recent. A leaver who
 *   goes on or after the start (notice given) is replaced too, so also refused.
 *   The employer therefore gives the day the job was vacated, not a yes/no
 *   about "the last 3 months": the start date may move after the answer.
 * - A slot created before the employer was asked (or sent without answers)
 *   has none. The rule cannot say yes, and approving would risk a placement
 *   the law does not allow, so it fails as "unanswered — ask the employer":
 *   the consultant sees what is missing, and the employer answers on the
 *   slot's edit form.
 */
import { addMonths } from '../lib/dates.js';
import type { Verdict } from './verdict.js';

/** Cited by name, as the ratio rule is: the section number has moved between versions of the act. */
export const NET_JOB_CREATION_SOURCE = 'LAB (lov om en aktiv beskæftigelsesindsats), krav om merbeskæftigelse';

/** What the employer answered for a løntilskud slot. */
export type NetJobAnswers = {
  /** Ordinary employees (FTE) at the workplace now. */
  fteNow: number;
  /** Ordinary employees (FTE) at the workplace 12 months ago. */
  fte12mAgo: number;
  /** Does the post fill a job someone has left (or is leaving)? */
  fillsVacancy: boolean;
  /** The day that job was (or will be) vacated; null when `fillsVacancy` is false. */
  vacatedOn: string | null;
};

/** First day a vacated job still counts as "vacated in the last 3 months" before `startDate`. */
export function vacancyWindowStart(startDate: string): string {
  return addMonths(startDate, -3);
}

/**
 * The net-job-creation verdicts for a løntilskud placement starting on
 * `startDate`: one failing `loentilskud.net_jobs_unanswered` when the
 * employer has not answered, else headcount growth and the vacated post.
 */
export function checkNetJobCreation(answers: NetJobAnswers | null, startDate: string): Verdict[] {
  if (!answers) {
    return [
      {
        rule: 'loentilskud.net_jobs_unanswered',
        ok: false,
        message: 'the employer has not answered the net job creation questions for this slot; ask the employer',
        source: NET_JOB_CREATION_SOURCE,
        detail: { key: 'loentilskud.net_jobs_unanswered' },
      },
    ];
  }
  const grown = answers.fteNow > answers.fte12mAgo;
  const headcount: Verdict = {
    rule: 'loentilskud.headcount_growth',
    ok: grown,
    message: grown
      ? `${answers.fteNow} FTE now, ${answers.fte12mAgo} FTE 12 months ago`
      : `${answers.fteNow} FTE now against ${answers.fte12mAgo} FTE 12 months ago: the headcount has not grown`,
    source: NET_JOB_CREATION_SOURCE,
    detail: { key: grown ? 'loentilskud.grown' : 'loentilskud.not_grown', params: { now: answers.fteNow, before: answers.fte12mAgo } },
  };
  const windowStart = vacancyWindowStart(startDate);
  const recent = answers.fillsVacancy && answers.vacatedOn !== null && answers.vacatedOn >= windowStart;
  // A "yes" without a day cannot be placed in time; the schema and the database refuse it, so treat it as recent.
  const undated = answers.fillsVacancy && answers.vacatedOn === null;
  const vacated: Verdict = {
    rule: 'loentilskud.vacated_post',
    ok: !recent && !undated,
    message: !answers.fillsVacancy
      ? 'the post does not fill a vacated job'
      : recent || undated
        ? `the post fills a job vacated on ${answers.vacatedOn ?? 'an unknown day'}, within 3 months before the start (${windowStart} or later)`
        : `the post fills a job vacated on ${answers.vacatedOn}, more than 3 months before the start`,
    source: NET_JOB_CREATION_SOURCE,
    detail: !answers.fillsVacancy
      ? { key: 'loentilskud.no_vacancy' }
      : recent || undated
        ? { key: 'loentilskud.vacated_recently', params: { date: answers.vacatedOn ?? '?', windowStart } }
        : { key: 'loentilskud.vacated_long_ago', params: { date: answers.vacatedOn ?? '?' } },
  };
  return [headcount, vacated];
}
