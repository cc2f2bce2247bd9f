/**
 * Skill and occupation lookup by any label or synonym in any of the four
 * languages, tolerant of typos and missing diacritics.
 *
 * A small hand-written index (see docs/decisions/0003-taxonomy.md):
 * every label and synonym becomes an entry of folded words; a query word
 * matches an indexed word exactly, as a prefix, or within a Damerau–Levenshtein
 * budget (1 for 4–7 letters, 2 for 8+). Every query word must match. Ranking:
 * exact > prefix > fuzzy, preferred label > synonym, whole phrase > part of it.
 */
import type { Locale } from '../../db/schema.js';
import { boundedDamerauLevenshtein, tokenize, typoBudget } from './normalise.js';
import { getTaxonomy, type SectorId, type Taxonomy } from './taxonomy.js';

export type LookupKind = 'skill' | 'occupation';

export interface LookupQuery {
  q: string;
  lang: Locale;
  kinds?: LookupKind[];
  limit?: number;
}

export interface LookupResult {
  kind: LookupKind;
  uri: string;
  /** The preferred label in the requested language. */
  label: string;
  /** The label or synonym (in whatever language) that matched the query. */
  matched: string;
  score: number;
  sectors?: SectorId[];
}

interface Target {
  kind: LookupKind;
  uri: string;
  labels: Record<Locale, string>;
  sectors: SectorId[];
}

interface Entry {
  target: number;
  text: string;
  tokens: number[];
  phrase: string;
  preferred: boolean;
}

export interface TaxonomyIndex {
  targets: Target[];
  entries: Entry[];
  vocabulary: string[];
  tokenId: Map<string, number>;
  /** vocabulary ids sorted by word, for prefix ranges */
  sortedIds: number[];
  /** token id → entry ids containing it */
  postings: number[][];
  /** word length → token ids, for the typo scan */
  byLength: Map<number, number[]>;
}

const EXACT = 1;
const PREFIX = 0.8;
const TYPO_1 = 0.6;
const TYPO_2 = 0.45;
const SYNONYM_FACTOR = 0.92;
const WHOLE_PHRASE_BONUS = 0.15;

/** Builds the in-memory index over every label and synonym of a taxonomy. */
export function buildTaxonomyIndex(taxonomy: Taxonomy): TaxonomyIndex {
  const targets: Target[] = [];
  const entries: Entry[] = [];
  const vocabulary: string[] = [];
  const tokenId = new Map<string, number>();
  const postings: number[][] = [];
  const entryByKey = new Map<string, Entry>();

  const idOf = (word: string): number => {
    let id = tokenId.get(word);
    if (id === undefined) {
      id = vocabulary.length;
      vocabulary.push(word);
      tokenId.set(word, id);
      postings.push([]);
    }
    return id;
  };

  const addEntry = (target: number, text: string, preferred: boolean) => {
    const words = tokenize(text);
    if (words.length === 0) return;
    const phrase = words.join(' ');
    const key = `${target} ${phrase}`;
    const existing = entryByKey.get(key);
    if (existing) {
      // Keep the stronger (preferred) form of a repeated phrase.
      if (preferred) existing.preferred = true;
      return;
    }
    const tokens = [...new Set(words.map(idOf))];
    const id = entries.length;
    const entry: Entry = { target, text, tokens, phrase, preferred };
    entries.push(entry);
    entryByKey.set(key, entry);
    for (const t of tokens) postings[t]?.push(id);
  };

  const addTarget = (
    kind: LookupKind,
    item: { uri: string; labels: Record<Locale, string>; synonyms: Record<Locale, string[]> },
    sectors: SectorId[],
  ) => {
    const target = targets.length;
    targets.push({ kind, uri: item.uri, labels: item.labels, sectors });
    for (const lang of ['da', 'en', 'ar', 'uk'] as const) addEntry(target, item.labels[lang], true);
    for (const lang of ['da', 'en', 'ar', 'uk'] as const) {
      for (const synonym of item.synonyms[lang]) addEntry(target, synonym, false);
    }
  };

  for (const occupation of taxonomy.occupations) addTarget('occupation', occupation, [occupation.sector]);
  for (const skill of taxonomy.skills) addTarget('skill', skill, skill.sectors);

  const sortedIds = vocabulary.map((_, i) => i).sort((a, b) => (vocabulary[a] < vocabulary[b] ? -1 : vocabulary[a] > vocabulary[b] ? 1 : 0));
  const byLength = new Map<number, number[]>();
  vocabulary.forEach((word, id) => {
    const list = byLength.get(word.length) ?? [];
    list.push(id);
    byLength.set(word.length, list);
  });
  return { targets, entries, vocabulary, tokenId, sortedIds, postings, byLength };
}

