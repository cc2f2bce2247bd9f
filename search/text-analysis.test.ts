import { describe, expect, it } from 'vitest';
import { analyseText, analyseWord, languageOfScript, normaliseArabic, termKey, textWords } from './text-analysis.js';

describe('textWords', () => {
  it('splits words of any script and keeps the Ukrainian apostrophe inside a word', () => {
    expect(textWords("М'ясник, кухар")).toEqual(['мясник', 'кухар']);
    expect(textWords('قيادة الرافعة-الشوكية')).toEqual(['قيادة', 'الرافعة', 'الشوكية']);
    expect(textWords('  !!! ')).toEqual([]);
  });
});

describe('Arabic analysis', () => {
  it('unifies alef and hamza forms, taa marbuta, alef maqsura, diacritics and tatweel', () => {
    expect(normaliseArabic('إِدارة')).toBe(normaliseArabic('ادارة'));
    expect(normaliseArabic('أمين')).toBe('امين');
    expect(normaliseArabic('محامى')).toBe(normaliseArabic('محامي'));
    expect(normaliseArabic('مدرسة')).toBe('مدرسه');
    expect(normaliseArabic('طـــبخ')).toBe('طبخ');
  });

  it('drops the article and the prepositions attached to it', () => {
    const forklift = analyseText('رافعة شوكية', 'ar');
    expect(analyseText('الرافعة الشوكية', 'ar')).toEqual(forklift);
    expect(analyseText('بالرافعة', 'ar')).toEqual([forklift[0]]);
    expect(analyseText('والرافعة', 'ar')).toEqual([forklift[0]]);
    expect(analyseText('للرافعة', 'ar')).toEqual([forklift[0]]);
    expect(analyseText('رافعه شوكيه', 'ar')).toEqual(forklift);
  });

  it('keeps a word whole when dropping the article would leave under three letters', () => {
    expect(analyseWord('آلة', 'ar')).toBe(analyseWord('الة', 'ar'));
    expect(analyseWord('آلة', 'ar')).not.toBe(analyseWord('ة', 'ar'));
    expect(analyseWord('آلة', 'ar').length).toBeGreaterThanOrEqual(2);
  });

  it('meets singular and sound plural', () => {
    expect(analyseWord('شبكات', 'ar')).toBe(analyseWord('شبكة', 'ar'));
    expect(analyseWord('محاسبة', 'ar')).toBe(analyseWord('محاسب', 'ar'));
  });
});

describe('Ukrainian, Danish and English analysis', () => {
  it('stems Ukrainian inflections to one form', () => {
    expect(analyseWord('бухгалтером', 'uk')).toBe(analyseWord('бухгалтер', 'uk'));
    expect(analyseWord('медсестри', 'uk')).toBe(analyseWord('медсестра', 'uk'));
    expect(analyseWord('водія', 'uk')).toBe(analyseWord('водій', 'uk'));
  });

  it('stems Danish and folds æ, ø, å both ways', () => {
    expect(analyseWord('opvaskeren', 'da')).toBe(analyseWord('opvasker', 'da'));
    expect(analyseWord('rengøring', 'da')).toBe(analyseWord('rengoring', 'da'));
    expect(analyseWord('rengøring', 'da')).toBe(analyseWord('rengoering', 'da'));
    expect(analyseWord('kørekort', 'da')).toBe(analyseWord('koerekort', 'da'));
  });

  it('stems English', () => {
    expect(analyseWord('cleaning', 'en')).toBe(analyseWord('clean', 'en'));
    expect(analyseWord('accounting', 'en')).toBe(analyseWord('accountant', 'en'));
  });

  it('drops stop words so that every remaining word can be required', () => {
    expect(analyseText('arbejde i et køkken', 'da')).toEqual(analyseText('arbejde køkken', 'da'));
    expect(analyseText('work in a kitchen', 'en')).toEqual(analyseText('work kitchen', 'en'));
  });
});

describe('analysis by script', () => {
  it('picks the analysis from the script when the language is unknown', () => {
    expect(languageOfScript('طبخ')).toBe('ar');
    expect(languageOfScript('кухня')).toBe('uk');
    expect(languageOfScript('køkken')).toBe('da');
    expect(analyseText('Opvasker · الرافعة · бухгалтером')).toEqual([
      analyseWord('opvasker', 'da'),
      analyseWord('الرافعة', 'ar'),
      analyseWord('бухгалтером', 'uk'),
    ]);
  });

  it('gives one key to spelling variants of a term', () => {
    expect(termKey('Rengøring')).toBe(termKey('rengoering'));
    expect(termKey('الرافعة الشوكية')).toBe(termKey('رافعه شوكيه'));
  });
});
