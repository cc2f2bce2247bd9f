/**
 * Denmark's regions, municipalities and postal codes, in memory and without a
 * database: for forms, distance estimates and labels. The data are the
 * repository's own files under db/data/geo (see their README for sources).
 *
 * Plain JSON imports, without `with { type: 'json' }`: the Remix classic
 * compiler's esbuild (0.17) cannot parse import attributes, while tsx, Vitest
 * and the bundle all accept the plain form.
 */
import municipalityData from '../../db/data/geo/municipalities.json';
import postalCodeData from '../../db/data/geo/postal-codes.json';
import regionData from '../../db/data/geo/regions.json';

export type Region = { code: string; nameDa: string; nameEn: string };
export type Municipality = { code: string; nameDa: string; nameEn: string; regionCode: string; lat: number; lon: number };
export type PostalCode = { code: string; name: string; municipalityCode: string; lat: number; lon: number };

const regions: readonly Region[] = regionData;
const municipalities: readonly Municipality[] = municipalityData;
const postalCodes: readonly PostalCode[] = postalCodeData;

const regionByCode = new Map(regions.map((r) => [r.code, r]));
const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));
const postalCodeByCode = new Map(postalCodes.map((p) => [p.code, p]));

/** A 4-digit postal code, e.g. '6200' → Aabenraa. Undefined for unknown or non-geographic codes. */
export function getPostalCode(code: string): PostalCode | undefined {
  return postalCodeByCode.get(code.trim());
}

/** A 3-digit municipality code, e.g. '580' → Aabenraa. */
export function getMunicipality(code: string): Municipality | undefined {
  return municipalityByCode.get(code.trim());
}

export function getRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

/** All 98 municipalities, sorted by Danish name. */
export function listMunicipalities(): readonly Municipality[] {
  return sortedMunicipalities;
}

export function listRegions(): readonly Region[] {
  return regions;
}

export function listPostalCodes(): readonly PostalCode[] {
  return postalCodes;
}

const sortedMunicipalities = [...municipalities].sort((a, b) => a.nameDa.localeCompare(b.nameDa, 'da'));
