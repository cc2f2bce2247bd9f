import { describe, expect, it } from 'vitest';
import ar from '../i18n/locales/ar/candidate.json';
import da from '../i18n/locales/da/candidate.json';
import en from '../i18n/locales/en/candidate.json';
import uk from '../i18n/locales/uk/candidate.json';
import type { ReasonCode } from '../matching/explain.js';

/** Keys without plural suffixes, so Arabic's six forms and Ukrainian's four count as one key. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the candidate namespace', () => {
  const english = new Set(keys(en).map(base));

  it.each([
    ['da', da],
    ['ar', ar],
    ['uk', uk],
  ])('is complete in %s', (_lng, messages) => {
    expect(new Set(keys(messages).map(base))).toEqual(english);
  });

  it('translates every reason code the matcher gives', () => {
    const codes: ReasonCode[] = [
      'skills.required_all',
      'skills.missing_required',
      'skills.nice_covered',
      'danish.meets',
      'danish.within_months',
      'distance.km',
      'ambitions.occupation',
      'ambitions.sector',
      'ambitions.elsewhere',
      'waiting.days',
      'waiting.overdue',
      'languages.shared',
      'igu.eligible',
      'excluded.igu',
      'excluded.availability',
      'excluded.distance',
      'excluded.danish',
    ];
    for (const code of codes) expect(english.has(`reasons.${code}`), code).toBe(true);
  });

  it('has every error message the step schemas use', async () => {
    const source = await import('node:fs').then((fs) =>
      ['profile-schemas.ts', 'invite.server.ts'].map((file) => fs.readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')).join('\n'),
    );
    const used = new Set([...source.matchAll(/'(errors\.[a-zA-Z]+)'/g)].map((m) => m[1]!));
    for (const key of used) expect(english.has(key), key).toBe(true);
  });
});
