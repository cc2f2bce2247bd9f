/**
 * Benchmark of the taxonomy lookup: 2,000 mixed queries (labels and synonyms in
 * all four languages, prefixes as typed, one-letter typos, diacritics dropped,
 * unknown words). Prints figures; never gates a test.
 *
 *   npx tsx scripts/bench-taxonomy.ts
 */
import { getTaxonomyIndex, lookupTaxonomy } from '../app/taxonomy/lookup.js';
import { foldText } from '../app/taxonomy/normalise.js';
import { getTaxonomy, locales } from '../app/taxonomy/taxonomy.js';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const taxonomy = getTaxonomy();
const terms = [...taxonomy.skills, ...taxonomy.occupations].flatMap((item) =>
  locales.flatMap((l) => [item.labels[l], ...item.synonyms[l]]),
);

function typo(word: string): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

const queries: string[] = [];
for (let i = 0; i < 2000; i++) {
  const term = pick(terms);
  const variant = i % 5;
  if (variant === 0) queries.push(term);
  else if (variant === 1) queries.push(term.slice(0, Math.max(2, Math.ceil(term.length / 2))));
  else if (variant === 2) queries.push(term.split(' ').map(typo).join(' '));
  else if (variant === 3) queries.push(foldText(term));
  else queries.push(pick(['xyzzy', 'qwerty', 'blåbærgrød', 'zzkkqq', 'flibbertigibbet']));
}

const started = performance.now();
getTaxonomyIndex();
const buildMs = performance.now() - started;
for (const q of queries.slice(0, 200)) lookupTaxonomy({ q, lang: 'da' });

const times: number[] = [];
let hits = 0;
for (const q of queries) {
  const t = performance.now();
  const results = lookupTaxonomy({ q, lang: 'da', limit: 10 });
  times.push(performance.now() - t);
  if (results.length > 0) hits++;
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
console.log(`bench skill_lookup_index_build ${buildMs.toFixed(1)} ms (${taxonomy.skills.length} skills, ${taxonomy.occupations.length} occupations)`);
console.log(`bench skill_lookup_p50 ${at(0.5)} ms`);
console.log(`bench skill_lookup_p95 ${at(0.95)} ms`);
console.log(`bench skill_lookup_max ${at(1)} ms`);
console.log(`bench skill_lookup_queries_with_results ${hits}/${queries.length}`);
