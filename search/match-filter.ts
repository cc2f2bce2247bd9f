/**
 * The meaning of a `Filter`, written once in plain TypeScript. The embedded
 * engine uses it for what its indexes cannot answer exactly (and for text
 * queries' filters), and the contract suite uses it as the reference both
 * engines must agree with.
 */
import type { Filter, IndexSettings, SearchDocument } from './engine.js';

export type GeoPoint = { lat: number; lng: number };

const EARTH_RADIUS_METERS = 6_371_000;

/** Great-circle distance in meters (haversine, as Meilisearch and Orama use). */
const RADIANS_PER_DEGREE = Math.PI / 180;
const toRadians = (degrees: number) => degrees * RADIANS_PER_DEGREE;

export function distanceInMeters(a: GeoPoint, b: GeoPoint): number {
  return metersBetween(a.lat, a.lng, b.lat, b.lng);
}

/** `distanceInMeters` on plain numbers, for scans over columns (same arithmetic, so the same result to the bit). */
export function metersBetween(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const dLat = toRadians(bLat - aLat);
  const dLng = toRadians(bLng - aLng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(aLat)) * Math.cos(toRadians(bLat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A geo filter's latitude band: one degree of latitude is at least 110.5 km, so anything farther north or south is outside. */
export function maxLatitudeDelta(meters: number): number {
  return meters / 110_500 + 1e-9;
}

export type RangeBounds = { low: number; lowInclusive: boolean; high: number; highInclusive: boolean };

/** The bounds of a range filter; when both bounds of a side are given (gte and gt), the stricter one decides. */
export function rangeBounds(filter: { gte?: number; lte?: number; gt?: number; lt?: number }): RangeBounds {
  const low = filter.gte ?? filter.gt ?? Number.NEGATIVE_INFINITY;
  const high = filter.lte ?? filter.lt ?? Number.POSITIVE_INFINITY;
  return {
    low: filter.gte !== undefined && filter.gt !== undefined ? Math.max(filter.gte, filter.gt) : low,
    lowInclusive: filter.gt === undefined || (filter.gte !== undefined && filter.gte > filter.gt),
    high: filter.lte !== undefined && filter.lt !== undefined ? Math.min(filter.lte, filter.lt) : high,
    highInclusive: filter.lt === undefined || (filter.lte !== undefined && filter.lte < filter.lt),
  };
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  // `in` narrows without a cast and, unlike Reflect.get, stays fast in a scan over every document.
  if (typeof value !== 'object' || value === null || !('lat' in value) || !('lng' in value)) return false;
  const { lat, lng } = value;
  return typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng);
}

/**
 * The index's geopoint field. Meilisearch allows one geo location per
 * document (`_geo`), so an index may declare at most one geopoint field.
 */
export function geoFieldOf(settings: Pick<IndexSettings, 'fields'>): string | undefined {
  const geoFields = Object.entries(settings.fields).filter(([, type]) => type === 'geopoint');
  if (geoFields.length > 1) {
    throw new Error(`An index may have one geopoint field, found: ${geoFields.map(([name]) => name).join(', ')}`);
  }
  return geoFields[0]?.[0];
}

/**
 * True when `document` passes `filter`.
 * - `eq` / `in` on an array field means "contains" / "contains any".
 * - Ranges hold numbers only; on arrays each bound may be met by any element.
 * - `exists` means present and not null (an empty array exists).
 * - `geo` uses the index's geopoint field; documents without one never match.
 * - `and: []` is true, `or: []` and `in: []` are false.
 */
export function matchesFilter(document: SearchDocument, filter: Filter, geoField: string | undefined): boolean {
  return compileFilter(filter, geoField)(document);
}

type Predicate = (document: SearchDocument) => boolean;

/** Geo filters test the cheap conditions first: a document failing them never reaches the trigonometry. */
function cost(filter: Filter): number {
  if ('and' in filter) return filter.and.reduce((sum, child) => sum + cost(child), 0);
  if ('or' in filter) return filter.or.reduce((sum, child) => sum + cost(child), 0);
  if ('not' in filter) return cost(filter.not);
  return 'geo' in filter ? 10 : 1;
}

/** True when `value`, or any element of it, passes `test`. */
function anyValue(value: unknown, test: (v: unknown) => boolean): boolean {
  if (value === undefined || value === null) return false;
  if (!Array.isArray(value)) return test(value);
  for (const item of value) if (test(item)) return true;
  return false;
}

/**
 * `matchesFilter` turned into a function once per query, so a scan over
 * tens of thousands of documents does no filter-shape work per document.
 * The returned predicates allocate nothing per document (plain loops, tests
 * built once), because the embedded engine runs them thousands of times a query.
 */
export function compileFilter(filter: Filter, geoField: string | undefined): Predicate {
  if ('and' in filter) {
    const parts = [...filter.and].sort((a, b) => cost(a) - cost(b)).map((child) => compileFilter(child, geoField));
    if (parts.length === 1) return parts[0]!;
    return (document) => {
      for (const part of parts) if (!part(document)) return false;
      return true;
    };
  }
  if ('or' in filter) {
    const parts = [...filter.or].sort((a, b) => cost(a) - cost(b)).map((child) => compileFilter(child, geoField));
    if (parts.length === 1) return parts[0]!;
    return (document) => {
      for (const part of parts) if (part(document)) return true;
      return false;
    };
  }
  if ('not' in filter) {
    const inner = compileFilter(filter.not, geoField);
    return (document) => !inner(document);
  }
  if ('geo' in filter) {
    if (geoField === undefined) return () => false;
    const centre = filter.geo;
    const { meters } = centre;
    const maxLatDelta = maxLatitudeDelta(meters);
    return (document) => {
      const point = document[geoField];
      if (!isGeoPoint(point) || Math.abs(point.lat - centre.lat) > maxLatDelta) return false;
      return distanceInMeters(point, centre) <= meters;
    };
  }
  const field = filter.field;
  if ('eq' in filter) {
    const wanted = filter.eq;
    const test = (v: unknown) => v === wanted;
    return (document) => {
      const value = document[field];
      return value === wanted || (Array.isArray(value) && anyValue(value, test));
    };
  }
  if ('in' in filter) {
    const wanted = new Set<unknown>(filter.in);
    const test = (v: unknown) => wanted.has(v);
    return (document) => anyValue(document[field], test);
  }
  if ('exists' in filter) {
    const exists = filter.exists;
    return (document) => {
      const value = document[field];
      return (value !== undefined && value !== null) === exists;
    };
  }
  const { low: lowest, lowInclusive, high: highest, highInclusive } = rangeBounds(filter);
  const aboveLow = (n: number) => (lowInclusive ? n >= lowest : n > lowest);
  const belowHigh = (n: number) => (highInclusive ? n <= highest : n < highest);
  return (document) => {
    const value = document[field];
    if (typeof value === 'number') return aboveLow(value) && belowHigh(value);
    if (!Array.isArray(value)) return false;
    // On arrays each bound may be met by a different element.
    let low = false;
    let high = false;
    let any = false;
    for (const item of value) {
      if (typeof item !== 'number') continue;
      any = true;
      if (aboveLow(item)) low = true;
      if (belowHigh(item)) high = true;
    }
    return any && low && high;
  };
}

/** Every field a filter names, for validation against the index's filterable list. */
export function fieldsOfFilter(filter: Filter, into: Set<string> = new Set()): Set<string> {
  if ('and' in filter) filter.and.forEach((child) => fieldsOfFilter(child, into));
  else if ('or' in filter) filter.or.forEach((child) => fieldsOfFilter(child, into));
  else if ('not' in filter) fieldsOfFilter(filter.not, into);
  else if (!('geo' in filter)) into.add(filter.field);
  return into;
}
