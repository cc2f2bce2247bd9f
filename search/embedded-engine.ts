/**
 * The embedded search engine: Orama in this process, for development, demos
 * and single-process installs.
 *
 * - Full text goes through Orama, which indexes only the searchable fields,
 *   with Jobbro's one text analysis (text-analysis.ts, shared with the
 *   taxonomy lookup): words of any script are kept (Orama's Danish splitter
 *   drops Arabic and Cyrillic), each analysed for the language of its script
 *   (Arabic normalised and stemmed, Cyrillic with the Ukrainian stemmer,
 *   Latin with the Danish stemmer and folding).
 * - Filters never go through Orama. The engine keeps its own secondary
 *   indexes over document numbers (value → documents for keywords and
 *   booleans, sorted arrays for numbers, a 0.25° grid for the geopoint) and
 *   answers a filter as a bitset per condition, combined word by word
 *   (filter-bitsets.ts); the parts are cached until the next write, so a
 *   re-match that asks for the same start days and travel bands ten
 *   thousand times builds each once. What the indexes cannot answer exactly
 *   is checked with `matchesFilter` (the contract suite's reference).
 * - Without text, a page is read off a per-sort order of all documents made
 *   once after each write, so a query never compares documents.
 * Measured on the national-scale bench (30,000 candidates): see the README.
 */
import { create, insertMultiple, removeMultiple, search as oramaSearch, type AnyOrama, type SearchableType, type Tokenizer } from '@orama/orama';
import { index as oramaIndex, internalDocumentIDStore } from '@orama/orama/components';
import type { IndexSettings, SearchDocument, SearchEngine, SearchHit, SearchQuery, SearchResult } from './engine.js';
import { BitsetCache, countBits, filterBitset, forEachBit, wordsFor, type Bitset, type FilterIndexes, type GeoColumn } from './filter-bitsets.js';
import { compileFilter, geoFieldOf, isGeoPoint } from './match-filter.js';
import { analyseWord, languageOfScript, textWords } from './text-analysis.js';

/**
 * The tokenizer for indexing and for query terms alike: the shared text
 * analysis, each word by its script (so "opvasker" finds "opvaskeren" and
 * "الرافعة" finds "رافعة"). Analysed words are cached there: the slot texts
 * repeat the same taxonomy labels thousands of times.
 */
function createTokenizer(): Tokenizer {
  const normalizationCache = new Map<string, string>();
  const normalize = (word: string): string => analyseWord(word, languageOfScript(word));
  // Whole texts repeat too (occupation labels, titles from the same employer): their tokens are kept.
  const textCache = new Map<string, readonly string[]>();
  const tokensOf = (raw: string): readonly string[] => {
    const cached = textCache.get(raw);
    if (cached) return cached;
    const tokens = new Set<string>();
    for (const word of textWords(raw)) {
      const token = normalize(word);
      if (token !== '') tokens.add(token);
    }
    const result = [...tokens];
    if (raw.length <= MAX_CACHED_TEXT && textCache.size < MAX_CACHED_TEXTS) textCache.set(raw, result);
    return result;
  };
  return {
    language: 'danish',
    normalizationCache,
    tokenize(raw) {
      if (typeof raw !== 'string') return [String(raw)];
      if (raw.length <= MAX_CACHED_TEXT || !raw.includes(LABEL_SEPARATOR)) {
        // A copy: Orama owns the arrays it is given.
        return [...tokensOf(raw)];
      }
      // A slot's skill text is a few hundred characters of taxonomy labels, each repeated across
      // thousands of slots: tokenized label by label (cached), the same words in the same order.
      const tokens = new Set<string>();
      for (const part of raw.split(LABEL_SEPARATOR)) for (const token of tokensOf(part)) tokens.add(token);
      return [...tokens];
    },
  };
}

/**
 * What app/matching/documents joins labels with. It splits no word (the middle dot
 * is no letter, mark or digit), so a text's words are its parts' words.
 */
const LABEL_SEPARATOR = ' · ';

/** Texts up to this length (titles, labels, a query) have their tokens cached, up to this many. */
const MAX_CACHED_TEXT = 200;
const MAX_CACHED_TEXTS = 50_000;

