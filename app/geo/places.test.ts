import { describe, expect, it } from 'vitest';
import { distanceKm } from '../lib/geo.js';
import { getMunicipality, getPostalCode, getRegion, listMunicipalities, listPostalCodes } from './places.js';

describe('places', () => {
  it('knows the 98 municipalities in 5 regions, sorted by Danish name', () => {
    const all = listMunicipalities();
    expect(all).toHaveLength(98);
    expect(new Set(all.map((m) => m.regionCode)).size).toBe(5);
    expect(all.every((m) => getRegion(m.regionCode) !== undefined)).toBe(true);
    expect(all[0].nameDa).toBe('Albertslund');
    expect(all.map((m) => m.code)).not.toContain('411');
  });

  it('looks up postal codes with their municipality', () => {
    expect(getPostalCode('6200')).toMatchObject({ name: 'Aabenraa', municipalityCode: '580' });
    expect(getPostalCode('8000')).toMatchObject({ municipalityCode: '751' });
    expect(getMunicipality('751')?.nameDa).toBe('Aarhus');
    expect(getMunicipality('580')).toMatchObject({ nameDa: 'Aabenraa', regionCode: 'DK-83' });
  });

  it('leaves out unknown and non-geographic codes', () => {
    expect(getPostalCode('0783')).toBeUndefined();
    expect(getPostalCode('9999')).toBeUndefined();
    expect(getMunicipality('411')).toBeUndefined();
  });

  it('gives every postal code a known municipality and a point in Denmark', () => {
    for (const p of listPostalCodes()) {
      expect(p.code).toMatch(/^\d{4}$/);
      expect(getMunicipality(p.municipalityCode)).toBeDefined();
      expect(p.lat).toBeGreaterThan(54.5);
      expect(p.lat).toBeLessThan(57.8);
      expect(p.lon).toBeGreaterThan(8);
      expect(p.lon).toBeLessThan(15.2);
    }
  });

  it('measures distances', () => {
    const aabenraa = getPostalCode('6200');
    const soenderborg = getPostalCode('6400');
    expect(aabenraa && soenderborg ? distanceKm(aabenraa, soenderborg) : 0).toBeGreaterThan(10);
    expect(aabenraa && soenderborg ? distanceKm(aabenraa, soenderborg) : 99).toBeLessThan(40);
  });
});
