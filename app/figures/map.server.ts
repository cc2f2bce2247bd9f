/**
 * Municipality outlines projected once per process (Mercator fitted to a
 * fixed box) from db/data/geo/municipalities-map.json; the page only shades
 * the precomputed paths.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import map from '../../db/data/geo/municipalities-map.json';

export const MAP_WIDTH = 480;
export const MAP_HEIGHT = 400;

export type MunicipalityPath = { code: string; name: string; d: string };

type Properties = { code: string; name: string };

function isFeatureCollection(value: unknown): value is FeatureCollection<Geometry, Properties> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'FeatureCollection' &&
    'features' in value &&
    Array.isArray(value.features)
  );
}

let cached: MunicipalityPath[] | undefined;

export function municipalityPaths(): MunicipalityPath[] {
  if (cached) return cached;
  const data: unknown = map;
  if (!isFeatureCollection(data)) throw new Error('municipalities-map.json is not a FeatureCollection');
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], data);
  const path = geoPath(projection).digits(1);
  cached = data.features.map((feature: Feature<Geometry, Properties>) => ({
    code: feature.properties.code,
    name: feature.properties.name,
    d: path(feature) ?? '',
  }));
  return cached;
}
