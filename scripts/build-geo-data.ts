/**
 * Dev-time converter: turns the public geo reference files into the product's
 * own data files under db/data/geo/. Run by hand when the source changes:
 *
 *   npx tsx scripts/build-geo-data.ts [source-dir]
 *
 * The source defaults to ../shared/reference/geo. The app and the tests never
 * run this script; they read only the committed output.
 *
 * Decisions (also in db/data/geo/README.md):
 * - 98 municipalities; 411 Christiansø is not a municipality and is dropped.
 * - Municipality and postal code centroids are area-weighted spherical
 *   centroids of all their polygons (d3-geo geoCentroid).
 * - Postal codes come from the PostNord list. Codes below 1000 are
 *   non-geographic (company codes, parcel centres, "Udland") and are left out.
 *   Copenhagen's 1000–1999 codes share the polygons of the ranges 1000-1499,
 *   1500-1799 and 1800-1999; each code takes its range's centroid. Codes with
 *   no polygon at all (small islands such as Omø, Endelave) take their
 *   municipality's centroid.
 * - A postal code spanning several municipalities is assigned to the one whose
 *   boundary contains the postal code's centroid; when none does (a centroid
 *   in a fjord), to the listed municipality whose centroid is nearest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoArea, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/reference/geo'));
const outDir = path.join(repoRoot, 'db/data/geo');

const regions = [
  { code: 'DK-81', nameDa: 'Region Nordjylland', nameEn: 'North Denmark Region' },
  { code: 'DK-82', nameDa: 'Region Midtjylland', nameEn: 'Central Denmark Region' },
  { code: 'DK-83', nameDa: 'Region Syddanmark', nameEn: 'Region of Southern Denmark' },
  { code: 'DK-84', nameDa: 'Region Hovedstaden', nameEn: 'Capital Region of Denmark' },
  { code: 'DK-85', nameDa: 'Region Sjælland', nameEn: 'Region Zealand' },
];

// The 2014 boundary file still carries names changed since; use today's official ones.
const currentNames: Record<string, { da: string; en: string }> = {
  '751': { da: 'Aarhus', en: 'Aarhus' },
  '810': { da: 'Brønderslev', en: 'Brønderslev' },
};

const NOT_A_MUNICIPALITY = '411';

const ring = z.array(z.array(z.number()).min(2));
const geometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
]);
const municipalityFile = z.object({
  features: z.array(z.object({ properties: z.object({ lau_1: z.string().regex(/^\d{3}$/) }), geometry })),
});
const postalFile = z.object({
  features: z.array(z.object({ properties: z.object({ postal_code: z.string() }), geometry })),
});

function readJson(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(sourceDir, name), 'utf8'));
}

function readCsv(name: string, separator: string): string[][] {
  const text = fs.readFileSync(path.join(sourceDir, name), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(separator));
}

/** Drops the third (-999) ordinate. */
function flat(position: Position): Position {
  return [position[0], position[1]];
}

/**
 * d3-geo reads rings on the sphere, where winding decides which side is
 * inside; the source follows the opposite (RFC 7946) order for some rings. A
 * polygon covering more than a hemisphere has been read inside out: reverse it.
 */
function oriented(rings: Position[][]): Position[][] {
  const polygon: Polygon = { type: 'Polygon', coordinates: rings.map((r) => r.map(flat)) };
  if (geoArea(polygon) > 2 * Math.PI) return polygon.coordinates.map((r) => [...r].reverse());
  return polygon.coordinates;
}

