/**
 * The one skill and occupation lookup (candidate skill step, employer skill
 * picker, consultant forms, GET /api/v1/skills): any label or synonym in any
 * of the four languages, typed in everyday words, with typos, without
 * diacritics, or half-typed.
 *
 * Built on MiniSearch (docs/decisions/0010-lookup-on-minisearch-with-one-text-analysis.md).
 * Every label and synonym is one small document, indexed in the field of its
 * language with that language's analysis (search/text-analysis.ts, shared
 * with the embedded search engine). A query is analysed for each language
 * its script can be (Latin: Danish and English; Arabic; Cyrillic:
 * Ukrainian); every query word must match; the last word may be a prefix;
 * analysed words of four letters or more may carry one typo (seven or more: two).
 * Hits are grouped by skill or occupation, best label first.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Locale } from '../../db/schema.js';
import { analyseText, analyseWord, analysisLanguages, languageOfScript, textWords, type AnalysisLanguage } from '../../search/text-analysis.js';
import { getTaxonomy, locales, type SectorId, type Taxonomy } from './taxonomy.js';

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

/** One label or synonym: its text sits in the field named after its language. */
interface Entry {
  id: number;
  target: number;
  text: string;
  preferred: boolean;
  kind: LookupKind;
  /** How many analysed words the text has: a query covering all of them is a closer match. */
  words: number;
  da?: string;
  en?: string;
  ar?: string;
  uk?: string;
}

export interface TaxonomyIndex {
  targets: Target[];
  entries: Entry[];
  search: MiniSearch<Entry>;
}

/** A preferred label outranks a synonym that matches as well. */
const PREFERRED_BOOST = 1.3;
/**
 * Up to this factor for a text the query covers whole: "cleaning" is a closer
 * match for the skill called "cleaning" than for "clean rooms".
 */
const COVERAGE_BOOST = 1;

function languageOfField(field: string | undefined): AnalysisLanguage {
  return analysisLanguages.find((language) => language === field) ?? 'da';
}

const analyseOrDrop = (language: AnalysisLanguage) => (term: string) => analyseWord(term, language) || null;

/** Typo budget by analysed word length: none under 4 letters, 1 for 4–6, 2 for 7 and more. */
export function typoBudget(term: string): number {
  const length = [...term].length;
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/** Builds the lookup index over every label and synonym of a taxonomy. */
export function buildTaxonomyIndex(taxonomy: Taxonomy): TaxonomyIndex {
  const targets: Target[] = [];
  const entries: Entry[] = [];
  const seen = new Set<string>();

  const addTarget = (
    kind: LookupKind,
    item: { uri: string; labels: Record<Locale, string>; synonyms: Record<Locale, string[]> },
    sectors: SectorId[],
  ) => {
    const target = targets.length;
    targets.push({ kind, uri: item.uri, labels: item.labels, sectors });
    for (const language of locales) {
      const texts = [{ text: item.labels[language], preferred: true }, ...item.synonyms[language].map((text) => ({ text, preferred: false }))];
      for (const { text, preferred } of texts) {
        const key = `${target} ${language} ${text.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const words = analyseText(text, language).length;
        if (words === 0) continue;
        entries.push({ id: entries.length, target, text, preferred, kind, words, [language]: text });
      }
    }
  };
  for (const occupation of taxonomy.occupations) addTarget('occupation', occupation, [occupation.sector]);
  for (const skill of taxonomy.skills) addTarget('skill', skill, skill.sectors);

  const search = new MiniSearch<Entry>({
    fields: [...analysisLanguages],
    storeFields: ['target', 'preferred', 'kind'],
    tokenize: (text) => textWords(text),
    processTerm: (term, field) => analyseWord(term, languageOfField(field)) || null,
    searchOptions: {
      combineWith: 'AND',
      // A one-letter prefix matches a good part of the vocabulary and helps nobody choose.
      prefix: (term, i, terms) => i === terms.length - 1 && [...term].length >= 2,
      fuzzy: (term) => typoBudget(term),
      maxFuzzy: 2,
      boostDocument: (_id, _term, stored) => (stored?.preferred === true ? PREFERRED_BOOST : 1),
    },
  });
  search.addAll(entries);
  return { targets, entries, search };
}

/** The languages a query may be written in, by the scripts of its words. */
function queryLanguages(words: string[]): AnalysisLanguage[] {
  const languages = new Set<AnalysisLanguage>();
  for (const word of words) {
    const script = languageOfScript(word);
    if (script === 'da') {
      languages.add('da');
      languages.add('en');
    } else languages.add(script);
  }
  return [...languages];
}

/** Searches an index; see {@link lookupTaxonomy}. */
export function searchTaxonomyIndex(index: TaxonomyIndex, query: LookupQuery): LookupResult[] {
  const words = textWords(query.q).slice(0, 8);
  if (words.length === 0) return [];
  const limit = Math.max(1, Math.min(query.limit ?? 10, 50));
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : undefined;
  const text = words.join(' ');
  const hits: SearchResult[] = index.search.search(
    {
      combineWith: 'OR',
      queries: queryLanguages(words).map((language) => ({
        queries: [text],
        fields: [language],
        processTerm: analyseOrDrop(language),
        combineWith: 'AND',
      })),
    },
    kinds ? { filter: (hit) => kinds.has(hit.kind) } : {},
  );

  const best = new Map<number, { score: number; entry: Entry; matches: number }>();
  for (const hit of hits) {
    const entry = index.entries[hit.id];
    if (!entry) continue;
    const coverage = Math.min(1, hit.terms.length / entry.words);
    const score = hit.score * (1 + COVERAGE_BOOST * coverage * coverage);
    const current = best.get(entry.target);
    const matches = (current?.matches ?? 0) + 1;
    if (!current || score > current.score) best.set(entry.target, { score, entry, matches });
    else current.matches = matches;
  }
  // Equal scores: a label or synonym that is exactly what was typed first ("dishwasher" is the
  // person, before the dishwashing skill); then the skill or occupation more of whose labels and
  // synonyms match (half-typed "بالراف" is the forklift, named so in several ways, before each crane).
  const typed = text.toLocaleLowerCase();
  const exact = (entry: Entry) => (entry.text.toLocaleLowerCase() === typed ? 1 : 0);
  return [...best.entries()]
    .sort(
      (a, b) =>
        b[1].score - a[1].score ||
        exact(b[1].entry) - exact(a[1].entry) ||
        b[1].matches - a[1].matches ||
        a[1].entry.text.length - b[1].entry.text.length,
    )
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

/** The index over the shipped taxonomy, built on first use. */
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
