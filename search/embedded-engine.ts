/**
 * The embedded search engine: Orama in this process, for development, demos
 * and single-process installs.
 *
 * - Full text goes through Orama, which indexes only the searchable fields,
 *   with our own tokenizer: words of any script are kept (Orama's Danish
 *   splitter drops Arabic and Cyrillic), and Latin words get the Danish
 *   stemmer.
 * - Filters never go through Orama. The engine keeps its own secondary
 *   indexes over document numbers (value → documents for keywords and
 *   booleans, sorted arrays for numbers, a 0.25° grid for the geopoint), and
 *   a small planner picks, per query, a superset of the matches from them:
 *   the smallest branch of an `and`, the union of an `or`'s branches. Only
 *   those documents are checked with the compiled `matchesFilter` (the
 *   contract suite's reference), so results are exact and a selective
 *   filter never scans the whole index.
 * Measured on the national-scale bench (30,000 candidates): see the README.
 */
import {
  create,
  insertMultiple,
  removeMultiple,
  search as oramaSearch,
  type AnyOrama,
  type SearchableType,
  type Tokenizer,
} from '@orama/orama';
import { stemmer as danishStemmer } from '@orama/stemmers/danish';
import type {
  Filter,
  IndexSettings,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
} from './engine.js';
import { compileFilter, geoFieldOf, isGeoPoint } from './match-filter.js';

/** Letters, combining marks (Arabic harakat, Devanagari vowel signs) and digits of any script make words. */
const WORD_SEPARATOR = /[^\p{L}\p{M}\p{N}]+/u;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;
/** Arabic short vowels, shadda, sukun, dagger alef and tatweel: written or not, the word is the same. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/gu;

/**
 * The tokenizer for indexing and for query terms alike. Latin words get the
 * Danish stemmer (so "opvasker" finds "opvaskeren"); words in other scripts
 * are kept as written, Arabic without its optional vowel marks. Normalised
 * words are cached: the slot texts repeat the same taxonomy labels thousands
 * of times.
 */
function createTokenizer(): Tokenizer {
  const normalizationCache = new Map<string, string>();
  const normalize = (word: string): string => {
    let token = normalizationCache.get(word);
    if (token === undefined) {
      token = LATIN_WORD.test(word) ? danishStemmer(word) : word.replace(ARABIC_MARKS, '');
      normalizationCache.set(word, token);
    }
    return token;
  };
  // Whole texts repeat too (occupation labels, titles from the same employer): their tokens are kept.
  const textCache = new Map<string, readonly string[]>();
  return {
    language: 'danish',
    normalizationCache,
    tokenize(raw) {
      if (typeof raw !== 'string') return [String(raw)];
      const cached = textCache.get(raw);
      // A copy: Orama owns the arrays it is given.
      if (cached) return [...cached];
      const tokens = new Set<string>();
      for (const word of raw.normalize('NFC').toLowerCase().split(WORD_SEPARATOR)) {
        if (word === '') continue;
        const token = normalize(word);
        if (token !== '') tokens.add(token);
      }
      const result = [...tokens];
      if (raw.length <= MAX_CACHED_TEXT && textCache.size < MAX_CACHED_TEXTS) textCache.set(raw, result);
      return [...result];
    },
  };
}

/** Texts up to this length (titles, labels, a query) have their tokens cached, up to this many. */
const MAX_CACHED_TEXT = 200;
const MAX_CACHED_TEXTS = 50_000;

/** Value → document numbers, for exact conditions on keyword and boolean fields. */
type KeywordIndex = Map<unknown, Set<number>>;

/**
 * A number field's documents sorted by value, rebuilt lazily after writes
 * (a rebuild of 30,000 values takes a few ms; reindexing writes in batches).
 * Documents whose value is an array go to `irregular` and are always
 * candidates: each bound of a range may be met by a different element.
 */
type NumberIndex = { values: Float64Array; numbers: Int32Array; irregular: number[] };

/** Grid cell size of the geo index, in degrees. */
const GEO_CELL_DEGREES = 0.25;
/** Above this many grid cells a radius covers most of the map: scanning is cheaper. */
const MAX_GEO_CELLS = 4_096;

const cellOf = (degrees: number) => Math.floor(degrees / GEO_CELL_DEGREES);
/** One number per cell: latitude cells span -360..360, longitude cells -720..720. */
const cellKey = (latCell: number, lngCell: number) => (latCell + 1_000) * 4_000 + (lngCell + 2_000);

