/**
 * One object per distinct value for the values index documents repeat
 * thousands of times.
 *
 * - Strings (skill and occupation URIs, jobcentre and municipality ids): the
 *   matcher looks every candidate skill up in a slot's skills; with shared
 *   strings equal values are the same object, so the lookup ends at a
 *   pointer comparison instead of comparing 80-character URIs that share
 *   their first 40, and the index holds each value once.
 * - Short lists that few people differ in (networks, languages, sectors)
 *   and places (a postal code's point): at national scale the candidates'
 *   documents held ≈ 220,000 such objects of their own, a sixth of an app
 *   process's heap objects, all marked by every full collection. Shared
 *   ones are frozen, so a caller that tried to change one would fail
 *   loudly instead of changing other people's documents.
 */
import { rememberIn } from '../../lib/bounded-memo.js';

const strings = new Map<string, string>();
/** The values are taxonomy URIs and ids, a few thousand; the bound only guards a long-running process. */
const MAX_SHARED = 200_000;

export function shared(value: string): string {
  return rememberIn(strings, value, MAX_SHARED, () => value);
}

export function sharedAll(values: readonly string[]): string[] {
  return values.map(shared);
}

const lists = new Map<string, readonly string[]>();
const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** One frozen list per distinct sequence of values, its strings shared. */
export function sharedList(values: readonly string[]): readonly string[] {
  if (values.length === 0) return EMPTY_LIST;
  return rememberIn(lists, values.join('\u0000'), MAX_SHARED, () => Object.freeze(sharedAll(values)));
}

export type Point = { readonly lat: number; readonly lng: number };
const points = new Map<string, Point>();

/** One frozen point per distinct position (candidates' places are postal codes' points). */
export function sharedPoint(lat: number, lng: number): Point {
  return rememberIn(points, `${lat},${lng}`, MAX_SHARED, () => Object.freeze({ lat, lng }));
}
