import { describe, expect, it } from 'vitest';
import { InvalidFilter, quoteFilterString, toMeilisearchFilter } from './meilisearch-filter.js';

describe('toMeilisearchFilter', () => {
  it('quotes strings and leaves numbers and booleans bare', () => {
    expect(toMeilisearchFilter({ field: 'municipality', eq: 'København' })).toBe('municipality = "København"');
    expect(toMeilisearchFilter({ field: 'hours', eq: 37 })).toBe('hours = 37');
    expect(toMeilisearchFilter({ field: 'active', eq: true })).toBe('active = true');
    expect(toMeilisearchFilter({ field: 'x', eq: 1e-7 })).toBe('x = 0.0000001');
    expect(toMeilisearchFilter({ field: 'x', eq: 1e21 })).toBe('x = 1000000000000000000000');
  });

  it('escapes backslashes and double quotes inside values', () => {
    expect(quoteFilterString('a"b')).toBe('"a\\"b"');
    expect(quoteFilterString('ends with \\')).toBe('"ends with \\\\"');
    expect(quoteFilterString('\\"')).toBe('"\\\\\\""');
    expect(toMeilisearchFilter({ field: 'name', eq: `Smørrebrød "Ida's" [A] \\ OR 1 = 1` })).toBe(
      'name = "Smørrebrød \\"Ida\'s\\" [A] \\\\ OR 1 = 1"',
    );
  });

  it('keeps operator words and brackets inside the quoted value', () => {
    for (const word of ['OR', 'AND', 'TO', 'NOT', 'EXISTS', 'IN', '_geoRadius(1, 2, 3)', '] OR id EXISTS [', ')']) {
      const expression = toMeilisearchFilter({ field: 'tag', in: [word, 'x'] });
      expect(expression).toBe(`tag IN [${JSON.stringify(word)}, "x"]`);
    }
  });

  it('translates every node', () => {
    expect(
      toMeilisearchFilter({
        and: [
          {
            or: [
              { field: 'programme', eq: 'igu' },
              { field: 'programme', in: ['praktik', 'løntilskud'] },
            ],
          },
          { not: { field: 'hidden', exists: true } },
          { field: 'age', gte: 18, lte: 30 },
          { field: 'score', gt: 0.5, lt: 2 },
          { geo: { lat: 55.6761, lng: 12.5683, meters: 25_000 } },
        ],
      }),
    ).toBe(
      '((programme = "igu") OR (programme IN ["praktik", "løntilskud"])) AND (NOT ((hidden EXISTS AND NOT hidden IS NULL))) AND ((age >= 18 AND age <= 30)) AND ((score > 0.5 AND score < 2)) AND (_geoRadius(55.6761, 12.5683, 25000))',
    );
    expect(toMeilisearchFilter({ field: 'note', exists: false })).toBe('(NOT note EXISTS OR note IS NULL)');
  });

  it('gives empty groups their logical meaning', () => {
    expect(toMeilisearchFilter({ and: [] })).toBe('id EXISTS');
    expect(toMeilisearchFilter({ or: [] })).toBe('NOT id EXISTS');
    expect(toMeilisearchFilter({ field: 'a', in: [] })).toBe('NOT id EXISTS');
  });

  it('refuses bad field names, non-finite numbers and empty ranges', () => {
    for (const name of ['', '1abc', 'a b', 'a=1 OR b', 'a"', 'ø', 'a-b']) {
      expect(() => toMeilisearchFilter({ field: name, eq: 'x' })).toThrow(InvalidFilter);
    }
    expect(() => toMeilisearchFilter({ field: 'a', eq: Number.NaN })).toThrow(InvalidFilter);
    expect(() => toMeilisearchFilter({ field: 'a', gte: Number.POSITIVE_INFINITY })).toThrow(InvalidFilter);
    expect(() => toMeilisearchFilter({ geo: { lat: Number.NaN, lng: 1, meters: 1 } })).toThrow(InvalidFilter);
    expect(() => toMeilisearchFilter({ field: 'a' })).toThrow(InvalidFilter);
    expect(toMeilisearchFilter({ field: 'address.city', eq: 'Aarhus' })).toBe('address.city = "Aarhus"');
  });
});
