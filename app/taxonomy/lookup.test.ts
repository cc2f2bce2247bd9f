import { describe, expect, it } from 'vitest';
import { lookupTaxonomy } from './lookup.js';
import { boundedDamerauLevenshtein, foldText, tokenize } from './normalise.js';
import { getTaxonomy } from './taxonomy.js';

const uriOf = (kind: 'skill' | 'occupation', englishLabel: string): string => {
  const taxonomy = getTaxonomy();
  const list = kind === 'skill' ? taxonomy.skills : taxonomy.occupations;
  const found = list.find((item) => item.labels.en === englishLabel);
  if (!found) throw new Error(`no ${kind} ${englishLabel}`);
  return found.uri;
};

const top = (q: string, kinds?: ('skill' | 'occupation')[]) => lookupTaxonomy({ q, lang: 'da', kinds, limit: 5 })[0];

describe('foldText and tokenize', () => {
  it('folds Danish letters both ways', () => {
    expect(foldText('rengøring')).toBe(foldText('rengoring'));
    expect(foldText('rengøring')).toBe(foldText('rengoering'));
    expect(foldText('gå')).toBe(foldText('gaa'));
    expect(foldText('Æble')).toBe('aeble');
  });

  it('normalises Arabic alef, hamza, taa marbuta and diacritics', () => {
    expect(foldText('إِدارة')).toBe(foldText('ادارة'));
    expect(foldText('مدرسة')).toBe(foldText('مدرسه'));
    expect(tokenize('الصحون')).toEqual(tokenize('صحون'));
  });

  it('strips Cyrillic diacritics consistently', () => {
    expect(foldText('прибиральниця')).toBe(foldText('прибиральниця'.normalize('NFD')));
  });

  it('computes bounded Damerau–Levenshtein distances', () => {
    expect(boundedDamerauLevenshtein('forklfit', 'forklift', 2)).toBe(1);
    expect(boundedDamerauLevenshtein('opvasker', 'office', 1)).toBe(2);
    expect(boundedDamerauLevenshtein('kitten', 'sitting', 3)).toBe(3);
  });
});

describe('lookupTaxonomy', () => {
  const dishwashing = uriOf('skill', 'operate dishwashing machine');
  const kitchenPorter = uriOf('occupation', 'kitchen porter');
  const cleaning = uriOf('skill', 'perform cleaning duties');

  it('finds the skill from each of the four languages', () => {
    expect(top('betjene opvaskemaskine')?.uri).toBe(dishwashing);
    expect(top('operate dishwashing machine')?.uri).toBe(dishwashing);
    expect(top('غسل الصحون', ['skill'])?.uri).toBe(dishwashing);
    expect(top('миття посуду')?.uri).toBe(dishwashing);
  });

  it('finds from a synonym, returning the label in the requested language', () => {
    const [result] = lookupTaxonomy({ q: 'dishwashing', lang: 'da', kinds: ['skill'] });
    expect(result).toMatchObject({ uri: dishwashing, label: 'betjene opvaskemaskine', matched: 'dishwashing', kind: 'skill' });
    expect(top('dishwasher')?.uri).toBe(kitchenPorter);
    expect(top('opvasker')?.uri).toBe(kitchenPorter);
    expect(lookupTaxonomy({ q: 'opvasker', lang: 'ar' })[0]?.label).toBe('عامل غسل الصحون');
  });

  it('tolerates typos', () => {
    expect(top('forklfit', ['skill'])?.uri).toBe(uriOf('skill', 'operate forklift'));
    expect(top('rengøing')?.uri).toBe(cleaning);
    expect(top('lagerarbjder')?.uri).toBe(uriOf('occupation', 'warehouse worker'));
  });

  it('finds words typed without diacritics', () => {
    expect(top('rengoring')?.uri).toBe(cleaning);
    expect(top('kokkenmedhjaelper')?.uri).toBe(uriOf('occupation', 'kitchen assistant'));
    expect(top('svejsning')?.uri).toBe(uriOf('skill', 'apply arc welding techniques'));
  });

  it('finds by prefix while typing', () => {
    expect(lookupTaxonomy({ q: 'gaffeltr', lang: 'da' }).map((r) => r.uri)).toContain(uriOf('skill', 'operate forklift'));
  });

  it('ranks an exact preferred label above prefixes and synonyms', () => {
    const results = lookupTaxonomy({ q: 'kok', lang: 'da' });
    expect(results[0]?.uri).toBe(uriOf('occupation', 'cook'));
    expect(results[0]?.score ?? 0).toBeGreaterThan(results[1]?.score ?? 0);
  });

  it('filters by kind and respects the limit', () => {
    const results = lookupTaxonomy({ q: 'rengøring', lang: 'en', kinds: ['occupation'], limit: 2 });
    expect(results.length).toBeLessThanOrEqual(2);
    expect(results.every((r) => r.kind === 'occupation')).toBe(true);
  });

  it.each(['xyzzy', 'qwertyuiop', 'banana', 'blåbærgrød', '   ', '!!!'])('returns nothing for %j', (q) => {
    expect(lookupTaxonomy({ q, lang: 'da' })).toEqual([]);
  });
});
