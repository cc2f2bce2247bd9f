/**
 * Issue 23: mails in each recipient's own language. Every kind a candidate
 * can receive, and the daily digest, is written out in Danish, English,
 * Arabic and Ukrainian with every value filled in, and each language's text
 * is its own (not the English one as a fallback); employers' and
 * consultants' kinds in Danish and English. Each mail has its plain-text part.
 */
import { describe, expect, it } from 'vitest';
import { kindsFor } from './kinds.js';
import { renderDigestMail, renderImmediateMail, ORIGIN } from './texts.server.js';

const params = {
  slotTitle: 'Køkkenhjælper',
  organisationName: 'Fjordkanten ApS',
  candidateName: 'Amal Haddad',
  startDate: '2026-04-01',
  dueOn: '2026-10-08',
  deadline: '2026-04-02',
  inactiveOn: '2026-04-03',
  milestone: 'bonus_6m',
  reason: 'danish_too_low',
  declineReason: 'position_filled',
  // free_skill_reviewed: the candidate's own words and the skill the jobcentre mapped them to.
  ownWords: 'أسوق آلة الرفع',
  skillLabel: 'køre gaffeltruck',
  count: 3,
};

/** What a text must not show: a message key, a placeholder left unfilled, or a missing value. */
function expectWrittenOut(text: string) {
  expect(text).not.toMatch(/\{\{|\}\}|notifications:|kinds\.|undefined/);
}

describe('notification mails in the recipient’s language', () => {
  const candidateLanguages = ['da', 'en', 'ar', 'uk'] as const;

  it.each(kindsFor('candidate'))('the candidate kind %s is written out in da, en, ar and uk, each its own', async (kind) => {
    const texts = new Map<string, string>();
    for (const lng of candidateLanguages) {
      const mail = await renderImmediateMail(lng, 'Amal', kind, params, '/candidate');
      expectWrittenOut(`${mail.subject}\n${mail.text}`);
      expect(mail.text).toContain(`${ORIGIN}/candidate`);
      expect(mail.html).toContain(`lang="${lng}"`);
      texts.set(lng, mail.text);
    }
    expect(new Set(texts.values()).size).toBe(candidateLanguages.length);
  });

  it.each([...kindsFor('employer'), ...kindsFor('consultant')])('the kind %s is written out in da and en', async (kind) => {
    const [danish, english] = await Promise.all([
      renderImmediateMail('da', 'Lene', kind, params, '/notifications'),
      renderImmediateMail('en', 'Lene', kind, params, '/notifications'),
    ]);
    expectWrittenOut(`${danish.subject}\n${danish.text}`);
    expectWrittenOut(`${english.subject}\n${english.text}`);
    expect(danish.text).not.toBe(english.text);
  });

  it.each(candidateLanguages)('the digest in %s: every plural form, a line per item with its link', async (lng) => {
    const item = { kind: 'new_offers', params: { count: 2 }, link: '/candidate/offers' };
    const rules = new Intl.PluralRules(lng);
    const subjectByForm = new Map<string, string>();
    for (const count of [1, 2, 3, 5, 11, 100]) {
      const mail = await renderDigestMail(
        lng,
        'Amal',
        Array.from({ length: count }, () => item),
      );
      expectWrittenOut(`${mail.subject}\n${mail.text}`);
      expect(mail.text.split('\n').filter((line) => line.endsWith(`${ORIGIN}/candidate/offers`))).toHaveLength(count);
      subjectByForm.set(rules.select(count), mail.subject.replaceAll(String(count), '#'));
    }
    // Each plural form the language uses for these counts has its own wording (Arabic: one, two, few, many, other).
    expect(new Set(subjectByForm.values()).size).toBe(subjectByForm.size);
  });
});
