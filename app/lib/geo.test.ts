import { describe, expect, it } from 'vitest';
import { metersBetween } from '../../search/match-filter.js';
import { distanceKm } from './geo.js';

describe('distanceKm', () => {
  it('is zero for the same point and symmetric', () => {
    const aabenraa = { lat: 55.044, lon: 9.418 };
    const soenderborg = { lat: 54.909, lon: 9.792 };
    expect(distanceKm(aabenraa, aabenraa)).toBe(0);
    expect(distanceKm(aabenraa, soenderborg)).toBeCloseTo(distanceKm(soenderborg, aabenraa), 9);
    // Aabenraa–Sønderborg is about 28 km as the crow flies.
    expect(distanceKm(aabenraa, soenderborg)).toBeGreaterThan(26);
    expect(distanceKm(aabenraa, soenderborg)).toBeLessThan(30);
  });

  it('matches a known long distance (Copenhagen–Aalborg ≈ 225 km)', () => {
    expect(distanceKm({ lat: 55.676, lon: 12.568 }, { lat: 57.048, lon: 9.919 })).toBeGreaterThan(215);
    expect(distanceKm({ lat: 55.676, lon: 12.568 }, { lat: 57.048, lon: 9.919 })).toBeLessThan(235);
  });
});

describe('one distance for the matcher and the search engines', () => {
  it('gives the distance the geo filter uses, so a candidate the engine finds within a radius is within it for the matcher', () => {
    const pairs = [
      [
        { lat: 55.044, lon: 9.418 },
        { lat: 54.909, lon: 9.792 },
      ],
      [
        { lat: 55.676, lon: 12.568 },
        { lat: 57.048, lon: 9.919 },
      ],
      [
        { lat: 55.4, lon: 10.38 },
        { lat: 55.403, lon: 10.385 },
      ],
    ] as const;
    for (const [a, b] of pairs) {
      expect(distanceKm(a, b) * 1000).toBeCloseTo(metersBetween(a.lat, a.lon, b.lat, b.lon), 6);
    }
  });
});
