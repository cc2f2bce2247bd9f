/**
 * The embedded search engine: Orama in this process, for development, demos
 * and single-process installs. Full text goes through Orama with a Danish
 * tokenizer and stemmer (the default tokenizer splits words at æ, ø and å).
 * Exact keyword conditions narrow the candidates (Orama's `where` for text
 * queries, a small value → ids map for filter-only ones), and every
 * candidate is then checked with the compiled `matchesFilter`, the evaluator
 * the contract suite uses as its reference, so results are exact.
 * Measured: filter-only p50 ≈ 2–6 ms over 30,000 documents.
 */
import {
  create,
  insertMultiple,
  removeMultiple,
  search as oramaSearch,
  type AnyOrama,
  type AnySchema,
  type SearchableType,
  type WhereCondition,
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

type Where = Partial<WhereCondition<AnySchema>>;

type IndexState = {
  settings: IndexSettings;
  settingsKey: string;
  orama: AnyOrama;
  documents: Map<string, SearchDocument>;
  geoField: string | undefined;
  /** Lower-cased word → the other words of its synonym groups. */
  synonyms: Map<string, string[]>;
  boost: Record<string, number>;
  /** Filterable keyword field → value → ids, for filter-only queries (see `candidateIds`). */
  keywords: Map<string, Map<unknown, Set<string>>>;
};

/** Words shorter than this get no typo tolerance (Meilisearch's `oneTypo: 5`). */
const MIN_WORD_SIZE_FOR_TYPO = 5;

function oramaTypeOf(type: IndexSettings['fields'][string]): SearchableType {
  switch (type) {
    case 'string':
      return 'string';
    case 'string[]':
      return 'string[]';
    // Enums compare exactly (no tokenizing), which is what keyword filters mean.
    case 'keyword':
      return 'enum';
    case 'keyword[]':
      return 'enum[]';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'geopoint':
      return 'geopoint';
  }
}

function createOrama(settings: IndexSettings): AnyOrama {
  const schema: Record<string, SearchableType> = {};
  const indexed = new Set([...settings.searchable, ...settings.filterable]);
  for (const name of indexed) {
    const type = settings.fields[name];
    // Orama takes the id from the document itself; indexing it again is waste.
    if (name === 'id' || type === undefined) continue;
    schema[name] = oramaTypeOf(type);
  }
  return create({
    schema,
    // Sorting is done on the matching documents in JS; Orama's sorter would index every field.
    sort: { enabled: false },
    components: { tokenizer: { language: 'danish', stemming: true, stemmer: danishStemmer } },
  });
}

/** The document as Orama indexes it: only schema fields, nulls dropped, geopoints as { lat, lon }. */
function toOramaDocument(state: Pick<IndexState, 'settings'>, document: SearchDocument): Record<string, unknown> {
  const result: Record<string, unknown> = { id: document.id };
  const indexed = new Set([...state.settings.searchable, ...state.settings.filterable]);
  for (const name of indexed) {
    const type = state.settings.fields[name];
    const value = document[name];
    if (name === 'id' || type === undefined || value === undefined || value === null) continue;
    if (type === 'geopoint') {
      if (isGeoPoint(value)) result[name] = { lat: value.lat, lon: value.lng };
    } else if (type === 'number') {
      if (typeof value === 'number' && Number.isFinite(value)) result[name] = value;
    } else if (type === 'boolean') {
      if (typeof value === 'boolean') result[name] = value;
    } else if (type.endsWith('[]')) {
      if (Array.isArray(value)) result[name] = value.filter((v) => typeof v === 'string' || typeof v === 'number');
    } else if (typeof value === 'string' || typeof value === 'number') {
      result[name] = type === 'string' ? String(value) : value;
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

/**
 * A `where` that keeps at least every document the filter keeps (often
 * exactly those), or undefined when Orama cannot narrow the search.
 */
function toOramaWhere(filter: Filter, state: IndexState): Where | undefined {
  if ('and' in filter) {
    const parts = filter.and.map((child) => toOramaWhere(child, state)).filter((part): part is Where => part !== undefined);
    if (parts.length === 0) return undefined;
    return parts.length === 1 ? parts[0] : { and: parts };
  }
  if ('or' in filter) {
    const parts = filter.or.map((child) => toOramaWhere(child, state));
    if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
    const defined = parts.filter((part): part is Where => part !== undefined);
    return defined.length === 1 ? defined[0] : { or: defined };
  }
  // `not` and `exists` need "documents without the field", which Orama's indexes do not list.
  if ('not' in filter || 'geo' in filter || 'exists' in filter) return undefined;
  const type = state.settings.fields[filter.field];
  if (!state.settings.filterable.includes(filter.field) || filter.field === 'id') return undefined;
  // Only exact keyword conditions are pushed down: they are selective and Orama answers them from a
  // hash index. Booleans, ranges and radii keep large shares of the documents, and the compiled
  // JS filter checks those faster than Orama materialises its result.
  const values = 'eq' in filter ? [filter.eq] : 'in' in filter ? filter.in : undefined;
  if (values === undefined || values.length === 0) return undefined;
  const keys = values.filter((value): value is string | number => typeof value !== 'boolean');
  if (keys.length !== values.length) return undefined;
  if (type === 'keyword') return { [filter.field]: keys.length === 1 ? { eq: keys[0] } : { in: keys } };
  if (type === 'keyword[]') return { [filter.field]: { containsAny: keys } };
  return undefined;
}

function keywordFields(settings: IndexSettings): string[] {
  return settings.filterable.filter((field) => {
    const type = settings.fields[field];
    return type === 'keyword' || type === 'keyword[]';
  });
}

function indexKeywords(state: IndexState, document: SearchDocument, add: boolean): void {
  for (const [field, byValue] of state.keywords) {
    const value = document[field];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      let ids = byValue.get(item);
      if (add) {
        if (!ids) byValue.set(item, (ids = new Set()));
        ids.add(document.id);
      } else if (ids) {
        ids.delete(document.id);
        if (ids.size === 0) byValue.delete(item);
      }
    }
  }
}

/**
 * Ids that include every document the filter keeps, from the keyword map,
 * or undefined when only a full scan can tell.
 */
function candidateIds(filter: Filter, state: IndexState): Set<string> | undefined {
  if ('and' in filter) {
    let smallest: Set<string> | undefined;
    for (const child of filter.and) {
      const ids = candidateIds(child, state);
      if (ids && (!smallest || ids.size < smallest.size)) smallest = ids;
    }
    return smallest;
  }
  if ('or' in filter) {
    const union = new Set<string>();
    for (const child of filter.or) {
      const ids = candidateIds(child, state);
      if (!ids) return undefined;
      for (const id of ids) union.add(id);
    }
    return union;
  }
  if ('not' in filter || 'geo' in filter || 'exists' in filter) return undefined;
  const byValue = state.keywords.get(filter.field);
  if (!byValue) return undefined;
  const values = 'eq' in filter ? [filter.eq] : 'in' in filter ? filter.in : undefined;
  if (!values) return undefined;
  if (values.length === 1) return byValue.get(values[0]) ?? new Set();
  const union = new Set<string>();
  for (const value of values) for (const id of byValue.get(value) ?? []) union.add(id);
  return union;
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
      const missing = (v: unknown) => v === undefined || v === null;
      if (missing(av) || missing(bv)) {
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

/** Words of a query, as Orama's Danish tokenizer would split them (letters and digits, æøå included). */
function queryWords(q: string): string[] {
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
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

  async function insertAll(state: IndexState, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await insertMultiple(
      state.orama,
      documents.map((document) => toOramaDocument(state, document)),
      1_000,
    );
  }

  /** Ids matching the words of `q` (every word, or one of its synonyms), with a relevance score. */
  async function fullTextMatches(state: IndexState, q: string, where: Where | undefined): Promise<Map<string, number> | undefined> {
    const words = queryWords(q);
    if (words.length === 0) return undefined;
    let matched: Map<string, number> | undefined;
    const limit = Math.max(1, state.documents.size);
    for (const word of words) {
      const forWord = new Map<string, number>();
      for (const alternative of [word, ...(state.synonyms.get(word) ?? [])]) {
        const isOneWord = !/\s/.test(alternative);
        const tolerance =
          state.settings.typoTolerance && isOneWord && [...alternative].length >= MIN_WORD_SIZE_FOR_TYPO ? 1 : 0;
        const result = await oramaSearch(state.orama, {
          term: alternative,
          properties: state.settings.searchable,
          boost: state.boost,
          tolerance,
          threshold: 0,
          limit,
          ...(where ? { where } : {}),
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

  async function candidates(state: IndexState, query: SearchQuery): Promise<Scored[]> {
    const where = query.filter ? toOramaWhere(query.filter, state) : undefined;
    const textMatches = query.q ? await fullTextMatches(state, query.q, where) : undefined;
    let scored: Scored[] = [];
    let narrowed: Set<string> | undefined;
    if (textMatches !== undefined) {
      for (const [id, score] of textMatches) {
        const document = state.documents.get(id);
        if (document) scored.push({ document, score });
      }
    } else if (query.filter && (narrowed = candidateIds(query.filter, state)) !== undefined) {
      for (const id of narrowed) {
        const document = state.documents.get(id);
        if (document) scored.push({ document, score: 0 });
      }
    } else {
      for (const document of state.documents.values()) scored.push({ document, score: 0 });
    }
    if (query.filter) {
      const passes = compileFilter(query.filter, state.geoField);
      scored = scored.filter(({ document }) => passes(document));
    }
    return scored;
  }

  return {
    kind: 'embedded',

    async configureIndex(index, settings) {
      const geoField = geoFieldOf(settings);
      const settingsKey = JSON.stringify(settings);
      const existing = indexes.get(index);
      if (existing && existing.settingsKey === settingsKey) return;
      const documents = existing?.documents ?? new Map<string, SearchDocument>();
      const boost: Record<string, number> = {};
      settings.searchable.forEach((field, position) => {
        boost[field] = Math.max(1, settings.searchable.length - position);
      });
      const state: IndexState = {
        settings,
        settingsKey,
        orama: createOrama(settings),
        documents,
        geoField,
        synonyms: synonymMap(settings.synonyms),
        boost,
        keywords: new Map(keywordFields(settings).map((field) => [field, new Map()])),
      };
      for (const document of documents.values()) indexKeywords(state, document, true);
      await insertAll(state, [...documents.values()]);
      indexes.set(index, state);
    },

    async upsert(index, documents) {
      const state = stateOf(index);
      // The last version of a document wins when a batch repeats an id.
      const latest = new Map(documents.map((document) => [document.id, document]));
      const replaced = [...latest.keys()].filter((id) => state.documents.has(id));
      if (replaced.length > 0) await removeMultiple(state.orama, replaced, 1_000);
      for (const id of replaced) {
        const old = state.documents.get(id);
        if (old) indexKeywords(state, old, false);
      }
      for (const document of latest.values()) {
        state.documents.set(document.id, document);
        indexKeywords(state, document, true);
      }
      await insertAll(state, [...latest.values()]);
    },

    async remove(index, ids) {
      const state = stateOf(index);
      const present = [...new Set(ids)].filter((id) => state.documents.has(id));
      if (present.length === 0) return;
      await removeMultiple(state.orama, present, 1_000);
      for (const id of present) {
        const old = state.documents.get(id);
        if (old) indexKeywords(state, old, false);
        state.documents.delete(id);
      }
    },

    async clear(index) {
      const state = stateOf(index);
      state.documents = new Map();
      state.orama = createOrama(state.settings);
      state.keywords = new Map(keywordFields(state.settings).map((field) => [field, new Map()]));
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