/** Value → document numbers, for exact conditions on keyword and boolean fields. */
type KeywordIndex = Map<unknown, Set<number>>;

/**
 * A number field's documents sorted by value, rebuilt lazily after writes
 * (a rebuild of 30,000 values takes a few ms; reindexing writes in batches).
 * Documents whose value is an array go to `irregular` and are checked one
 * by one: each bound of a range may be met by a different element.
 */
type NumberIndex = { values: Float64Array; numbers: Int32Array; irregular: number[] };

/**
 * Filter parts kept between queries until the next write, in bytes of
 * bitsets (a bitset of 30,000 documents is 3.75 kB): enough for a re-match's
 * start days, Danish levels and travel bands around every postal code in use.
 */
const BITSET_CACHE_BYTES = 16 * 1024 * 1024;

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
  /** What follows is derived from the documents on first read after a write (see `invalidate`). */
  numbers: Map<string, NumberIndex | undefined>;
  /** Geo cell → document numbers. */
  geo: Map<number, Set<number>>;
  geoColumn: GeoColumn | undefined;
  /** Keyword and geo sets as arrays (iterating a Set costs more). */
  postings: WeakMap<Set<number>, Int32Array>;
  live: Bitset | undefined;
  bitsets: BitsetCache;
  /** Document orders by sort (JSON of the query's `sort`). */
  orders: Map<string, SortOrder>;
};

/**
 * An object that V8 keeps as a hash table from the start. Orama stores each
 * document's token frequencies as an object keyed by token; built key by key
 * as usual, every document's distinct key set makes V8 create and walk new
 * hidden classes (about a tenth of inserting the bench's slot texts). Same
 * object otherwise: `{}` with Object.prototype.
 */
function dictionaryObject(): Record<string, number> {
  const object: Record<string, number> = { first: 0, second: 0 };
  // Deleting a property other than the last one added turns the object into a dictionary.
  delete object.first;
  delete object.second;
  return object;
}

/**
 * A token's frequency in its field (count / field length), as one shared
 * number per distinct fraction. V8 boxes every fraction stored in an object
 * in a heap object of its own: at national scale the slots' texts held
 * ≈ 700,000 of them, a third of an app process's heap objects, all marked
 * by every full collection. Handing out the number kept here stores a
 * reference to the same box instead, and only a few hundred fractions occur.
 */
const sharedFrequencies = new Map<number, number>();

function sharedFrequency(count: number, fieldLength: number): number {
  // The key is exact below 2^20 words in a field; a longer field (none is) just gets its own number.
  if (fieldLength >= 1_048_576) return count / fieldLength;
  const key = count * 1_048_576 + fieldLength;
  let frequency = sharedFrequencies.get(key);
  if (frequency === undefined) {
    frequency = count / fieldLength;
    sharedFrequencies.set(key, frequency);
  }
  return frequency;
}

/**
 * Orama's index with three changes, same data: each document's frequency
 * object is a dictionary from the start (see `dictionaryObject`), a token's
 * frequency in its field is counted once per field, where Orama scans the
 * field's tokens once per token (quadratic in the field's length; our
 * tokenizer returns each token once per field, so that is the common case),
 * and equal frequencies share one number (see `sharedFrequency`).
 */
