import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import daSkills from '../i18n/locales/da/skills.json';
import enSkills from '../i18n/locales/en/skills.json';
import { englishRatioRuleText, ratioRuleText } from './ratio-rule-text.js';

function tIn(lng: 'da' | 'en') {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    resources: { da: { skills: daSkills }, en: { skills: enSkills } },
    ns: ['skills'],
    defaultNS: 'skills',
    interpolation: { escapeValue: false },
    initImmediate: false,
  });
  return instance.t;
}

describe('the ratio rule’s refusal, counted by the language’s plural rules', () => {
  it('Danish: one person, never "1 personer"', () => {
    const text = ratioRuleText(tIn('da'), { capacity: 1, used: 1 });
    expect(text).toBe('Rimelighedskravet tillader 1 person med støtte på arbejdsstedet ad gangen; 1 plads er optaget, så der er 0 pladser tilbage.');
    expect(text).not.toContain('1 personer');
  });

  it('Danish: several', () => {
    expect(ratioRuleText(tIn('da'), { capacity: 11, used: 10 })).toBe(
      'Rimelighedskravet tillader 11 personer med støtte på arbejdsstedet ad gangen; 10 pladser er optaget, så der er 1 plads tilbage.',
    );
  });

  it('English, and the API’s English message', () => {
    expect(ratioRuleText(tIn('en'), { capacity: 2, used: 1 })).toBe(
      'The ratio rule allows 2 people with support at this workplace at once; 1 place is taken, so 1 place is left.',
    );
    expect(englishRatioRuleText({ capacity: 1, used: 1 })).toBe(
      'The ratio rule allows 1 person with support at this workplace at once; 1 place is taken, so 0 places are left.',
    );
  });

  it('never counts below zero places left', () => {
    expect(englishRatioRuleText({ capacity: 1, used: 3 })).toContain('so 0 places are left');
  });
});
