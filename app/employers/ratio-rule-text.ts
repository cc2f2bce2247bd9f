/**
 * The ratio rule's refusal as a sentence, each count in the language's
 * plural form ("1 person", never "1 personer"): for the employer's form and,
 * in English, for the API's error message.
 */
import i18next, { type TFunction } from 'i18next';
import enSkills from '../i18n/locales/en/skills.json';

/** The sentence in the reader's language (`t` from the page, any namespace loaded). */
export function ratioRuleText(t: TFunction, figures: { capacity: number; used: number }): string {
  const remaining = Math.max(0, figures.capacity - figures.used);
  return t('skills:ratioRule.sentence', {
    capacity: t('skills:ratioRule.capacity', { count: figures.capacity }),
    used: t('skills:ratioRule.used', { count: figures.used }),
    remaining: t('skills:ratioRule.remaining', { count: remaining }),
  });
}

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: { skills: enSkills } },
  ns: ['skills'],
  defaultNS: 'skills',
  interpolation: { escapeValue: false },
  initImmediate: false,
});

/** The sentence in English, for API clients. */
export function englishRatioRuleText(figures: { capacity: number; used: number }): string {
  return ratioRuleText(english.t, figures);
}
