/**
 * Scoring the lookup against a labelled query set (tests/fixtures/lookup/):
 * each query lists the skills and occupations a person typing it would be
 * glad to pick. Shared by `npm run bench:lookup` and the labelled-set test.
 *
 * recall@k is the share of queries for which at least one accepted answer is
 * among the first k results (any accepted answer satisfies the person);
 * MRR is the mean of 1 / rank of the first accepted answer (0 when none is
 * in the first 10).
 */
import type { LookupKind } from './lookup.js';
import type { Taxonomy } from './taxonomy.js';

export interface LabelledQuery {
  q: string;
  /** ESCO URIs of the accepted skills and occupations. */
  accepted: string[];
}

export interface LookupScores {
  queries: number;
  recallAt5: number;
  mrr: number;
  /** Queries with no accepted answer in the first five, with what came first. */
  misses: { q: string; got: string[] }[];
}

/**
 * Parses a labelled set (`query ~ o:label; s:label`, `#` comments). Labels are
 * English ESCO labels; an unknown label is an error naming the line, so a
 * label cannot silently stop counting.
 */
export function parseLabelledSet(text: string, taxonomy: Taxonomy): LabelledQuery[] {
  const uriOf = new Map<string, string>();
  for (const o of taxonomy.occupations) uriOf.set(`o:${o.labels.en.toLowerCase()}`, o.uri);
  for (const s of taxonomy.skills) uriOf.set(`s:${s.labels.en.toLowerCase()}`, s.uri);
  const queries: LabelledQuery[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [q = '', answers = ''] = line.split('~').map((part) => part.trim());
    const accepted = answers
      .split(';')
      .map((a) => a.trim())
      .filter((a) => a !== '')
      .map((answer) => {
        const uri = uriOf.get(answer.toLowerCase());
        if (!uri) throw new Error(`line ${i + 1}: unknown answer "${answer}"`);
        return uri;
      });
    if (q === '' || accepted.length === 0) throw new Error(`line ${i + 1}: a query needs at least one accepted answer`);
    queries.push({ q, accepted });
  });
  return queries;
}

/** Scores a lookup function (top results' URIs for a query) on a labelled set. */
export function scoreLookup(
  queries: readonly LabelledQuery[],
  lookup: (q: string) => { uri: string; label: string; kind: LookupKind }[],
): LookupScores {
  let found = 0;
  let reciprocal = 0;
  const misses: LookupScores['misses'] = [];
  for (const { q, accepted } of queries) {
    const results = lookup(q).slice(0, 10);
    const rank = results.findIndex((r) => accepted.includes(r.uri));
    if (rank >= 0 && rank < 5) found++;
    else misses.push({ q, got: results.slice(0, 5).map((r) => `${r.kind[0]}:${r.label}`) });
    if (rank >= 0) reciprocal += 1 / (rank + 1);
  }
  const n = Math.max(1, queries.length);
  return { queries: queries.length, recallAt5: found / n, mrr: reciprocal / n, misses };
}
