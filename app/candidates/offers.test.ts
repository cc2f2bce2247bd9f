/**
 * The offers page's facets and filters, counted in one pass over the ranked
 * slots (before any card is built), must say exactly what the definition
 * says: each dimension counted with the other dimensions' choices applied.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../db/seed/random.js';
import { facetAndFilter, slotTypes, type BrowseQuery, type Faceted } from './offers.js';

type Item = Faceted & { id: number };

/** The definition, written the obvious way. */
function expected(items: readonly Item[], query: Pick<BrowseQuery, 'type' | 'sector' | 'municipality'>) {
  const byType = (item: Item) => query.type.length === 0 || query.type.includes(item.type);
  const bySector = (item: Item) => query.sector === undefined || item.sector === query.sector;
  const byMunicipality = (item: Item) => query.municipality === undefined || item.municipalityCode === query.municipality;
  const count = (kept: Item[], key: (item: Item) => string | null) => {
    const counts: Record<string, number> = {};
    for (const item of kept) {
      const value = key(item);
      if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
    }
    return counts;
  };
  return {
    offers: items.filter((item) => byType(item) && bySector(item) && byMunicipality(item)),
    facets: {
      type: count(
        items.filter((item) => bySector(item) && byMunicipality(item)),
        (item) => item.type,
      ),
      sector: count(
        items.filter((item) => byType(item) && byMunicipality(item)),
        (item) => item.sector,
      ),
      municipality: count(
        items.filter((item) => byType(item) && bySector(item)),
        (item) => item.municipalityCode,
      ),
    },
  };
}

describe('offer facets and filters', () => {
  it('match the definition for any mix of choices (seeded), keeping the ranked order', () => {
    const rng = createRng(41);
    const sectors = ['kitchen', 'cleaning', 'care', null];
    const municipalities = ['101', '580', '751'];
    for (let round = 0; round < 200; round += 1) {
      const items: Item[] = Array.from({ length: rng.int(0, 40) }, (_, id) => ({
        id,
        type: rng.pick(slotTypes),
        sector: rng.pick(sectors),
        municipalityCode: rng.pick(municipalities),
      }));
      const query = {
        type: slotTypes.filter(() => rng.chance(0.3)),
        sector: rng.chance(0.4) ? (rng.pick(sectors) ?? 'kitchen') : undefined,
        municipality: rng.chance(0.4) ? rng.pick(municipalities) : undefined,
      };
      const got = facetAndFilter(items, query);
      const want = expected(items, query);
      expect(got.offers.map((item) => item.id)).toEqual(want.offers.map((item) => item.id));
      // Same counts, and the same key order (the select lists sectors in the order they first appear).
      expect(Object.entries(got.facets.type)).toEqual(Object.entries(want.facets.type));
      expect(Object.entries(got.facets.sector)).toEqual(Object.entries(want.facets.sector));
      expect(Object.entries(got.facets.municipality)).toEqual(Object.entries(want.facets.municipality));
    }
  });

  it('counts no sector for slots without one, yet lists them when no sector is chosen', () => {
    const items: Item[] = [
      { id: 1, type: 'igu', sector: null, municipalityCode: '101' },
      { id: 2, type: 'igu', sector: 'kitchen', municipalityCode: '101' },
    ];
    const { offers, facets } = facetAndFilter(items, { type: [], sector: undefined, municipality: undefined });
    expect(offers.map((item) => item.id)).toEqual([1, 2]);
    expect(facets).toEqual({ type: { igu: 2 }, sector: { kitchen: 1 }, municipality: { '101': 2 } });
    expect(facetAndFilter(items, { type: [], sector: 'kitchen', municipality: undefined }).offers.map((item) => item.id)).toEqual([2]);
  });
});
