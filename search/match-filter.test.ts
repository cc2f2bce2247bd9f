import { describe, expect, it } from 'vitest';
import { distanceInMeters, geoFieldOf, matchesFilter } from './match-filter.js';

const doc = { id: 'a', kind: 'igu', tags: ['x', 'y'], n: 5, ns: [1, 9], note: null, at: { lat: 55.6761, lng: 12.5683 } };

describe('matchesFilter', () => {
  it('reads eq and in on arrays as contains', () => {
    expect(matchesFilter(doc, { field: 'tags', eq: 'y' }, 'at')).toBe(true);
    expect(matchesFilter(doc, { field: 'tags', in: ['z', 'x'] }, 'at')).toBe(true);
    expect(matchesFilter(doc, { field: 'kind', in: [] }, 'at')).toBe(false);
    expect(matchesFilter(doc, { field: 'kind', eq: 'IGU' }, 'at')).toBe(false);
  });

  it('compares ranges on numbers only, each bound on any array element', () => {
    expect(matchesFilter(doc, { field: 'n', gte: 5, lt: 6 }, 'at')).toBe(true);
    expect(matchesFilter(doc, { field: 'n', gt: 5 }, 'at')).toBe(false);
    expect(matchesFilter(doc, { field: 'ns', gte: 5, lte: 2 }, 'at')).toBe(true);
    expect(matchesFilter(doc, { field: 'kind', gte: 0 }, 'at')).toBe(false);
  });

  it('treats null as absent for exists', () => {
    expect(matchesFilter(doc, { field: 'note', exists: false }, 'at')).toBe(true);
    expect(matchesFilter(doc, { field: 'missing', exists: false }, 'at')).toBe(true);
    expect(matchesFilter(doc, { field: 'tags', exists: true }, 'at')).toBe(true);
  });

  it('keeps points within the radius', () => {
    const roskilde = { lat: 55.6415, lng: 12.0803 };
    const meters = distanceInMeters(doc.at, roskilde);
    expect(meters).toBeGreaterThan(30_000);
    expect(meters).toBeLessThan(32_000);
    expect(matchesFilter(doc, { geo: { ...roskilde, meters: 32_000 } }, 'at')).toBe(true);
    expect(matchesFilter(doc, { geo: { ...roskilde, meters: 30_000 } }, 'at')).toBe(false);
    expect(matchesFilter(doc, { geo: { ...roskilde, meters: 32_000 } }, undefined)).toBe(false);
  });

  it('combines with and, or and not; empty groups are true and false', () => {
    expect(matchesFilter(doc, { and: [] }, 'at')).toBe(true);
    expect(matchesFilter(doc, { or: [] }, 'at')).toBe(false);
    expect(
      matchesFilter(
        doc,
        {
          not: {
            or: [
              { field: 'kind', eq: 'praktik' },
              { field: 'n', lt: 5 },
            ],
          },
        },
        'at',
      ),
    ).toBe(true);
  });

  it('allows one geopoint field per index', () => {
    expect(geoFieldOf({ fields: { id: 'keyword', at: 'geopoint' } })).toBe('at');
    expect(() => geoFieldOf({ fields: { a: 'geopoint', b: 'geopoint' } })).toThrow(/one geopoint/);
  });
});
