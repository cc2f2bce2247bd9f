/**
 * npm run bench:lookup — the lookup's quality and speed on the labelled query
 * sets in tests/fixtures/lookup/ (one per language):
 *
 *   lookup <lang> recall@5=<x> mrr=<x>
 *   lookup p50=<ms> p95=<ms> (<n> lookups: every query and every prefix of it, as typed)
 *
 * Targets (issue 25): recall@5 ≥ 0.9 in every language, p95 < 10 ms.
 * Pass --misses to list the queries without an accepted answer in the first five.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLabelledSet, scoreLookup } from '../app/taxonomy/lookup-evaluation.js';
import { getTaxonomyIndex, lookupTaxonomy } from '../app/taxonomy/lookup.js';
import { getTaxonomy, locales } from '../app/taxonomy/taxonomy.js';

const fixtures = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'tests/fixtures/lookup');
const showMisses = process.argv.includes('--misses');

const buildStart = performance.now();
getTaxonomyIndex();
console.log(`lookup index built in ${(performance.now() - buildStart).toFixed(0)} ms`);

const typed: { q: string; lang: (typeof locales)[number] }[] = [];
for (const lang of locales) {
  const set = parseLabelledSet(readFileSync(join(fixtures, `${lang}.txt`), 'utf8'), getTaxonomy());
  const scores = scoreLookup(set, (q) => lookupTaxonomy({ q, lang, limit: 10 }));
  console.log(`lookup ${lang} recall@5=${scores.recallAt5.toFixed(3)} mrr=${scores.mrr.toFixed(3)}`);
  if (showMisses) for (const miss of scores.misses) console.log(`  miss ${miss.q} → ${miss.got.join(' | ') || '(nothing)'}`);
  for (const { q } of set) for (let i = 1; i <= q.length; i++) typed.push({ q: q.slice(0, i), lang });
}

// Warm up (JIT, the analysis cache) before timing, as a running server would be.
for (const query of typed) lookupTaxonomy({ ...query, limit: 10 });
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const query of typed) {
    const start = performance.now();
    lookupTaxonomy({ ...query, limit: 10 });
    times.push(performance.now() - start);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
console.log(
  `lookup p50=${at(0.5).toFixed(2)} ms p95=${at(0.95).toFixed(2)} ms (${times.length} lookups: every query and every prefix of it, as typed)`,
);
