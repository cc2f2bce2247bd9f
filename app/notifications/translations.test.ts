import { describe, expect, it } from 'vitest';
import ar from '../i18n/locales/ar/notifications.json';
import da from '../i18n/locales/da/notifications.json';
import en from '../i18n/locales/en/notifications.json';
import uk from '../i18n/locales/uk/notifications.json';
import { kindsFor, notificationKinds } from './kinds.js';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

/** What a candidate reads: their kinds, the pages, the mails and the timeline (employers' and consultants' texts are da/en only). */
const candidateFacing = (key: string) =>
  !key.startsWith('kinds.') && !key.startsWith('milestones.') && !key.startsWith('decision.')
    ? true
    : kindsFor('candidate').some((kind) => key.startsWith(`kinds.${kind}.`));

describe('the notifications namespace', () => {
  const english = new Set(keys(en).map(base));

  it('is complete in Danish', () => {
    expect(new Set(keys(da).map(base))).toEqual(english);
  });

  it.each([
    ['ar', ar],
    ['uk', uk],
  ])('has every candidate-facing text in %s', (_lng, messages) => {
    const have = new Set(keys(messages).map(base));
    for (const key of [...english].filter(candidateFacing)) expect(have.has(key), key).toBe(true);
  });

  it.each([
    ['da', da],
    ['en', en],
    ['ar', ar],
    ['uk', uk],
  ])('has every plural form the language needs in %s', (lng, messages) => {
    const all = keys(messages);
    const counted = new Set(all.filter((key) => PLURAL.test(key)).map(base));
    const forms = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    for (const key of counted) for (const form of forms) expect(all.includes(`${key}_${form}`), `${key}_${form}`).toBe(true);
  });

  it('has a label, a title and a next step for every kind', () => {
    for (const kind of Object.keys(notificationKinds)) {
      expect(english.has(`kinds.${kind}.label`), kind).toBe(true);
      expect(english.has(`kinds.${kind}.title`), kind).toBe(true);
      expect(english.has(`kinds.${kind}.next`), kind).toBe(true);
    }
  });
});