/** Indexed words matching one query word, with the quality of each match. */
function matchWord(index: TaxonomyIndex, word: string): Map<number, number> {
  const matches = new Map<number, number>();
  const exact = index.tokenId.get(word);
  if (exact !== undefined) matches.set(exact, EXACT);

  if (word.length >= 2) {
    // Binary search for the first word >= query word, then walk while it is a prefix.
    const { sortedIds, vocabulary } = index;
    let lo = 0;
    let hi = sortedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[sortedIds[mid]] < word) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sortedIds.length; i++) {
      const id = sortedIds[i];
      if (!vocabulary[id].startsWith(word)) break;
      if (!matches.has(id)) matches.set(id, PREFIX);
    }
  }

  // A word that exists as typed is not treated as a typo of another word:
  // cheaper, and "svejser" should not also pull in "slagter"-like neighbours.
  const budget = exact === undefined ? typoBudget(word) : 0;
  if (budget > 0) {
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const id of index.byLength.get(length) ?? []) {
        if (matches.has(id)) continue;
        const candidate = index.vocabulary[id];
        // Typos in the first letter are rare and the check prunes most of the scan.
        if (candidate[0] !== word[0] && candidate[1] !== word[1]) continue;
        const cap = Math.min(budget, typoBudget(candidate) || 1);
        const d = boundedDamerauLevenshtein(word, candidate, cap);
        if (d === 1) matches.set(id, TYPO_1);
        else if (d === 2 && cap >= 2) matches.set(id, TYPO_2);
      }
    }
  }
  return matches;
}

/** Searches an index; see {@link lookupTaxonomy}. */
export function searchTaxonomyIndex(index: TaxonomyIndex, query: LookupQuery): LookupResult[] {
  const words = [...new Set(tokenize(query.q))].slice(0, 8);
  if (words.length === 0) return [];
  const limit = Math.max(1, Math.min(query.limit ?? 10, 50));
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : undefined;

  // entry id → per-query-word best quality
  const perEntry = new Map<number, number[]>();
  for (let w = 0; w < words.length; w++) {
    for (const [tokenId, quality] of matchWord(index, words[w])) {
      for (const entryId of index.postings[tokenId]) {
        let qualities = perEntry.get(entryId);
        if (!qualities) {
          if (w > 0) continue; // every query word must match: entries missing word 0 can never qualify
          qualities = new Array<number>(words.length).fill(0);
          perEntry.set(entryId, qualities);
        }
        if (quality > qualities[w]) qualities[w] = quality;
      }
    }
  }

  const queryPhrase = words.join(' ');
  const best = new Map<number, { score: number; entry: Entry }>();
  for (const [entryId, qualities] of perEntry) {
    if (qualities.some((q) => q === 0)) continue;
    const entry = index.entries[entryId];
    const target = index.targets[entry.target];
    if (kinds && !kinds.has(target.kind)) continue;
    const mean = qualities.reduce((a, b) => a + b, 0) / qualities.length;
    // Prefer entries the query covers more fully: "opvask" is closer to "opvask" than to "tage opvasken".
    const coverage = Math.min(1, words.length / entry.tokens.length);
    let score = mean * (0.75 + 0.25 * coverage);
    if (entry.phrase === queryPhrase) score += WHOLE_PHRASE_BONUS;
    if (!entry.preferred) score *= SYNONYM_FACTOR;
    const current = best.get(entry.target);
    if (!current || score > current.score) best.set(entry.target, { score, entry });
  }

  return [...best.entries()]
    .sort((a, b) => b[1].score - a[1].score || a[1].entry.text.length - b[1].entry.text.length)
    .slice(0, limit)
    .map(([targetId, { score, entry }]) => {
      const target = index.targets[targetId];
      return {
        kind: target.kind,
        uri: target.uri,
        label: target.labels[query.lang],
        matched: entry.text,
        score: Math.round(score * 1000) / 1000,
        sectors: target.sectors,
      };
    });
}

let defaultIndex: TaxonomyIndex | undefined;

/** The index over the shipped taxonomy, built on first use (a few milliseconds). */
export function getTaxonomyIndex(): TaxonomyIndex {
  defaultIndex ??= buildTaxonomyIndex(getTaxonomy());
  return defaultIndex;
}

/**
 * Finds skills and occupations whose label or synonym, in any language, matches
 * `q`; returns labels in `lang`, best first. Unknown words give no results.
 */
export function lookupTaxonomy(query: LookupQuery): LookupResult[] {
  return searchTaxonomyIndex(getTaxonomyIndex(), query);
}
