/** Great-circle distances between points given in degrees. */
import { metersBetween } from '../../search/match-filter.js';

export type GeoPoint = { lat: number; lon: number };

/**
 * Haversine distance in kilometres, by the same arithmetic as the search
 * engines' geo filter (search/match-filter.ts), so a candidate the engine
 * finds within a radius is within it for the matcher too.
 */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return metersBetween(a.lat, a.lon, b.lat, b.lon) / 1000;
}
