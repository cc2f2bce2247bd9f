import { describe, expect, it } from 'vitest';
import { addDays } from '../lib/dates.js';
import { checkNetJobCreation, type NetJobAnswers } from './net-job-creation.js';

const START = '2027-03-01'; // start − 3 months = 2026-12-01, 90 days before
const grown: NetJobAnswers = { fteNow: 12.5, fte12mAgo: 12, fillsVacancy: false, vacatedOn: null };

const verdict = (answers: NetJobAnswers | null, rule: string, start = START) => {
  const found = checkNetJobCreation(answers, start).find((v) => v.rule === rule);
  if (!found) throw new Error(`no verdict ${rule}`);
  return found;
};

describe('checkNetJobCreation: headcount', () => {
  it('refuses an equal headcount', () => {
    const v = verdict({ ...grown, fteNow: 12, fte12mAgo: 12 }, 'loentilskud.headcount_growth');
    expect(v.ok).toBe(false);
    expect(v.message).toContain('has not grown');
  });

  it('refuses a smaller headcount', () => {
    expect(verdict({ ...grown, fteNow: 11.5, fte12mAgo: 12 }, 'loentilskud.headcount_growth').ok).toBe(false);
  });

  it.each([0.5, 0.01])('accepts growth by a fraction of an FTE (+%s)', (fraction) => {
    expect(verdict({ ...grown, fteNow: 12 + fraction, fte12mAgo: 12 }, 'loentilskud.headcount_growth').ok).toBe(true);
  });

  it('accepts growth from no ordinary employees', () => {
    expect(verdict({ ...grown, fteNow: 1, fte12mAgo: 0 }, 'loentilskud.headcount_growth').ok).toBe(true);
  });
});

describe('checkNetJobCreation: vacated post', () => {
  const vacated = (daysBeforeStart: number, start = START): NetJobAnswers => ({
    ...grown,
    fillsVacancy: true,
    vacatedOn: addDays(start, -daysBeforeStart),
  });

  it('refuses a job vacated 89 days before the start', () => {
    const v = verdict(vacated(89), 'loentilskud.vacated_post');
    expect(v.ok).toBe(false);
    expect(v.message).toContain('2026-12-02');
  });

  it('accepts a job vacated 91 days before the start (start − 3 months is 90 days back)', () => {
    expect(verdict(vacated(91), 'loentilskud.vacated_post').ok).toBe(true);
  });

  it('counts the first day of the window (exactly 3 calendar months before) as recent', () => {
    expect(verdict({ ...grown, fillsVacancy: true, vacatedOn: '2026-12-01' }, 'loentilskud.vacated_post').ok).toBe(false);
    expect(verdict({ ...grown, fillsVacancy: true, vacatedOn: '2026-11-30' }, 'loentilskud.vacated_post').ok).toBe(true);
  });

  it('measures calendar months: 91 days back is still within 3 months of an August start', () => {
    // 2027-08-01 − 3 months = 2027-05-01, 92 days back.
    expect(verdict(vacated(91, '2027-08-01'), 'loentilskud.vacated_post', '2027-08-01').ok).toBe(false);
    expect(verdict(vacated(93, '2027-08-01'), 'loentilskud.vacated_post', '2027-08-01').ok).toBe(true);
  });

  it('refuses a job whose holder leaves on or after the start', () => {
    expect(verdict(vacated(0), 'loentilskud.vacated_post').ok).toBe(false);
    expect(verdict(vacated(-14), 'loentilskud.vacated_post').ok).toBe(false);
  });

  it('accepts a post that fills no vacated job', () => {
    expect(verdict(grown, 'loentilskud.vacated_post').ok).toBe(true);
  });
});

describe('checkNetJobCreation: no answers', () => {
  it('fails as unanswered, with the source, and says to ask the employer', () => {
    const verdicts = checkNetJobCreation(null, START);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ rule: 'loentilskud.net_jobs_unanswered', ok: false });
    expect(verdicts[0]?.message).toContain('ask the employer');
    expect(verdicts[0]?.source).toMatch(/merbeskæftigelse/);
  });

  it('reports both failures when the headcount is flat and the post is a recent vacancy', () => {
    const verdicts = checkNetJobCreation({ fteNow: 8, fte12mAgo: 8, fillsVacancy: true, vacatedOn: '2027-02-01' }, START);
    expect(verdicts.filter((v) => !v.ok).map((v) => v.rule)).toEqual(['loentilskud.headcount_growth', 'loentilskud.vacated_post']);
  });
});

describe('checkNetJobCreation: the finding in the reader’s language', () => {
  const cases: (NetJobAnswers | null)[] = [
    null,
    grown,
    { ...grown, fteNow: 12, fte12mAgo: 12 },
    { ...grown, fillsVacancy: true, vacatedOn: addDays(START, -89) },
    { ...grown, fillsVacancy: true, vacatedOn: addDays(START, -91) },
  ];
  it.each(['da', 'en'])('every verdict has a %s text (the consultant never reads the English log line)', async (lng) => {
    const texts: unknown = (await import(`../i18n/locales/${lng}/workbench.json`)).default;
    const lookUp = (key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? Reflect.get(node, part) : undefined), texts);
    for (const answers of cases) {
      for (const v of checkNetJobCreation(answers, START)) {
        expect(v.detail, v.rule).toBeDefined();
        expect(typeof lookUp(`ruleDetail.${v.detail?.key}`), `${v.rule} → ruleDetail.${v.detail?.key}`).toBe('string');
      }
    }
  });
});