type IndexState = {
  settings: IndexSettings;
  settingsKey: string;
  /** Only when the index has searchable fields (the candidates index has none). */
  orama: AnyOrama | undefined;
  documents: Map<string, SearchDocument>;
  /** Document number → document (undefined once removed); numbers are never reused. */
  byNumber: Array<SearchDocument | undefined>;
  numberOf: Map<string, number>;
  geoField: string | undefined;
  /** Lower-cased word → the other words of its synonym groups. */
  synonyms: Map<string, string[]>;
  boost: Record<string, number>;
  keywords: Map<string, KeywordIndex>;
  numbers: Map<string, NumberIndex | undefined>;
  /** Geo cell → document numbers. */
  geo: Map<number, Set<number>>;
  /** Keyword and geo sets as arrays, made on first read after a write (iterating a Set costs more). */
  postings: WeakMap<Set<number>, Int32Array>;
  /** Per-query "seen" marks for de-duplicating candidates without clearing an array. */
  seen: Uint32Array;
  generation: number;
};

/** Words shorter than this get no typo tolerance (Meilisearch's `oneTypo: 5`). */
const MIN_WORD_SIZE_FOR_TYPO = 5;

function createOrama(settings: IndexSettings): AnyOrama | undefined {
  const schema: Record<string, SearchableType> = {};
  for (const name of settings.searchable) {
    const type = settings.fields[name];
    if (name === 'id' || type === undefined) continue;
    // Filters are answered by the engine's own indexes, so Orama holds text only.
    schema[name] = type === 'string[]' || type === 'keyword[]' ? 'string[]' : 'string';
  }
  if (Object.keys(schema).length === 0) return undefined;
  return create({
    schema,
    // Sorting is done on the matching documents in JS; Orama's sorter would index every field.
    sort: { enabled: false },
    components: { tokenizer: createTokenizer() },
  });
}

/** The document as Orama indexes it: the searchable fields only, as text. */
function toOramaDocument(settings: IndexSettings, document: SearchDocument): Record<string, unknown> {
  const result: Record<string, unknown> = { id: document.id };
  for (const name of settings.searchable) {
    const type = settings.fields[name];
    const value = document[name];
    if (name === 'id' || type === undefined || value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      result[name] = value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
      if (type !== 'string[]' && type !== 'keyword[]') result[name] = value.join(' ');
    } else if (typeof value === 'string' || typeof value === 'number') {
      result[name] = String(value);
    }
  }
  return result;
}

function synonymMap(groups: string[][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    const words = group.map((word) => word.trim().toLowerCase()).filter((word) => word !== '');
    for (const word of words) {
      const others = words.filter((other) => other !== word);
      map.set(word, [...new Set([...(map.get(word) ?? []), ...others])]);
    }
  }
  return map;
}

/** Filterable fields answered from a value → documents map. */
function keywordFields(settings: IndexSettings): string[] {
  return settings.filterable.filter((field) => {
    const type = settings.fields[field];
    return field !== 'id' && (type === 'keyword' || type === 'keyword[]' || type === 'boolean');
  });
}

function numberFields(settings: IndexSettings): string[] {
  return settings.filterable.filter((field) => settings.fields[field] === 'number');
}

function indexDocument(state: IndexState, document: SearchDocument, n: number, add: boolean): void {
  for (const [field, byValue] of state.keywords) {
    const value = document[field];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      let numbers = byValue.get(item);
      if (add) {
        if (!numbers) byValue.set(item, (numbers = new Set()));
        numbers.add(n);
      } else if (numbers) {
        numbers.delete(n);
        if (numbers.size === 0) byValue.delete(item);
      }
    }
  }
  // Sorted number arrays and posting arrays are rebuilt on the next query that needs them.
  for (const field of state.numbers.keys()) state.numbers.set(field, undefined);
  state.postings = new WeakMap();
  if (state.geoField !== undefined) {
    const point = document[state.geoField];
    if (isGeoPoint(point)) {
      const key = cellKey(cellOf(point.lat), cellOf(point.lng));
      let numbers = state.geo.get(key);
      if (add) {
        if (!numbers) state.geo.set(key, (numbers = new Set()));
        numbers.add(n);
      } else if (numbers) {
        numbers.delete(n);
        if (numbers.size === 0) state.geo.delete(key);
      }
    }
  }
}