function toMultiPolygon(geometries: z.infer<typeof geometry>[]): MultiPolygon {
  const polygons: Position[][][] = [];
  for (const g of geometries) {
    if (g.type === 'Polygon') polygons.push(oriented(g.coordinates));
    else for (const p of g.coordinates) polygons.push(oriented(p));
  }
  return { type: 'MultiPolygon', coordinates: polygons };
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function centroidOf(shape: MultiPolygon): { lat: number; lon: number } {
  const [lon, lat] = geoCentroid(shape);
  return { lat: round(lat, 5), lon: round(lon, 5) };
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}

// ---- municipalities ----------------------------------------------------------

const municipalityRows = readCsv('municipalities.csv', ',').slice(1);
const municipalityShapes = new Map<string, MultiPolygon>();
for (const [code, features] of groupBy(municipalityFile.parse(readJson('municipalities.geojson')).features, (f) => f.properties.lau_1)) {
  municipalityShapes.set(code, toMultiPolygon(features.map((f) => f.geometry)));
}

const municipalities = municipalityRows
  .filter(([code]) => code !== NOT_A_MUNICIPALITY)
  .map(([code, labelEn, labelDa, regionCode]) => {
    const shape = municipalityShapes.get(code);
    if (!shape) throw new Error(`Municipality ${code} has no boundary`);
    const names = currentNames[code] ?? { da: labelDa, en: labelEn };
    return { code, nameDa: names.da, nameEn: names.en, regionCode, ...centroidOf(shape) };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
if (municipalities.length !== 98) throw new Error(`Expected 98 municipalities, found ${municipalities.length}`);
const municipalityByCode = new Map(municipalities.map((m) => [m.code, m]));

// ---- postal codes ------------------------------------------------------------

const postalShapes = new Map<string, MultiPolygon>();
for (const [label, features] of groupBy(postalFile.parse(readJson('postal_codes.geojson')).features, (f) => f.properties.postal_code)) {
  postalShapes.set(label, toMultiPolygon(features.map((f) => f.geometry)));
}

/** The polygon of a code, directly or through a range label such as "1000-1499". */
function postalShape(code: string): MultiPolygon | undefined {
  const direct = postalShapes.get(code);
  if (direct) return direct;
  for (const [label, shape] of postalShapes) {
    const range = /^(\d{4})-(\d{4})$/.exec(label);
    if (range && code >= range[1] && code <= range[2]) return shape;
  }
  return undefined;
}

// PostNord columns: region code; region; municipality code; municipality; postal code; town.
const postnord = readCsv('postal_codes_municipalities.csv', ';').slice(1);
const postalCodes = [];
let fromPolygon = 0;
let fromMunicipality = 0;
for (const [code, rows] of groupBy(postnord, (row) => row[4])) {
  if (!/^\d{4}$/.test(code) || code < '1000') continue;
  const listed = [...new Set(rows.map((row) => row[2]))].filter((m) => municipalityByCode.has(m));
  if (listed.length === 0) continue;
  const shape = postalShape(code);
  let point: { lat: number; lon: number };
  let municipalityCode = listed[0];
  if (shape) {
    point = centroidOf(shape);
    fromPolygon += 1;
    if (listed.length > 1) {
      const at: [number, number] = [point.lon, point.lat];
      const containing = listed.find((m) => {
        const boundary = municipalityShapes.get(m);
        return boundary !== undefined && geoContains(boundary, at);
      });
      const nearest = [...listed].sort((a, b) => distanceTo(a, at) - distanceTo(b, at))[0];
      municipalityCode = containing ?? nearest;
    }
  } else {
    const municipality = municipalityByCode.get(municipalityCode);
    if (!municipality) continue;
    point = { lat: municipality.lat, lon: municipality.lon };
    fromMunicipality += 1;
  }
  postalCodes.push({ code, name: rows[0][5].trim(), municipalityCode, lat: point.lat, lon: point.lon });
}
postalCodes.sort((a, b) => a.code.localeCompare(b.code));

function distanceTo(municipalityCode: string, at: [number, number]): number {
  const m = municipalityByCode.get(municipalityCode);
  return m ? geoDistance([m.lon, m.lat], at) : Number.POSITIVE_INFINITY;
}

// ---- simplified boundaries for the map ---------------------------------------

/** Douglas–Peucker on a ring, in degrees; keeps the ring closed. */
function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 4) return points;
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    let maxDistance = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > maxDistance) {
        maxDistance = d;
        index = i;
      }
    }
    if (index !== -1 && maxDistance > tolerance) {
      keep[index] = true;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  // Longitude degrees are ~0.56 latitude degrees at 56° N.
  const k = Math.cos((56 * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[0] * k, p[1], a[0] * k, a[1], b[0] * k, b[1]];
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const MAP_TOLERANCE = 0.002;
// Islets smaller than this (steradians; ~0.8 km²) vanish at map scale.
const MIN_ISLAND_AREA = 2e-11;
const mapFeatures: Feature<MultiPolygon, { code: string; name: string }>[] = municipalities.map((m) => {
  const shape = municipalityShapes.get(m.code);
  if (!shape) throw new Error(`Municipality ${m.code} has no boundary`);
  const polygons = shape.coordinates
    .filter((polygon) => geoArea({ type: 'Polygon', coordinates: polygon }) >= MIN_ISLAND_AREA)
    .map((polygon) => polygon.map((r) => simplify(r, MAP_TOLERANCE).map(([lon, lat]) => [round(lon, 3), round(lat, 3)])).filter((r) => r.length >= 4))
    .filter((polygon) => polygon.length > 0);
  return {
    type: 'Feature',
    properties: { code: m.code, name: m.nameDa },
    geometry: { type: 'MultiPolygon', coordinates: polygons },
  };
});

// ---- write -------------------------------------------------------------------

fs.mkdirSync(outDir, { recursive: true });
const lines = (rows: unknown[]) => `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
fs.writeFileSync(path.join(outDir, 'regions.json'), lines(regions));
fs.writeFileSync(path.join(outDir, 'municipalities.json'), lines(municipalities));
fs.writeFileSync(path.join(outDir, 'postal-codes.json'), lines(postalCodes));
fs.writeFileSync(path.join(outDir, 'municipalities-map.json'), `${JSON.stringify({ type: 'FeatureCollection', features: mapFeatures })}\n`);
const size = (name: string) => `${Math.round(fs.statSync(path.join(outDir, name)).size / 1024)} KB`;
console.log(
  `regions ${regions.length}, municipalities ${municipalities.length}, postal codes ${postalCodes.length} ` +
    `(${fromPolygon} from polygons, ${fromMunicipality} from municipality centroids); ` +
    `postal-codes.json ${size('postal-codes.json')}, municipalities-map.json ${size('municipalities-map.json')}`,
);
