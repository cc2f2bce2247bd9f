/**
 * Filters answered as bitsets over document numbers, for the embedded
 * engine. Each condition becomes the exact set of documents it keeps, read
 * from the engine's indexes (value → documents for keywords, sorted values
 * for numbers, a grid for the geopoint); `and`, `or` and `not` are word-wise
 * operations on 32 documents at a time. Sets of conditions are kept in a
 * cache until the next write: a full re-match asks for the same few hundred
 * start days, travel bands around the same postal codes and Danish levels
 * ten thousand times, and then pays only for combining them.
 *
 * Meaning is `matchesFilter`'s, exactly: whatever the indexes cannot answer
 * exactly (arrays in a number field, `exists`, fields without an index, NaN)
 * is checked with the reference predicate, document by document.
 */
import type { Filter, Scalar, SearchDocument } from './engine.js';
import { compileFilter, maxLatitudeDelta, metersBetween, rangeBounds, type RangeBounds } from './match-filter.js';

/** Bit `n % 32` of word `n >> 5` is set when document number `n` is in the set. */
export type Bitset = Uint32Array;

/** The geopoint field by document number; NaN where a document has no valid geopoint. */
export type GeoColumn = { lat: Float64Array; lng: Float64Array };

/** A number field's documents sorted by value; documents holding an array instead are listed apart. */
export type SortedNumbers = { values: Float64Array; numbers: Int32Array; irregular: readonly number[] };

/** What the engine's indexes offer; document numbers run from 0 to `capacity` − 1. */
export type FilterIndexes = {
  capacity: number;
  geoField: string | undefined;
  /** The stored document; undefined once removed. */
  documentAt(n: number): SearchDocument | undefined;
  /** The documents present. */
  live(): Bitset;
  /** Undefined when `field` is not a filterable number field. */
  sortedNumbers(field: string): SortedNumbers | undefined;
  /** Documents holding `value` in an indexed keyword field; undefined when `field` has no keyword index. */
  keywordPostings(field: string): ((value: Scalar) => Int32Array | undefined) | undefined;
  /** Documents in the grid cells around a radius (a superset); undefined when only a scan can tell. */
  geoCells(centre: { lat: number; lng: number; meters: number }): Int32Array[] | undefined;
  geoColumn(): GeoColumn | undefined;
};

export const wordsFor = (capacity: number) => (capacity + 31) >>> 5;

function setBits(bits: Bitset, numbers: Int32Array, from = 0, to = numbers.length): void {
  for (let i = from; i < to; i += 1) {
    const n = numbers[i]!;
    bits[n >>> 5]! |= 1 << (n & 31);
  }
}

