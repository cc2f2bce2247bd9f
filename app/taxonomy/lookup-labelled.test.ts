/**
 * The lookup against the labelled query sets in tests/fixtures/lookup/: the
 * issue's targets (recall@5 ≥ 0.9 in every language) as a test. Figures and
 * the misses: `npm run bench:lookup -- --misses`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabelledSet, scoreLookup } from './lookup-evaluation.js';
import { lookupTaxonomy } from './lookup.js';
import { getTaxonomy, locales } from './taxonomy.js';

const fixtures = join(process.cwd(), 'tests/fixtures/lookup');

describe('the lookup on the labelled query sets', () => {
  it.each(locales)('%s: at least 60 queries, recall@5 ≥ 0.9', (lang) => {
    const set = parseLabelledSet(readFileSync(join(fixtures, `${lang}.txt`), 'utf8'), getTaxonomy());
    expect(set.length).toBeGreaterThanOrEqual(60);
    const scores = scoreLookup(set, (q) => lookupTaxonomy({ q, lang, limit: 10 }));
    expect(scores.recallAt5, `misses: ${scores.misses.map((m) => m.q).join(', ')}`).toBeGreaterThanOrEqual(0.9);
    expect(scores.mrr).toBeGreaterThan(0.8);
  });
});

describe('scoring a labelled set', () => {
  const taxonomy = getTaxonomy();
  const cook = taxonomy.occupations.find((o) => o.labels.en === 'cook');

  it('rejects an answer that names no skill or occupation, naming the line', () => {
    expect(() => parseLabelledSet('# comment\nkok ~ o:cook\nbager ~ o:no such baker', taxonomy)).toThrow(/line 3: unknown answer "o:no such baker"/);
    expect(() => parseLabelledSet('kok ~ ', taxonomy)).toThrow(/line 1/);
  });

  it('counts a query as found when an accepted answer is in the first five, and MRR by its rank', () => {
    const set = parseLabelledSet('kok ~ o:cook', taxonomy);
    const other = { uri: 'x', label: 'x', kind: 'skill' as const };
    const found = { uri: cook?.uri ?? '', label: 'kok', kind: 'occupation' as const };
    expect(scoreLookup(set, () => [other, found])).toMatchObject({ recallAt5: 1, mrr: 0.5 });
    expect(scoreLookup(set, () => [other, other, other, other, other, found])).toMatchObject({ recallAt5: 0, mrr: 1 / 6 });
    expect(scoreLookup(set, () => [])).toMatchObject({ recallAt5: 0, mrr: 0 });
  });
});
