/**
 * One string object per distinct value for the values index documents
 * repeat thousands of times (skill and occupation URIs, jobcentre and
 * municipality ids). The matcher looks every candidate skill up in a slot's
 * skills; with shared strings equal values are the same object, so the
 * lookup ends at a pointer comparison instead of comparing 80-character URIs
 * that share their first 40, and the index holds each value once.
 */
const strings = new Map<string, string>();
/** The values are taxonomy URIs and ids, a few thousand; the bound only guards a long-running process. */
const MAX_SHARED = 200_000;

export function shared(value: string): string {
  const existing = strings.get(value);
  if (existing !== undefined) return existing;
  if (strings.size >= MAX_SHARED) strings.clear();
  strings.set(value, value);
  return value;
}

export function sharedAll(values: readonly string[]): string[] {
  return values.map(shared);
}