export function countBits(bits: Bitset): number {
  let count = 0;
  for (let i = 0; i < bits.length; i += 1) {
    let word = bits[i]!;
    // Population count of a 32-bit word (SWAR).
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    count += (((word + (word >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

/** Calls `visit` with every document number in the set, in ascending order. */
export function forEachBit(bits: Bitset, visit: (n: number) => void): void {
  for (let i = 0; i < bits.length; i += 1) {
    let word = bits[i]!;
    while (word !== 0) {
      const lowest = word & -word;
      visit((i << 5) + 31 - Math.clz32(lowest));
      word ^= lowest;
    }
  }
}

function isEmpty(bits: Bitset): boolean {
  for (let i = 0; i < bits.length; i += 1) if (bits[i] !== 0) return false;
  return true;
}

/**
 * Bitsets of filter parts, kept until the next write (the engine drops the
 * cache then). Least recently used entries go first once `maxBytes` is reached.
 */
export class BitsetCache {
  private readonly entries = new Map<string, Bitset>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string): Bitset | undefined {
    const bits = this.entries.get(key);
    if (bits) {
      // Re-inserted, so Map order stays least recently used first.
      this.entries.delete(key);
      this.entries.set(key, bits);
    }
    return bits;
  }

  set(key: string, bits: Bitset): void {
    if (bits.byteLength > this.maxBytes) return;
    this.entries.set(key, bits);
    this.bytes += bits.byteLength;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.byteLength;
    }
  }
}

type Context = { indexes: FilterIndexes; cache: BitsetCache | undefined; words: number; keys: Map<Filter, string> };

/** A stable text for a filter part: JSON for conditions, built up from the parts' keys for groups. */
function keyOf(filter: Filter, context: Context): string {
  let key = context.keys.get(filter);
  if (key !== undefined) return key;
  if ('and' in filter) key = `and[${filter.and.map((child) => keyOf(child, context)).join(',')}]`;
  else if ('or' in filter) key = `or[${filter.or.map((child) => keyOf(child, context)).join(',')}]`;
  else if ('not' in filter) key = `not[${keyOf(filter.not, context)}]`;
  else key = JSON.stringify(filter);
  context.keys.set(filter, key);
  return key;
}

/** Every live document passing the reference predicate: for what no index answers. */
function scan(filter: Filter, context: Context): Bitset {
  const { indexes } = context;
  const test = compileFilter(filter, indexes.geoField);
  const bits = new Uint32Array(context.words);
  forEachBit(indexes.live(), (n) => {
    const document = indexes.documentAt(n);
    if (document && test(document)) bits[n >>> 5]! |= 1 << (n & 31);
  });
  return bits;
}

/** Adds the documents of `irregular` (arrays in a number field) that pass the reference predicate. */
function addIrregular(bits: Bitset, filter: Filter, irregular: readonly number[], context: Context): void {
  if (irregular.length === 0) return;
  const test = compileFilter(filter, context.indexes.geoField);
  for (const n of irregular) {
    const document = context.indexes.documentAt(n);
    if (document && test(document)) bits[n >>> 5]! |= 1 << (n & 31);
  }
}

/** First position whose value is ≥ `bound` (or > `bound` when `strict`). */
function lowerBound(values: Float64Array, bound: number, strict: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const value = values[middle]!;
    if (strict ? value <= bound : value < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

function rangeBits(sorted: SortedNumbers, bounds: RangeBounds, bits: Bitset): void {
  const from = lowerBound(sorted.values, bounds.low, !bounds.lowInclusive);
  const to = lowerBound(sorted.values, bounds.high, bounds.highInclusive);
  setBits(bits, sorted.numbers, from, to);
}

type GeoFilter = { geo: { lat: number; lng: number; meters: number } };

/** The test of a geo condition on a document number; undefined when the index has no geopoint field. */
function geoTest(filter: GeoFilter, context: Context): ((n: number) => boolean) | undefined {
  const column = context.indexes.geoColumn();
  if (!column) return undefined;
  const { lat, lng } = column;
  const { lat: centreLat, lng: centreLng, meters } = filter.geo;
  const maxLatDelta = maxLatitudeDelta(meters);
  return (n) => {
    const pointLat = lat[n]!;
    // Written so that NaN (no geopoint, or a removed document) fails: NaN compares false.
    return Math.abs(pointLat - centreLat) <= maxLatDelta && metersBetween(pointLat, lng[n]!, centreLat, centreLng) <= meters;
  };
}

function geoBits(filter: GeoFilter, context: Context, cells: Int32Array[] | undefined): Bitset {
  const bits = new Uint32Array(context.words);
  const test = geoTest(filter, context);
  if (!test) return bits;
  const check = (n: number) => {
    if (test(n)) bits[n >>> 5]! |= 1 << (n & 31);
  };
  if (cells) {
    for (const numbers of cells) for (let i = 0; i < numbers.length; i += 1) check(numbers[i]!);
  } else {
    for (let n = 0; n < context.indexes.capacity; n += 1) check(n);
  }
  return bits;
}

/**
 * Narrows `bits` by a geo condition. When the documents left are fewer than
 * those in the radius's grid cells (a travel band: the few with that travel
 * limit, anywhere in the country), each is checked where it stands instead
 * of building the radius's set; the narrowed set is the parent's, not cached.
 */
function narrowByGeo(bits: Bitset, filter: GeoFilter, context: Context): void {
  const cells = context.indexes.geoCells(filter.geo);
  const inCells = cells ? cells.reduce((sum, numbers) => sum + numbers.length, 0) : context.indexes.capacity;
  if (inCells <= countBits(bits)) {
    const part = evaluate(filter, context, true, cells);
    for (let i = 0; i < bits.length; i += 1) bits[i]! &= part[i]!;
    return;
  }
  const test = geoTest(filter, context);
  if (!test) {
    bits.fill(0);
    return;
  }
  // Clearing the bit just visited is safe: forEachBit has read its word already.
  forEachBit(bits, (n) => {
    if (!test(n)) bits[n >>> 5]! &= ~(1 << (n & 31));
  });
}

function conditionBits(
  filter: Exclude<Filter, { and: Filter[] } | { or: Filter[] } | { not: Filter }>,
  context: Context,
  cells?: Int32Array[],
): Bitset {
  if ('geo' in filter) return geoBits(filter, context, cells ?? context.indexes.geoCells(filter.geo));
  if ('exists' in filter) return scan(filter, context);
  const { indexes } = context;
  const field = filter.field;
  if ('eq' in filter || 'in' in filter) {
    const values = 'eq' in filter ? [filter.eq] : filter.in;
    // NaN: the indexes match it as a Map does (NaN finds NaN) or leave it out; `eq` compares with ===.
    if (values.some((value) => typeof value === 'number' && Number.isNaN(value))) return scan(filter, context);
    const postings = indexes.keywordPostings(field);
    if (postings) {
      const bits = new Uint32Array(context.words);
      for (const value of values) {
        const numbers = postings(value);
        if (numbers) setBits(bits, numbers);
      }
      return bits;
    }
    const sorted = indexes.sortedNumbers(field);
    // A string in a number field is in no index, and only a string can equal one.
    if (!sorted || values.some((value) => typeof value !== 'number')) return scan(filter, context);
    const bits = new Uint32Array(context.words);
    for (const value of values) {
      if (typeof value === 'number') rangeBits(sorted, rangeBounds({ gte: value, lte: value }), bits);
    }
    addIrregular(bits, filter, sorted.irregular, context);
    return bits;
  }
  const sorted = indexes.sortedNumbers(field);
  if (!sorted) return scan(filter, context);
  const bits = new Uint32Array(context.words);
  rangeBits(sorted, rangeBounds(filter), bits);
  addIrregular(bits, filter, sorted.irregular, context);
  return bits;
}

function evaluate(filter: Filter, context: Context, cached: boolean, cells?: Int32Array[]): Bitset {
  const key = cached && context.cache ? keyOf(filter, context) : undefined;
  if (key !== undefined) {
    const hit = context.cache!.get(key);
    if (hit) return hit;
  }
  let bits: Bitset;
  if ('and' in filter) {
    bits = context.indexes.live().slice();
    // Geo conditions last: by then the other parts may have left few documents to measure.
    for (const child of filter.and) {
      if ('geo' in child) continue;
      const part = evaluate(child, context, true);
      for (let i = 0; i < bits.length; i += 1) bits[i]! &= part[i]!;
      if (isEmpty(bits)) break;
    }
    for (const child of filter.and) {
      if ('geo' in child && !isEmpty(bits)) narrowByGeo(bits, child, context);
    }
  } else if ('or' in filter) {
    bits = new Uint32Array(context.words);
    for (const child of filter.or) {
      const part = evaluate(child, context, true);
      for (let i = 0; i < bits.length; i += 1) bits[i]! |= part[i]!;
    }
  } else if ('not' in filter) {
    const inner = evaluate(filter.not, context, true);
    bits = context.indexes.live().slice();
    for (let i = 0; i < bits.length; i += 1) bits[i]! &= ~inner[i]!;
  } else {
    bits = conditionBits(filter, context, cells);
  }
  if (key !== undefined) context.cache!.set(key, bits);
  return bits;
}

/**
 * The documents passing `filter`, as a bitset the caller may change. The
 * parts of the filter are looked up in and added to `cache`; the whole
 * filter is not (a query's own combination seldom comes back).
 */
export function filterBitset(filter: Filter, indexes: FilterIndexes, cache?: BitsetCache): Bitset {
  const context: Context = { indexes, cache, words: wordsFor(indexes.capacity), keys: new Map() };
  return evaluate(filter, context, false);
}
