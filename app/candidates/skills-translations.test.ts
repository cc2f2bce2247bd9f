import { describe, expect, it } from 'vitest';
import ar from '../i18n/locales/ar/skills.json';
import da from '../i18n/locales/da/skills.json';
import en from '../i18n/locales/en/skills.json';
import uk from '../i18n/locales/uk/skills.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
/** What candidates read: their own words and the header's menu; the review page and the ratio rule are for consultants and employers (da, en). */
const candidateFacing = (key: string) => key.startsWith('own.') || key.startsWith('header.');

describe('the skills namespace', () => {
  const english = new Set(keys(en).map(base));

  it('is complete in Danish', () => {
    expect(new Set(keys(da).map(base))).toEqual(english);
  });

  it.each([
    ['ar', ar],
    ['uk', uk],
  ])('has every candidate-facing text in %s', (_lng, messages) => {
    const have = new Set(keys(messages).map(base));
    const wanted = [...english].filter(candidateFacing);
    expect(wanted.length).toBeGreaterThan(10);
    for (const key of wanted) expect(have.has(key), key).toBe(true);
  });

  it.each([
    ['da', da],
    ['en', en],
    ['ar', ar],
    ['uk', uk],
  ])('has every plural form the language needs in %s', (lng, messages) => {
    const all = keys(messages);
    const counted = new Set(all.filter((key) => PLURAL.test(key)).map(base));
    expect(counted.size).toBeGreaterThan(0);
    const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const key of counted) for (const form of forms) expect(all.includes(`${key}_${form}`), `${key}_${form}`).toBe(true);
  });
});
