import { describe, expect, it } from 'vitest';
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
