/**
 * The Meilisearch engine, through the official `meilisearch` client. Index
 * settings are written in code (idempotently) by `configureIndex`; filters
 * are written only by `toMeilisearchFilter`, which escapes every value.
 *
 * Geo: Meilisearch keeps one location per document, in `_geo`. An index may
 * therefore declare at most one `geopoint` field; its value is copied to
 * `_geo` on upload and `_geo` is removed again from returned documents.
 *
 * Differences from the embedded engine worth knowing: Meilisearch compares
 * filter strings case-insensitively and does no stemming (prefix search and
 * typo tolerance cover most Danish inflections); keyword values that differ
 * only by case should not be relied on.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type EnqueuedTaskPromise,
  type Settings,
} from 'meilisearch';
import { SearchUnavailable, type IndexSettings, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult } from './engine.js';
import { geoFieldOf, isGeoPoint } from './match-filter.js';
import { toMeilisearchFilter } from './meilisearch-filter.js';

export type MeilisearchEngineOptions = {
  host: string;
  /** A key with only the rights Jobbro needs (see create-engine.server.ts); never the master key in normal use. */
  apiKey: string | undefined;
  /** Prepended to every index name (e.g. `jobbro_` → `jobbro_candidates`). */
  indexPrefix: string;
  /** Per-request timeout; default 5 s. */
  timeoutMs?: number;
  /** Longest wait for an indexing task; default 30 s. */
  taskTimeoutMs?: number;
  /**
   * Runs before the first operation and again after a failure until it
   * succeeds once (e.g. provisioning the API key while Meilisearch is down at boot).
   */
  prepare?: () => Promise<string | undefined>;
};

/** Words, typos, proximity, attribute order, then explicit sorts, then exactness (Meilisearch's default order). */
export const meilisearchRankingRules = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'];

function isNetworkError(error: unknown): boolean {
  return (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchRequestTimeOutError ||
    error instanceof MeilisearchTaskTimeOutError ||
    (error instanceof TypeError && /fetch/i.test(error.message))
  );
}

function apiErrorCode(error: unknown): string | undefined {
  return error instanceof MeilisearchApiError ? error.cause?.code : undefined;
}

/** Turns an unreachable server into `SearchUnavailable`; other errors pass through. */
async function guarded<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SearchUnavailable) throw error;
    if (isNetworkError(error)) throw new SearchUnavailable(`Meilisearch is unreachable (${what})`, { cause: error });
    throw error;
  }
}

/** Converts symmetric synonym groups to Meilisearch's map (word → the others). */
export function toMeilisearchSynonyms(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    const words = [...new Set(group.map((word) => word.trim().toLowerCase()).filter((word) => word !== ''))];
    for (const word of words) {
      map[word] = [...new Set([...(map[word] ?? []), ...words.filter((other) => other !== word)])];
    }
  }
  return map;
}