function createTextIndex(): ReturnType<typeof oramaIndex.createIndex> {
  const defaults = oramaIndex.createIndex();
  const insertDocumentScoreParameters: typeof defaults.insertDocumentScoreParameters = (index, prop, id, tokens, docsCount) => {
    defaults.insertDocumentScoreParameters(index, prop, id, tokens, docsCount);
    const internalId = internalDocumentIDStore.getInternalDocumentId(index.sharedInternalDocumentStore, id);
    index.frequencies[prop]![internalId] = dictionaryObject();
  };
  let lastTokens: readonly string[] | undefined;
  let distinct = new Set<string>();
  // Undefined while every token of `lastTokens` occurs once.
  let counts: Map<string, number> | undefined;
  const insertTokenScoreParameters: typeof defaults.insertTokenScoreParameters = (index, prop, id, tokens, token) => {
    if (tokens !== lastTokens) {
      lastTokens = tokens;
      distinct = new Set(tokens);
      counts = undefined;
      if (distinct.size !== tokens.length) {
        counts = new Map();
        for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
    const frequency = counts ? (counts.get(token) ?? 0) : distinct.has(token) ? 1 : 0;
    const internalId = internalDocumentIDStore.getInternalDocumentId(index.sharedInternalDocumentStore, id);
    index.frequencies[prop]![internalId]![token] = sharedFrequency(frequency, tokens.length);
    const occurrences = index.tokenOccurrences[prop]!;
    occurrences[token] = (occurrences[token] ?? 0) + 1;
  };
  return { ...defaults, insertDocumentScoreParameters, insertTokenScoreParameters };
}

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
    components: { tokenizer: createTokenizer(), index: createTextIndex() },
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

/** Drops what is derived from the documents; the next query that needs it rebuilds it. Called after every batch of writes. */
function invalidate(state: IndexState): void {
  for (const field of state.numbers.keys()) state.numbers.set(field, undefined);
  state.geoColumn = undefined;
  state.postings = new WeakMap();
  state.live = undefined;
  state.bitsets = new BitsetCache(BITSET_CACHE_BYTES);
  state.orders = new Map();
}

function numberIndexOf(state: IndexState, field: string): NumberIndex {
  const existing = state.numbers.get(field);
  if (existing) return existing;
  const scalars: number[] = [];
  const irregular: number[] = [];
  const column = new Float64Array(state.byNumber.length);
  state.byNumber.forEach((document, n) => {
    const value = document?.[field];
    // NaN never passes a range or equals anything: it stays out, so binary searches never meet it.
    if (typeof value === 'number' && !Number.isNaN(value)) {
      scalars.push(n);
      column[n] = value;
    } else if (Array.isArray(value)) {
      irregular.push(n);
    }
  });
  scalars.sort((a, b) => column[a]! - column[b]!);
  const index: NumberIndex = {
    values: Float64Array.from(scalars, (n) => column[n]!),
    numbers: Int32Array.from(scalars),
    irregular,
  };
  state.numbers.set(field, index);
  return index;
}

function geoColumnOf(state: IndexState): GeoColumn | undefined {
  const { geoField, byNumber } = state;
  if (geoField === undefined) return undefined;
  if (state.geoColumn) return state.geoColumn;
  const lat = new Float64Array(byNumber.length).fill(Number.NaN);
  const lng = new Float64Array(byNumber.length).fill(Number.NaN);
  for (let n = 0; n < byNumber.length; n += 1) {
    const point = byNumber[n]?.[geoField];
    if (isGeoPoint(point)) {
      lat[n] = point.lat;
      lng[n] = point.lng;
    }
  }
  return (state.geoColumn = { lat, lng });
}

function liveOf(state: IndexState): Bitset {
  if (state.live) return state.live;
  const live = new Uint32Array(wordsFor(state.byNumber.length));
  state.byNumber.forEach((document, n) => {
    if (document) live[n >>> 5]! |= 1 << (n & 31);
  });
  return (state.live = live);
}

function postingsOf(state: IndexState, set: Set<number>): Int32Array {
  let postings = state.postings.get(set);
  if (!postings) state.postings.set(set, (postings = Int32Array.from(set)));
  return postings;
}

/** Meters per degree of arc on match-filter's sphere (radius 6,371 km). */
const EARTH_METERS_PER_DEGREE = 111_194;

/** The postings of the grid cells that may hold points within the radius; undefined when a scan is cheaper. */
function geoCells(state: IndexState, centre: { lat: number; lng: number; meters: number }): Int32Array[] | undefined {
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
  for (let lat = latFrom; lat <= latTo; lat += 1) {
    for (let lng = lngFrom; lng <= lngTo; lng += 1) {
      const numbers = state.geo.get(cellKey(lat, lng));
      if (numbers) cells.push(postingsOf(state, numbers));
    }
  }
  return cells;
}

function filterIndexes(state: IndexState): FilterIndexes {
  return {
    capacity: state.byNumber.length,
    geoField: state.geoField,
    documentAt: (n) => state.byNumber[n],
    live: () => liveOf(state),
    sortedNumbers: (field) => (state.numbers.has(field) ? numberIndexOf(state, field) : undefined),
    keywordPostings: (field) => {
      const byValue = state.keywords.get(field);
      if (!byValue) return undefined;
      return (value) => {
        const set = byValue.get(value);
        return set ? postingsOf(state, set) : undefined;
      };
    },
    geoCells: (centre) => geoCells(state, centre),
    geoColumn: () => geoColumnOf(state),
  };
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

function comparatorFor(sort: NonNullable<SearchQuery['sort']>, byScore: boolean): (a: Scored, b: Scored) => number {
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

/**
 * Every document in a query's order (its sort fields, then id), and each
 * document's place in it (-1 for removed numbers). Made once per sort after
 * each write; a filter query then reads its page off this order instead of
 * comparing documents: a re-match sorts thousands of matches per slot.
 */
type SortOrder = { order: Int32Array; position: Int32Array };

const NUMBER_VALUE = 0;
const MISSING_VALUE = 1;
const OTHER_VALUE = 2;

function orderOf(state: IndexState, sort: NonNullable<SearchQuery['sort']>): SortOrder {
  const key = JSON.stringify(sort);
  const existing = state.orders.get(key);
  if (existing) return existing;
  const { byNumber } = state;
  const numbers: number[] = [];
  byNumber.forEach((document, n) => {
    if (document) numbers.push(n);
  });
  if (sort.length === 0) {
    numbers.sort((a, b) => {
      const aId = byNumber[a]!.id;
      const bId = byNumber[b]!.id;
      return aId < bId ? -1 : aId > bId ? 1 : 0;
    });
  } else {
    // The same order as `comparatorFor`, on values read once into arrays; ties go by the id order.
    const byId = orderOf(state, []).position;
    const fields = sort.map(({ field, direction }) => {
      const kind = new Uint8Array(byNumber.length);
      const value = new Float64Array(byNumber.length);
      for (const n of numbers) {
        const v = byNumber[n]![field];
        if (v === undefined || v === null) kind[n] = MISSING_VALUE;
        else if (typeof v === 'number') value[n] = v;
        else kind[n] = OTHER_VALUE;
      }
      return { field, ascending: direction === 'asc', kind, value };
    });
    numbers.sort((a, b) => {
      for (const { field, ascending, kind, value } of fields) {
        const aKind = kind[a]!;
        const bKind = kind[b]!;
        // Documents without a value come last in either direction.
        if (aKind === MISSING_VALUE || bKind === MISSING_VALUE) {
          if (aKind !== bKind) return aKind === MISSING_VALUE ? 1 : -1;
          continue;
        }
        const order =
          aKind === NUMBER_VALUE && bKind === NUMBER_VALUE ? value[a]! - value[b]! : compareValues(byNumber[a]![field], byNumber[b]![field]);
        if (order !== 0) return ascending ? order : -order;
      }
      return byId[a]! - byId[b]!;
    });
  }
  const order = Int32Array.from(numbers);
  const position = new Int32Array(byNumber.length).fill(-1);
  order.forEach((n, i) => {
    position[n] = i;
  });
  const result = { order, position };
  state.orders.set(key, result);
  return result;
}

/**
 * The first `k` documents of `bits` (holding `total`) in `sort`'s order.
 * Few matches and no order made since the last write: they are compared
 * as they are (making the order costs tens of ms on 30,000 documents, and a
 * server that writes often should not pay it for small queries).
 */
function firstOfBits(state: IndexState, bits: Bitset, total: number, k: number, sort: NonNullable<SearchQuery['sort']>): number[] {
  if (k <= 0 || total === 0) return [];
  const few = total * 16 <= state.documents.size;
  if (few && !state.orders.has(JSON.stringify(sort))) {
    const matches: Scored[] = [];
    forEachBit(bits, (n) => matches.push({ document: state.byNumber[n]!, score: 0 }));
    return firstInOrder(matches, k, comparatorFor(sort, false)).map(({ document }) => state.numberOf.get(document.id)!);
  }
  const { order, position } = orderOf(state, sort);
  // Few matches: sort their places. Many: walk the order until the page is full.
  if (few) {
    const places = new Int32Array(total);
    let i = 0;
    forEachBit(bits, (n) => {
      places[i++] = position[n]!;
    });
    places.sort();
    return Array.from(places.subarray(0, Math.min(k, total)), (place) => order[place]!);
  }
  const found: number[] = [];
  for (let i = 0; i < order.length && found.length < k; i += 1) {
    const n = order[i]!;
    if ((bits[n >>> 5]! & (1 << (n & 31))) !== 0) found.push(n);
  }
  return found;
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

/** Words of a query, split as the tokenizer splits documents. */
function queryWords(q: string): string[] {
  return textWords(q);
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
      geoColumn: undefined,
      postings: new WeakMap(),
      live: undefined,
      bitsets: new BitsetCache(BITSET_CACHE_BYTES),
      orders: new Map(),
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
    invalidate(state);
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
    invalidate(state);
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
    invalidate(state);
  }

  /** Ids matching the words of `q` (every word, or one of its synonyms), with a relevance score. */
  async function fullTextMatches(state: IndexState, q: string): Promise<Map<string, number> | undefined> {
    const typed = queryWords(q);
    if (typed.length === 0) return undefined;
    // Words the analysis drops (stop words) cannot be required; a query of only such words finds nothing.
    const words = typed.filter((word) => analyseWord(word, languageOfScript(word)) !== '');
    if (!state.orama) return new Map();
    const orama = state.orama;
    let matched: Map<string, number> | undefined;
    const limit = Math.max(1, state.documents.size);
    for (const word of words) {
      const forWord = new Map<string, number>();
      for (const alternative of [word, ...(state.synonyms.get(word) ?? [])]) {
        const isOneWord = !/\s/.test(alternative);
        const tolerance = state.settings.typoTolerance && isOneWord && [...alternative].length >= MIN_WORD_SIZE_FOR_TYPO ? 1 : 0;
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

  /** Documents matching a text query (and its filter), with their relevance. */
  function textCandidates(state: IndexState, query: SearchQuery, textMatches: Map<string, number>): Scored[] {
    const passes = query.filter ? compileFilter(query.filter, state.geoField) : undefined;
    const scored: Scored[] = [];
    for (const [id, score] of textMatches) {
      const document = state.documents.get(id);
      if (document && (!passes || passes(document))) scored.push({ document, score });
    }
    return scored;
  }

  function facetCounts(documents: Iterable<SearchDocument>, fields: readonly string[]): Record<string, Record<string, number>> {
    const facets: Record<string, Record<string, number>> = {};
    for (const field of fields) facets[field] = {};
    if (fields.length === 0) return facets;
    for (const document of documents) {
      for (const field of fields) {
        const counts = facets[field]!;
        const value = document[field];
        for (const item of Array.isArray(value) ? new Set(value) : [value]) {
          const key = facetKey(item);
          if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
        }
      }
    }
    return facets;
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
      const offset = query.offset ?? 0;
      const toHit = (document: SearchDocument): SearchHit<TDocument> => ({ id: document.id, document: asCallerDocument<TDocument>(document) });
      const textMatches = query.q ? await fullTextMatches(state, query.q) : undefined;
      if (textMatches !== undefined) {
        const matches = textCandidates(state, query, textMatches);
        const facets = facetCounts(
          matches.map(({ document }) => document),
          query.facets ?? [],
        );
        const page = firstInOrder(matches, offset + query.limit, comparatorFor(query.sort ?? [], true)).slice(offset);
        return { hits: page.map(({ document }) => toHit(document)), total: matches.length, facets };
      }
      // Filters and order without text: computed on document numbers, documents fetched for the page only.
      const bits = query.filter ? filterBitset(query.filter, filterIndexes(state), state.bitsets) : liveOf(state);
      const total = countBits(bits);
      const { byNumber } = state;
      const matching: SearchDocument[] = [];
      if (query.facets?.length) forEachBit(bits, (n) => matching.push(byNumber[n]!));
      const facets = facetCounts(matching, query.facets ?? []);
      const page = firstOfBits(state, bits, total, offset + query.limit, query.sort ?? []).slice(offset);
      return { hits: page.map((n) => toHit(byNumber[n]!)), total, facets };
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
