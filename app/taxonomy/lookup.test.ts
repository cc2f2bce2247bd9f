import { describe, expect, it } from 'vitest';
import { lookupTaxonomy } from './lookup.js';
import { getTaxonomy } from './taxonomy.js';

const uriOf = (kind: 'skill' | 'occupation', englishLabel: string): string => {
  const taxonomy = getTaxonomy();
  const list = kind === 'skill' ? taxonomy.skills : taxonomy.occupations;
  const found = list.find((item) => item.labels.en === englishLabel);
  if (!found) throw new Error(`no ${kind} ${englishLabel}`);
  return found.uri;
};

const top = (q: string, kinds?: ('skill' | 'occupation')[], lang: 'da' | 'en' | 'ar' | 'uk' = 'da') =>
  lookupTaxonomy({ q, lang, kinds, limit: 5 })[0];
const uris = (q: string, lang: 'da' | 'en' | 'ar' | 'uk' = 'da') => lookupTaxonomy({ q, lang, limit: 5 }).map((r) => r.uri);

describe('lookupTaxonomy', () => {
  const dishwashing = uriOf('skill', 'operate dishwashing machine');
  const kitchenPorter = uriOf('occupation', 'kitchen porter');
  const cleaning = uriOf('skill', 'perform cleaning duties');
  const forklift = uriOf('skill', 'operate forklift');

  it('finds the skill from each of the four languages', () => {
    expect(top('betjene opvaskemaskine')?.uri).toBe(dishwashing);
    expect(top('operate dishwashing machine')?.uri).toBe(dishwashing);
    expect(top('غسل الصحون', ['skill'])?.uri).toBe(dishwashing);
    expect(top('миття посуду')?.uri).toBe(dishwashing);
  });

  it('finds the forklift skill by its Arabic everyday name, with or without the article', () => {
    expect(uris('رافعة شوكية', 'ar')).toContain(forklift);
    expect(uris('الرافعة الشوكية', 'ar')).toContain(forklift);
    expect(top('رافعه شوكيه', ['skill'], 'ar')?.label).toBe('قيادة الرافعة الشوكية');
  });

  it('finds cooking in Arabic on every screen that uses the lookup', () => {
    expect(top('طبخ', ['skill'], 'ar')?.uri).toBe(uriOf('skill', 'direct the preparation of food'));
  });

  it('finds a Ukrainian accountant and hairdresser, inflected', () => {
    expect(top('бухгалтером', ['occupation'], 'uk')?.uri).toBe(uriOf('occupation', 'accountant'));
    expect(uris('перукар', 'uk')).toContain(uriOf('occupation', 'hairdresser'));
  });

  it('answers "kok" with the cook, not a dishwashing skill', () => {
    const results = lookupTaxonomy({ q: 'kok', lang: 'da' });
    expect(results[0]?.uri).toBe(uriOf('occupation', 'cook'));
    expect(results.slice(0, 3).map((r) => r.uri)).not.toContain(dishwashing);
  });

  it('finds from a synonym, returning the label in the requested language', () => {
    const [result] = lookupTaxonomy({ q: 'dishwashing', lang: 'da', kinds: ['skill'] });
    expect(result).toMatchObject({ uri: dishwashing, label: 'betjene opvaskemaskine', matched: 'dishwashing', kind: 'skill' });
    expect(top('dishwasher')?.uri).toBe(kitchenPorter);
    expect(lookupTaxonomy({ q: 'opvasker', lang: 'ar' })[0]?.label).toBe('عامل غسل الصحون');
  });

  it('tolerates typos', () => {
    expect(top('forklfit', ['skill'])?.uri).toBe(forklift);
    expect(uris('rengøing')).toContain(cleaning);
    expect(top('lagerarbjder')?.uri).toBe(uriOf('occupation', 'warehouse worker'));
  });

  it('finds words typed without diacritics', () => {
    expect(top('rengoring', ['skill'])?.uri).toBe(cleaning);
    expect(top('kokkenmedhjaelper')?.uri).toBe(uriOf('occupation', 'kitchen assistant'));
  });

  it('finds by prefix while typing', () => {
    expect(uris('gaffeltr')).toContain(forklift);
    expect(uris('بالراف', 'ar')).toContain(forklift);
  });

  it('filters by kind and respects the limit', () => {
    const results = lookupTaxonomy({ q: 'rengøring', lang: 'en', kinds: ['occupation'], limit: 2 });
    expect(results.length).toBeLessThanOrEqual(2);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.kind === 'occupation')).toBe(true);
  });

  it.each(['xyzzy', 'qwertyuiop', 'blåbærgrød', '   ', '!!!'])('returns nothing for %j', (q) => {
    expect(lookupTaxonomy({ q, lang: 'da' })).toEqual([]);
  });
});
