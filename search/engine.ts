/**
 * The search contract. Every engine (embedded Orama, Meilisearch) implements
 * `SearchEngine` and passes tests/contract/search-engine.contract.test.ts.
 * Callers never build engine-specific syntax: filters are a small AST that
 * each engine translates (Meilisearch through one escaping function).
 */

export type FieldType =
  | 'string' // full-text searchable text
  | 'string[]'
  | 'keyword' // exact-match value (ids, codes, enums)
  | 'keyword[]'
  | 'number'
  | 'boolean'
  | 'geopoint'; // { lat, lng }

export type IndexSettings = {
  /** Every field a document may carry, with its type; `id` (keyword) is the primary key. */
  fields: Record<string, FieldType>;
  /** Full-text fields in order of importance. */
  searchable: string[];
  filterable: string[];
  sortable: string[];
  /** Symmetric synonym groups: every word of a group finds the others. */
  synonyms: string[][];
  /** Allow one typo in words of 5+ letters (both engines). */
  typoTolerance: boolean;
};

export type Scalar = string | number | boolean;

/**
 * A filter. `eq` on an array field means "contains". `geo` keeps documents
 * whose geopoint field lies within `meters` of the point.
 */
export type Filter =
  | { and: Filter[] }
  | { or: Filter[] }
  | { not: Filter }
  | { field: string; eq: Scalar }
  | { field: string; in: Scalar[] }
  | { field: string; gte?: number; lte?: number; gt?: number; lt?: number }
  | { field: string; exists: boolean }
  | { geo: { lat: number; lng: number; meters: number } };

export type SearchQuery = {
  /** Free text; empty or absent means "all documents that pass the filter". */
  q?: string;
  filter?: Filter;
  limit: number;
  offset?: number;
  /** Fields to count values of among all documents that pass the query and filter. */
  facets?: string[];
  sort?: Array<{ field: string; direction: 'asc' | 'desc' }>;
};

export type SearchHit<TDocument> = { id: string; document: TDocument };

export type SearchResult<TDocument> = {
  hits: SearchHit<TDocument>[];
  /** Documents matching in all (an estimate is allowed above 1,000). */
  total: number;
  facets: Record<string, Record<string, number>>;
};

export type SearchDocument = { id: string } & Record<string, unknown>;

export interface SearchEngine {
  readonly kind: 'embedded' | 'meilisearch';
  /** Creates the index or updates its settings; idempotent. */
  configureIndex(index: string, settings: IndexSettings): Promise<void>;
  /** Inserts or replaces documents by id. */
  upsert(index: string, documents: SearchDocument[]): Promise<void>;
  remove(index: string, ids: string[]): Promise<void>;
  /** Removes every document, keeping the settings. */
  clear(index: string): Promise<void>;
  search<TDocument extends SearchDocument>(index: string, query: SearchQuery): Promise<SearchResult<TDocument>>;
  get<TDocument extends SearchDocument>(index: string, id: string): Promise<TDocument | null>;
  count(index: string): Promise<number>;
  /** True when the engine answers. Never throws. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export class SearchUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SearchUnavailable';
  }
}