function numberIndexOf(state: IndexState, field: string): NumberIndex {
  const existing = state.numbers.get(field);
  if (existing) return existing;
  const scalars: number[] = [];
  const irregular: number[] = [];
  state.byNumber.forEach((document, n) => {
    const value = document?.[field];
    if (typeof value === 'number') scalars.push(n);
    else if (Array.isArray(value)) irregular.push(n);
  });
  const valueOf = (n: number): number => {
    const value = state.byNumber[n]?.[field];
    return typeof value === 'number' ? value : Number.NaN;
  };
  // NaN never passes a range, so it sorts last and binary searches never reach it.
  scalars.sort((a, b) => {
    const av = valueOf(a);
    const bv = valueOf(b);
    if (Number.isNaN(av) || Number.isNaN(bv)) return Number.isNaN(av) === Number.isNaN(bv) ? 0 : Number.isNaN(av) ? 1 : -1;
    return av - bv;
  });
  const index: NumberIndex = {
    values: Float64Array.from(scalars, valueOf),
    numbers: Int32Array.from(scalars),
    irregular,
  };
  state.numbers.set(field, index);
  return index;
}

/** First position whose value is ≥ `bound` (or > `bound` when `strict`). */
function lowerBound(values: Float64Array, bound: number, strict: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const value = values[middle]!;
    if (strict ? value <= bound : value < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

function postingsOf(state: IndexState, set: Set<number>): Int32Array {
  let postings = state.postings.get(set);
  if (!postings) state.postings.set(set, (postings = Int32Array.from(set)));
  return postings;
}

/** A superset of a filter's matches: how many (with repeats) and how to list them. */
type Plan = { size: number; collect: (visit: (n: number) => void) => void };

/** Meters per degree of arc on match-filter's sphere (radius 6,371 km). */
const EARTH_METERS_PER_DEGREE = 111_194;

function geoPlan(state: IndexState, centre: { lat: number; lng: number; meters: number }): Plan | undefined {
  const latDelta = centre.meters / 110_500 + GEO_CELL_DEGREES;
  const maxAbsLat = Math.min(89.9, Math.abs(centre.lat) + latDelta);
  const lngDelta = centre.meters / (EARTH_METERS_PER_DEGREE * Math.cos((maxAbsLat * Math.PI) / 180)) + GEO_CELL_DEGREES;
  if (!Number.isFinite(lngDelta) || lngDelta >= 180) return undefined;
  const latFrom = cellOf(Math.max(-90, centre.lat - latDelta));
  const latTo = cellOf(Math.min(90, centre.lat + latDelta));
  // Longitudes wrap at ±180; a radius that crosses it is left to a scan (not a Danish case).
  if (centre.lng - lngDelta < -180 || centre.lng + lngDelta > 180) return undefined;
  const lngFrom = cellOf(centre.lng - lngDelta);
  const lngTo = cellOf(centre.lng + lngDelta);
  if ((latTo - latFrom + 1) * (lngTo - lngFrom + 1) > MAX_GEO_CELLS) return undefined;
  const cells: Int32Array[] = [];
  let size = 0;
  for (let lat = latFrom; lat <= latTo; lat += 1) {
    for (let lng = lngFrom; lng <= lngTo; lng += 1) {
      const numbers = state.geo.get(cellKey(lat, lng));
      if (numbers) {
        cells.push(postingsOf(state, numbers));
        size += numbers.size;
      }
    }
  }
  return {
    size,
    collect: (visit) => {
      for (const numbers of cells) for (let i = 0; i < numbers.length; i += 1) visit(numbers[i]!);
    },
  };
}

function rangePlan(state: IndexState, field: string, bounds: { gte?: number; lte?: number; gt?: number; lt?: number }): Plan {
  const { values, numbers, irregular } = numberIndexOf(state, field);
  let from = 0;
  let to = values.length;
  if (bounds.gte !== undefined) from = Math.max(from, lowerBound(values, bounds.gte, false));
  if (bounds.gt !== undefined) from = Math.max(from, lowerBound(values, bounds.gt, true));
  if (bounds.lte !== undefined) to = Math.min(to, lowerBound(values, bounds.lte, true));
  if (bounds.lt !== undefined) to = Math.min(to, lowerBound(values, bounds.lt, false));
  // Values that are not numbers (NaN) sort last; an unbounded top must stop before them.
  if (bounds.lte === undefined && bounds.lt === undefined) to = Math.min(to, lowerBound(values, Number.POSITIVE_INFINITY, true));
  const count = Math.max(0, to - from);
  return {
    size: count + irregular.length,
    collect: (visit) => {
      for (let i = from; i < to; i += 1) visit(numbers[i]!);
      for (const n of irregular) visit(n);
    },
  };
}

/**
 * Documents of `driver` that `filterBy` also lists. Marking costs a few ns a
 * document, checking one with the compiled filter (ranges, a haversine) far
 * more, so visiting only the intersection pays even when `filterBy` is large.
 * The size is an estimate (independence), used only to choose plans.
 */
function intersect(state: IndexState, driver: Plan, filterBy: Plan): Plan {
  const total = Math.max(1, state.documents.size);
  return {
    size: Math.ceil((driver.size * Math.min(total, filterBy.size)) / total),
    collect: (visit) => {
      // Own marks per intersection: plans nest (an or of ands inside an and).
      const marks = new Uint8Array(state.byNumber.length);
      filterBy.collect((n) => {
        marks[n] = 1;
      });
      driver.collect((n) => {
        if (marks[n] === 1) visit(n);
      });
    },
  };
}

/** Beyond this ratio of sizes, marking the larger side costs more than it saves. */
const MAX_INTERSECT_RATIO = 16;

/** A plan for `filter`, or undefined when only a full scan can tell. */
function planFor(filter: Filter, state: IndexState): Plan | undefined {
  if ('and' in filter) {
    const plans: Plan[] = [];
    for (const child of filter.and) {
      const plan = planFor(child, state);
      if (!plan) continue;
      if (plan.size === 0) return plan;
      plans.push(plan);
    }
    if (plans.length === 0) return undefined;
    plans.sort((a, b) => a.size - b.size);
    const [smallest, next] = plans;
    if (smallest && next && next.size <= MAX_INTERSECT_RATIO * smallest.size) return intersect(state, smallest, next);
    return smallest;
  }
  if ('or' in filter) {
    const plans: Plan[] = [];
    for (const child of filter.or) {
      const plan = planFor(child, state);
      if (!plan) return undefined;
      plans.push(plan);
    }
    return {
      size: plans.reduce((sum, plan) => sum + plan.size, 0),
      collect: (visit) => {
        for (const plan of plans) plan.collect(visit);
      },
    };
  }
  // `not` and `exists` keep documents without a value, which no index lists.
  if ('not' in filter || 'exists' in filter) return undefined;
  if ('geo' in filter) return state.geoField === undefined ? { size: 0, collect: () => undefined } : geoPlan(state, filter.geo);
  const field = filter.field;
  const byValue = state.keywords.get(field);
  if ('eq' in filter || 'in' in filter) {
    const values = 'eq' in filter ? [filter.eq] : filter.in;
    if (byValue) {
      const sets = values.map((value) => byValue.get(value)).filter((set): set is Set<number> => set !== undefined);
      return {
        size: sets.reduce((sum, set) => sum + set.size, 0),
        collect: (visit) => {
          for (const set of sets) {
            const numbers = postingsOf(state, set);
            for (let i = 0; i < numbers.length; i += 1) visit(numbers[i]!);
          }
        },
      };
    }
    if (state.numbers.has(field) && values.length === 1 && typeof values[0] === 'number') {
      return rangePlan(state, field, { gte: values[0], lte: values[0] });
    }
    return undefined;
  }
  if (state.numbers.has(field)) return rangePlan(state, field, filter);
  return undefined;
}

type Scored = { document: SearchDocument; score: number };

function compareValues(a: unknown, b: unknown): number {
  // Documents without a value come last in either direction, as in Meilisearch.
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const aText = String(a);
  const bText = String(b);
  return aText < bText ? -1 : aText > bText ? 1 : 0;
}

function comparatorFor(query: SearchQuery, byScore: boolean): (a: Scored, b: Scored) => number {
  const sort = query.sort ?? [];
  return (a, b) => {
    for (const { field, direction } of sort) {
      const av = a.document[field];
      const bv = b.document[field];
      if (av === undefined || av === null || bv === undefined || bv === null) {
        const order = compareValues(av, bv);
        if (order !== 0) return order;
        continue;
      }
      const order = compareValues(av, bv);
      if (order !== 0) return direction === 'asc' ? order : -order;
    }
    if (byScore && a.score !== b.score) return b.score - a.score;
    return a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0;
  };
}

/** The first `k` items in order, without sorting everything (30,000 matches, a page of 20). */
function firstInOrder<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 8 >= items.length) return [...items].sort(compare).slice(0, k);
  const best: T[] = [];
  for (const item of items) {
    if (best.length === k && compare(item, best[k - 1]) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(item, best[middle]) < 0) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function facetKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Words of a query, split as the tokenizer splits documents (letters, marks and digits of any script). */
function queryWords(q: string): string[] {
  return q
    .normalize('NFC')
    .toLowerCase()
    .split(WORD_SEPARATOR)
    .filter((word) => word !== '');
}

/**
 * The engine stores what callers upserted and returns it unchanged; the
 * caller names the document type of its index (the interface's generic).
 * This is the one place that trusts that naming.
 */
function asCallerDocument<TDocument extends SearchDocument>(document: SearchDocument): TDocument {
  return document as TDocument;
}

/** Creates an in-process engine. Indexes live in memory; the outbox and reindex fill them. */
export function createEmbeddedEngine(): SearchEngine {
  const indexes = new Map<string, IndexState>();

  function stateOf(index: string): IndexState {
    const state = indexes.get(index);
    if (!state) throw new Error(`Search index "${index}" is not configured`);
    return state;
  }

  function emptyState(settings: IndexSettings, settingsKey: string): IndexState {
    const boost: Record<string, number> = {};
    settings.searchable.forEach((field, position) => {
      boost[field] = Math.max(1, settings.searchable.length - position);
    });
    return {
      settings,
      settingsKey,
      orama: createOrama(settings),
      documents: new Map(),
      byNumber: [],
      numberOf: new Map(),
      geoField: geoFieldOf(settings),
      synonyms: synonymMap(settings.synonyms),
      boost,
      keywords: new Map(keywordFields(settings).map((field) => [field, new Map()])),
      numbers: new Map(numberFields(settings).map((field) => [field, undefined])),
      geo: new Map(),
      postings: new WeakMap(),
      seen: new Uint32Array(0),
      generation: 0,
    };
  }

  async function insertAll(state: IndexState, documents: SearchDocument[]): Promise<void> {
    for (const document of documents) {
      const n = state.byNumber.length;
      state.byNumber.push(document);
      state.numberOf.set(document.id, n);
      state.documents.set(document.id, document);
      indexDocument(state, document, n, true);
    }
    if (state.orama && documents.length > 0) {
      const { settings } = state;
      await insertMultiple(
        state.orama,
        documents.map((document) => toOramaDocument(settings, document)),
        1_000,
      );
    }
  }

  async function removeAll(state: IndexState, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if (state.orama) await removeMultiple(state.orama, ids, 1_000);
    for (const id of ids) {
      const n = state.numberOf.get(id);
      const old = n === undefined ? undefined : state.byNumber[n];
      if (n !== undefined && old) {
        indexDocument(state, old, n, false);
        state.byNumber[n] = undefined;
      }
      state.numberOf.delete(id);
      state.documents.delete(id);
    }
    // Replaced documents leave holes in the numbering; renumber when they outweigh the documents.
    if (state.byNumber.length > 2 * state.documents.size + 1_024) renumber(state);
  }

  function renumber(state: IndexState): void {
    state.byNumber = [];
    state.numberOf = new Map();
    state.keywords = new Map(keywordFields(state.settings).map((field) => [field, new Map()]));
    state.geo = new Map();
    for (const document of state.documents.values()) {
      const n = state.byNumber.length;
      state.byNumber.push(document);
      state.numberOf.set(document.id, n);
      indexDocument(state, document, n, true);
    }
  }

  /** Ids matching the words of `q` (every word, or one of its synonyms), with a relevance score. */
  async function fullTextMatches(state: IndexState, q: string): Promise<Map<string, number> | undefined> {
    const words = queryWords(q);
    if (words.length === 0) return undefined;
    if (!state.orama) return new Map();
    const orama = state.orama;
    let matched: Map<string, number> | undefined;
    const limit = Math.max(1, state.documents.size);
    for (const word of words) {
      const forWord = new Map<string, number>();
      for (const alternative of [word, ...(state.synonyms.get(word) ?? [])]) {
        const isOneWord = !/\s/.test(alternative);
        const tolerance =
          state.settings.typoTolerance && isOneWord && [...alternative].length >= MIN_WORD_SIZE_FOR_TYPO ? 1 : 0;
        const result = await oramaSearch(orama, {
          term: alternative,
          properties: state.settings.searchable,
          boost: state.boost,
          tolerance,
          threshold: 0,
          limit,
        });
        for (const hit of result.hits) forWord.set(hit.id, Math.max(forWord.get(hit.id) ?? 0, hit.score));
      }
      if (matched === undefined) {
        matched = forWord;
      } else {
        const previous: Map<string, number> = matched;
        matched = new Map([...forWord].filter(([id]) => previous.has(id)).map(([id, score]) => [id, score + (previous.get(id) ?? 0)]));
      }
      if (matched.size === 0) break;
    }
    return matched;
  }

  /** Documents passing the filter among the plan's, each once. */
  function planned(state: IndexState, plan: Plan, passes: (document: SearchDocument) => boolean): Scored[] {
    if (state.seen.length < state.byNumber.length) {
      state.seen = new Uint32Array(Math.max(1_024, state.byNumber.length * 2));
      state.generation = 0;
    }
    state.generation += 1;
    if (state.generation === 0xffffffff) {
      state.seen.fill(0);
      state.generation = 1;
    }
    const { seen, generation, byNumber } = state;
    const scored: Scored[] = [];
    plan.collect((n) => {
      if (seen[n] === generation) return;
      seen[n] = generation;
      const document = byNumber[n];
      if (document && passes(document)) scored.push({ document, score: 0 });
    });
    return scored;
  }

  async function candidates(state: IndexState, query: SearchQuery): Promise<Scored[]> {
    const passes = query.filter ? compileFilter(query.filter, state.geoField) : undefined;
    const textMatches = query.q ? await fullTextMatches(state, query.q) : undefined;
    if (textMatches !== undefined) {
      const scored: Scored[] = [];
      for (const [id, score] of textMatches) {
        const document = state.documents.get(id);
        if (document && (!passes || passes(document))) scored.push({ document, score });
      }
      return scored;
    }
    if (query.filter && passes) {
      const plan = planFor(query.filter, state);
      // A plan listing most documents costs more than a plain scan.
      if (plan && plan.size < state.documents.size) return planned(state, plan, passes);
      const scored: Scored[] = [];
      for (const document of state.documents.values()) if (passes(document)) scored.push({ document, score: 0 });
      return scored;
    }
    const scored: Scored[] = [];
    for (const document of state.documents.values()) scored.push({ document, score: 0 });
    return scored;
  }

  return {
    kind: 'embedded',

    async configureIndex(index, settings) {
      const settingsKey = JSON.stringify(settings);
      const existing = indexes.get(index);
      if (existing && existing.settingsKey === settingsKey) return;
      const state = emptyState(settings, settingsKey);
      if (existing) await insertAll(state, [...existing.documents.values()]);
      indexes.set(index, state);
    },

    async upsert(index, documents) {
      const state = stateOf(index);
      // The last version of a document wins when a batch repeats an id.
      const latest = new Map(documents.map((document) => [document.id, document]));
      await removeAll(
        state,
        [...latest.keys()].filter((id) => state.documents.has(id)),
      );
      await insertAll(state, [...latest.values()]);
    },

    async remove(index, ids) {
      const state = stateOf(index);
      await removeAll(
        state,
        [...new Set(ids)].filter((id) => state.documents.has(id)),
      );
    },

    async clear(index) {
      const state = stateOf(index);
      indexes.set(index, emptyState(state.settings, state.settingsKey));
    },

    async search<TDocument extends SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<TDocument>> {
      const state = stateOf(index);
      const matches = await candidates(state, query);
      const facets: Record<string, Record<string, number>> = {};
      for (const field of query.facets ?? []) {
        const counts: Record<string, number> = {};
        for (const { document } of matches) {
          const value = document[field];
          for (const item of Array.isArray(value) ? new Set(value) : [value]) {
            const key = facetKey(item);
            if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
          }
        }
        facets[field] = counts;
      }
      const offset = query.offset ?? 0;
      const page = firstInOrder(matches, offset + query.limit, comparatorFor(query, Boolean(query.q))).slice(offset);
      const hits: SearchHit<TDocument>[] = page.map(({ document }) => ({
        id: document.id,
        document: asCallerDocument<TDocument>(document),
      }));
      return { hits, total: matches.length, facets };
    },

    async get<TDocument extends SearchDocument>(index: string, id: string): Promise<TDocument | null> {
      const document = stateOf(index).documents.get(id);
      return document ? asCallerDocument<TDocument>(document) : null;
    },

    async count(index) {
      return stateOf(index).documents.size;
    },

    async healthy() {
      return true;
    },

    async close() {
      indexes.clear();
    },
  };
}
