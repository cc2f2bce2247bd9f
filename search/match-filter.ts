/**
 * The meaning of a `Filter`, written once in plain TypeScript. The embedded
 * engine uses it to finish what Orama's `where` cannot express exactly, and
 * the contract suite uses it as the reference both engines must agree with.
 */
import type { Filter, IndexSettings, Scalar, SearchDocument } from './engine.js';

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

/** The values a field holds: arrays are matched element by element (Meilisearch's rule). */
function valuesOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function sameScalar(value: unknown, wanted: Scalar): boolean {
  return value === wanted;
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
  if ('and' in filter) return filter.and.every((child) => matchesFilter(document, child, geoField));
  if ('or' in filter) return filter.or.some((child) => matchesFilter(document, child, geoField));
  if ('not' in filter) return !matchesFilter(document, filter.not, geoField);
  if ('geo' in filter) {
    if (geoField === undefined) return false;
    const point = document[geoField];
    return isGeoPoint(point) && distanceInMeters(point, filter.geo) <= filter.geo.meters;
  }
  const value = document[filter.field];
  if ('eq' in filter) return valuesOf(value).some((v) => sameScalar(v, filter.eq));
  if ('in' in filter) return valuesOf(value).some((v) => filter.in.some((wanted) => sameScalar(v, wanted)));
  if ('exists' in filter) return (value !== undefined && value !== null) === filter.exists;
  const numbers = valuesOf(value).filter((v): v is number => typeof v === 'number');
  const bound = (test: (n: number) => boolean) => numbers.some(test);
  const { gte, lte, gt, lt } = filter;
  if (numbers.length === 0) return false;
  return (
    (gte === undefined || bound((n) => n >= gte)) &&
    (lte === undefined || bound((n) => n <= lte)) &&
    (gt === undefined || bound((n) => n > gt)) &&
    (lt === undefined || bound((n) => n < lt))
  );
}

/** Every field a filter names, for validation against the index's filterable list. */
export function fieldsOfFilter(filter: Filter, into: Set<string> = new Set()): Set<string> {
  if ('and' in filter) filter.and.forEach((child) => fieldsOfFilter(child, into));
  else if ('or' in filter) filter.or.forEach((child) => fieldsOfFilter(child, into));
  else if ('not' in filter) fieldsOfFilter(filter.not, into);
  else if (!('geo' in filter)) into.add(filter.field);
  return into;
}
