/**
 * The meaning of a `Filter`, written once in plain TypeScript. The embedded
 * engine uses it to finish what Orama's `where` cannot express exactly, and
 * the contract suite uses it as the reference both engines must agree with.
 */
import type { Filter, IndexSettings, SearchDocument } from './engine.js';

export type GeoPoint = { lat: number; lng: number };

const EARTH_RADIUS_METERS = 6_371_000;

/** Great-circle distance in meters (haversine, as Meilisearch and Orama use). */
export function distanceInMeters(a: GeoPoint, b: GeoPoint): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isGeoPoint(value: unknown): value is GeoPoint {
  if (typeof value !== 'object' || value === null) return false;
  const lat: unknown = Reflect.get(value, 'lat');
  const lng: unknown = Reflect.get(value, 'lng');
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

function anyValue(value: unknown, test: (v: unknown) => boolean): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.some(test);
  return test(value);
}

/** Geo filters test the cheap conditions first: a document failing them never reaches the trigonometry. */
function cost(filter: Filter): number {
  if ('and' in filter) return filter.and.reduce((sum, child) => sum + cost(child), 0);
  if ('or' in filter) return filter.or.reduce((sum, child) => sum + cost(child), 0);
  if ('not' in filter) return cost(filter.not);
  return 'geo' in filter ? 10 : 1;
}

/**
 * `matchesFilter` turned into a function once per query, so a scan over
 * tens of thousands of documents does no filter-shape work per document.
 */
export function compileFilter(filter: Filter, geoField: string | undefined): Predicate {
  if ('and' in filter) {
    const parts = [...filter.and].sort((a, b) => cost(a) - cost(b)).map((child) => compileFilter(child, geoField));
    return (document) => parts.every((part) => part(document));
  }
  if ('or' in filter) {
    const parts = [...filter.or].sort((a, b) => cost(a) - cost(b)).map((child) => compileFilter(child, geoField));
    return (document) => parts.some((part) => part(document));
  }
  if ('not' in filter) {
    const inner = compileFilter(filter.not, geoField);
    return (document) => !inner(document);
  }
  if ('geo' in filter) {
    if (geoField === undefined) return () => false;
    const centre = filter.geo;
    const { meters } = centre;
    // One degree of latitude is at least 110.5 km: anything farther north or south cannot be inside.
    const maxLatDelta = meters / 110_500 + 1e-9;
    return (document) => {
      const point = document[geoField];
      if (!isGeoPoint(point) || Math.abs(point.lat - centre.lat) > maxLatDelta) return false;
      return distanceInMeters(point, centre) <= meters;
    };
  }
  const field = filter.field;
  if ('eq' in filter) {
    const wanted = filter.eq;
    return (document) => anyValue(document[field], (v) => v === wanted);
  }
  if ('in' in filter) {
    const wanted = new Set<unknown>(filter.in);
    return (document) => anyValue(document[field], (v) => wanted.has(v));
  }
  if ('exists' in filter) {
    const exists = filter.exists;
    return (document) => {
      const value = document[field];
      return (value !== undefined && value !== null) === exists;
    };
  }
  const { gte, lte, gt, lt } = filter;
  const bounds: Array<(n: number) => boolean> = [];
  if (gte !== undefined) bounds.push((n) => n >= gte);
  if (lte !== undefined) bounds.push((n) => n <= lte);
  if (gt !== undefined) bounds.push((n) => n > gt);
  if (lt !== undefined) bounds.push((n) => n < lt);
  return (document) => {
    const value = document[field];
    if (typeof value === 'number') return bounds.every((bound) => bound(value));
    if (!Array.isArray(value)) return false;
    const numbers = value.filter((v): v is number => typeof v === 'number');
    return numbers.length > 0 && bounds.every((bound) => numbers.some(bound));
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
