import { describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from './embedded-engine.js';
import type { Filter, IndexSettings, SearchDocument, SearchEngine } from './engine.js';
import { BitsetCache, countBits, forEachBit } from './filter-bitsets.js';
import { matchesFilter } from './match-filter.js';
import { createRng, type Rng } from '../db/seed/random.js';

/**
 * The embedded engine answers filters with bitsets and cached parts; these
 * tests hold it to the reference (`matchesFilter`) on documents the indexes
 * cannot hold exactly (arrays and strings in number fields, NaN, nulls,
 * missing or broken geopoints), across writes that must drop the cache.
 */
const settings: IndexSettings = {
  fields: { id: 'keyword', kind: 'keyword', tags: 'keyword[]', n: 'number', m: 'number', at: 'geopoint', note: 'keyword' },
  searchable: [],
  filterable: ['kind', 'tags', 'n', 'm', 'at', 'note'],
  sortable: ['n', 'kind'],
  synonyms: [],
  typoTolerance: false,
};

const numberValues: unknown[] = [0, 1, 2, 3, 5, 8, -0, 2.5, Number.NaN, null, undefined, [1, 9], [], ['3'], '3', 'x', true];
const kinds: unknown[] = ['igu', 'praktik', 'loentilskud', null, undefined, 3, ['igu', 'praktik'], true];
const points: unknown[] = [
  { lat: 55.68, lng: 12.57 },
  { lat: 55.64, lng: 12.08 },
  { lat: 56.16, lng: 10.2 },
  { lat: 57.05, lng: 9.92 },
  { lat: Number.NaN, lng: 12 },
  { lat: 55.7 },
  null,
  undefined,
  'here',
];

function randomDocument(r: Rng, id: string): SearchDocument {
  const document: SearchDocument = { id };
  const set = (field: string, value: unknown) => {
    if (value !== undefined) document[field] = value;
  };
  set('kind', r.pick(kinds));
  set('tags', r.pick([['a'], ['a', 'b'], ['c'], [], undefined, 'a', [Number.NaN]]));
  set('n', r.pick(numberValues));
  set('m', r.pick(numberValues));
  set('at', r.pick(points));
  set('note', r.pick(['x', null, undefined]));
  return document;
}

function randomLeaf(r: Rng): Filter {
  const field = r.pick(['kind', 'tags', 'n', 'm', 'note', 'unknown']);
  const value = r.pick<string | number | boolean>(['igu', 'praktik', 'a', 'b', 'x', '3', 0, 1, 3, 2.5, -0, Number.NaN, true]);
  switch (r.int(0, 6)) {
    case 0:
      return { field, eq: value };
    case 1:
      return { field, in: [value, r.pick<string | number>(['c', 1, 8, 'loentilskud', Number.NaN])] };
    case 2:
      return { field, gte: r.pick([0, 1, 2.5, Number.NaN]), lt: r.pick([3, 8, 100]) };
    case 3:
      return { field, gt: r.pick([-1, 0, 2]), lte: r.pick([2, 5, 9]), gte: r.pick([undefined, 2]) };
    case 4:
      return { field, exists: r.next() < 0.5 };
    case 5:
      return { field, in: [] };
    default:
      return { geo: { lat: 55.67, lng: 12.4, meters: r.pick([1_000, 40_000, 200_000, 2_000_000, 30_000_000]) } };
  }
}

function randomFilter(r: Rng, depth: number): Filter {
  const roll = r.next();
  if (depth <= 0 || roll < 0.35) return randomLeaf(r);
  if (roll < 0.6) return { and: Array.from({ length: r.int(0, 3) }, () => randomFilter(r, depth - 1)) };
  if (roll < 0.85) return { or: Array.from({ length: r.int(0, 3) }, () => randomFilter(r, depth - 1)) };
  return { not: randomFilter(r, depth - 1) };
}

async function expectReference(engine: SearchEngine, documents: Map<string, SearchDocument>, filter: Filter): Promise<void> {
  const expected = [...documents.values()].filter((document) => matchesFilter(document, filter, 'at')).map((document) => document.id);
  const result = await engine.search('docs', { filter, limit: 10_000 });
  expect(result.hits.map((hit) => hit.id).sort(), JSON.stringify(filter)).toEqual(expected.sort());
  expect(result.total).toBe(expected.length);
}

describe('embedded engine filters (bitsets)', () => {
  it('agree with matchesFilter on irregular documents, before and after writes', async () => {
    const r = createRng(11);
    const engine = createEmbeddedEngine();
    await engine.configureIndex('docs', settings);
    const documents = new Map<string, SearchDocument>();
    for (let i = 0; i < 300; i += 1) documents.set(`d${String(i).padStart(3, '0')}`, randomDocument(r, `d${String(i).padStart(3, '0')}`));
    await engine.upsert('docs', [...documents.values()]);
    const filters = Array.from({ length: 120 }, () => randomFilter(r, 3));
    for (const filter of filters) await expectReference(engine, documents, filter);
    // Replace, remove and add documents: every cached part must be dropped, holes in the numbering skipped.
    for (let round = 0; round < 3; round += 1) {
      const replaced = [...documents.keys()].filter(() => r.next() < 0.3).map((id) => randomDocument(r, id));
      const removed = [...documents.keys()].filter(() => r.next() < 0.1);
      await engine.upsert('docs', replaced);
      for (const document of replaced) documents.set(document.id, document);
      await engine.remove('docs', removed);
      for (const id of removed) documents.delete(id);
      const added = Array.from({ length: 20 }, (_, i) => randomDocument(r, `e${round}-${i}`));
      await engine.upsert('docs', added);
      for (const document of added) documents.set(document.id, document);
      // The same filters again: their parts are cached from before the writes.
      for (const filter of filters.slice(0, 60)) await expectReference(engine, documents, filter);
    }
  });

  it('orders and pages as the comparator does: missing values last either way, ties by id', async () => {
    const engine = createEmbeddedEngine();
    await engine.configureIndex('docs', settings);
    const documents: SearchDocument[] = [
      { id: 'b', n: 2, kind: 'igu' },
      { id: 'a', n: 2, kind: 'praktik' },
      { id: 'c', n: null, kind: 'igu' },
      { id: 'd', kind: 'loentilskud' },
      { id: 'e', n: -1 },
      { id: 'f', n: 10, kind: 'igu' },
      { id: 'g', n: 2, kind: 'igu' },
    ];
    await engine.upsert('docs', documents);
    const ids = async (query: Parameters<SearchEngine['search']>[1]) => (await engine.search('docs', query)).hits.map((hit) => hit.id);
    expect(await ids({ limit: 10, sort: [{ field: 'n', direction: 'asc' }] })).toEqual(['e', 'a', 'b', 'g', 'f', 'c', 'd']);
    expect(await ids({ limit: 10, sort: [{ field: 'n', direction: 'desc' }] })).toEqual(['f', 'a', 'b', 'g', 'e', 'c', 'd']);
    expect(
      await ids({
        limit: 10,
        sort: [
          { field: 'n', direction: 'desc' },
          { field: 'kind', direction: 'desc' },
        ],
      }),
    ).toEqual(['f', 'a', 'b', 'g', 'e', 'd', 'c']);
    expect(await ids({ limit: 3, offset: 2, sort: [{ field: 'n', direction: 'asc' }] })).toEqual(['b', 'g', 'f']);
    expect(await ids({ limit: 2, filter: { field: 'kind', eq: 'igu' }, sort: [{ field: 'n', direction: 'asc' }] })).toEqual(['b', 'g']);
    expect(await ids({ limit: 10, filter: { field: 'kind', eq: 'igu' } })).toEqual(['b', 'c', 'f', 'g']);
    expect(await ids({ limit: 0, filter: { field: 'kind', eq: 'igu' } })).toEqual([]);
    // After a write the order is made again.
    await engine.upsert('docs', [{ id: 'a', n: 100, kind: 'praktik' }]);
    expect(await ids({ limit: 2, sort: [{ field: 'n', direction: 'desc' }] })).toEqual(['a', 'f']);
  });

  it('pages a few matches the same before and after the full order is made', async () => {
    const engine = createEmbeddedEngine();
    await engine.configureIndex('docs', settings);
    const r = createRng(5);
    // Numbers or nothing in the sort field: mixed types (NaN, arrays, strings) have no consistent order.
    const documents = Array.from({ length: 400 }, (_, i) => {
      const document = randomDocument(r, `x${String(i).padStart(3, '0')}`);
      const n = r.pick([0, 1, 2, 3, 5, 8, 2.5, null, undefined]);
      if (n === undefined) delete document.n;
      else document.n = n;
      return document;
    });
    await engine.upsert('docs', documents);
    const filter: Filter = {
      and: [
        { field: 'kind', eq: 'igu' },
        { field: 'tags', in: ['c', 'b'] },
      ],
    };
    const few = { filter, limit: 5, offset: 2, sort: [{ field: 'n', direction: 'desc' as const }] };
    const expectedTotal = documents.filter((document) => matchesFilter(document, few.filter, 'at')).length;
    // Few enough that the first query compares them; the second query (all documents) makes the order.
    expect(expectedTotal * 16).toBeLessThanOrEqual(documents.length);
    expect(expectedTotal).toBeGreaterThan(4);
    const compared = await engine.search('docs', few);
    await engine.search('docs', { limit: 1, sort: few.sort });
    const ordered = await engine.search('docs', few);
    expect(ordered.hits.map((hit) => hit.id)).toEqual(compared.hits.map((hit) => hit.id));
    expect(compared.total).toBe(expectedTotal);
    expect(compared.hits).toHaveLength(Math.min(5, expectedTotal - 2));
  });
});

describe('bitsets', () => {
  it('count and list their members', () => {
    const bits = new Uint32Array(3);
    for (const n of [0, 31, 32, 63, 64, 95]) bits[n >>> 5]! |= 1 << (n & 31);
    const listed: number[] = [];
    forEachBit(bits, (n) => listed.push(n));
    expect(listed).toEqual([0, 31, 32, 63, 64, 95]);
    expect(countBits(bits)).toBe(6);
  });

  it('keeps the cache within its byte budget, dropping the least recently used', () => {
    const cache = new BitsetCache(3 * 16);
    cache.set('a', new Uint32Array(4));
    cache.set('b', new Uint32Array(4));
    cache.set('c', new Uint32Array(4));
    expect(cache.get('a')).toBeDefined();
    cache.set('d', new Uint32Array(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.get('d')).toBeDefined();
  });
});