/** The Meilisearch settings for an index; `id` is always filterable and sortable (used for "all"/"none" and stable order). */
export function toMeilisearchSettings(settings: IndexSettings): Settings {
  const geoField = geoFieldOf(settings);
  const rename = (field: string) => (field === geoField ? '_geo' : field);
  return {
    searchableAttributes: settings.searchable,
    filterableAttributes: [...new Set(['id', ...settings.filterable.map(rename)])],
    sortableAttributes: [...new Set(['id', ...settings.sortable.map(rename)])],
    rankingRules: meilisearchRankingRules,
    synonyms: toMeilisearchSynonyms(settings.synonyms),
    typoTolerance: { enabled: settings.typoTolerance, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  };
}

export function createMeilisearchEngine(options: MeilisearchEngineOptions): SearchEngine {
  const timeout = options.timeoutMs ?? 5_000;
  const taskTimeout = options.taskTimeoutMs ?? 30_000;
  let client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout });
  let prepared = options.prepare === undefined;
  const geoFields = new Map<string, string | undefined>();

  const uid = (index: string) => `${options.indexPrefix}${index}`;

  async function ready(): Promise<Meilisearch> {
    if (!prepared && options.prepare) {
      const apiKey = await guarded('preparing the API key', options.prepare);
      client = new Meilisearch({ host: options.host, apiKey: apiKey ?? options.apiKey, timeout });
      prepared = true;
    }
    return client;
  }

  /** Waits for a task and raises its error: Meilisearch accepts work first and may refuse it later. */
  async function finish(what: string, task: EnqueuedTaskPromise, ignore: string[] = []): Promise<void> {
    const done = await task.waitTask({ timeout: taskTimeout });
    if (done.status === 'succeeded') return;
    if (done.error && ignore.includes(done.error.code)) return;
    const reason = done.error ? `${done.error.code}: ${done.error.message}` : done.status;
    throw new Error(`Meilisearch task ${what} ${done.status} (${reason})`);
  }

  function geoFieldFor(index: string): string | undefined {
    if (!geoFields.has(index)) throw new Error(`Search index "${index}" is not configured in this process`);
    return geoFields.get(index);
  }

  function toStored(index: string, document: SearchDocument): Record<string, unknown> {
    const geoField = geoFieldFor(index);
    const stored: Record<string, unknown> = { ...document };
    if (geoField !== undefined) {
      const point = document[geoField];
      if (isGeoPoint(point)) stored._geo = { lat: point.lat, lng: point.lng };
      else delete stored._geo;
    }
    return stored;
  }

  function fromStored(stored: Record<string, unknown>): SearchDocument | undefined {
    const { _geo: _ignored, _formatted: _alsoIgnored, ...rest } = stored;
    const id = rest.id;
    if (typeof id !== 'string') return undefined;
    return { ...rest, id };
  }

  function asCallerDocument<TDocument extends SearchDocument>(document: SearchDocument): TDocument {
    // The engine returns what the caller upserted; the caller names its index's document type.
    return document as TDocument;
  }

  return {
    kind: 'meilisearch',

    async configureIndex(index, settings) {
      const geoField = geoFieldOf(settings);
      await guarded('configureIndex', async () => {
        const meili = await ready();
        await finish(`createIndex ${uid(index)}`, meili.createIndex(uid(index), { primaryKey: 'id' }), ['index_already_exists']);
        await finish(`updateSettings ${uid(index)}`, meili.index(uid(index)).updateSettings(toMeilisearchSettings(settings)));
      });
      geoFields.set(index, geoField);
    },

    async upsert(index, documents) {
      if (documents.length === 0) return;
      const stored = documents.map((document) => toStored(index, document));
      await guarded('upsert', async () => {
        const meili = await ready();
        await finish(`addDocuments ${uid(index)}`, meili.index(uid(index)).addDocuments(stored, { primaryKey: 'id' }));
      });
    },

    async remove(index, ids) {
      if (ids.length === 0) return;
      await guarded('remove', async () => {
        const meili = await ready();
        await finish(`deleteDocuments ${uid(index)}`, meili.index(uid(index)).deleteDocuments([...new Set(ids)]));
      });
    },

    async clear(index) {
      await guarded('clear', async () => {
        const meili = await ready();
        await finish(`deleteAllDocuments ${uid(index)}`, meili.index(uid(index)).deleteAllDocuments());
      });
    },

    async search<TDocument extends SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<TDocument>> {
      const geoField = geoFieldFor(index);
      const rename = (field: string) => (field === geoField ? '_geo' : field);
      const sort = (query.sort ?? []).map(({ field, direction }) => `${rename(field)}:${direction}`);
      const q = query.q?.trim() ?? '';
      // Without words to rank by, order by id so both engines list the same page.
      if (q === '') sort.push('id:asc');
      const response = await guarded('search', async () => {
        const meili = await ready();
        return meili.index(uid(index)).search(q, {
          filter: query.filter ? toMeilisearchFilter(query.filter) : undefined,
          limit: query.limit,
          offset: query.offset ?? 0,
          facets: query.facets,
          sort,
          // Every word (or a synonym of it) must match, as in the embedded engine.
          matchingStrategy: 'all',
        });
      });
      const hits = [];
      for (const hit of response.hits) {
        const document = fromStored(hit);
        if (document) hits.push({ id: document.id, document: asCallerDocument<TDocument>(document) });
      }
      const facets: Record<string, Record<string, number>> = {};
      for (const field of query.facets ?? []) facets[field] = { ...(response.facetDistribution?.[field] ?? {}) };
      return { hits, total: response.estimatedTotalHits ?? hits.length, facets };
    },

    async get<TDocument extends SearchDocument>(index: string, id: string): Promise<TDocument | null> {
      return guarded('get', async () => {
        const meili = await ready();
        try {
          const document = fromStored(await meili.index(uid(index)).getDocument(id));
          return document ? asCallerDocument<TDocument>(document) : null;
        } catch (error) {
          if (apiErrorCode(error) === 'document_not_found') return null;
          throw error;
        }
      });
    },

    async count(index) {
      return guarded('count', async () => {
        const meili = await ready();
        return (await meili.index(uid(index)).getStats()).numberOfDocuments;
      });
    },

    async healthy() {
      try {
        const probe = new Meilisearch({ host: options.host, timeout: 1_000 });
        return (await probe.health()).status === 'available';
      } catch {
        return false;
      }
    },

    async close() {
      geoFields.clear();
    },
  };
}
