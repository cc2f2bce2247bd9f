/**
 * The one place that writes Meilisearch filter syntax. Every value is quoted
 * and escaped here, so a candidate's text (quotes, brackets, words such as
 * `OR` or `TO`) can never change the meaning of a filter.
 */
import type { Filter, Scalar } from './engine.js';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

// Meilisearch has no literal true/false; the primary key always exists.
const ALWAYS = 'id EXISTS';
const NEVER = 'NOT id EXISTS';

export class InvalidFilter extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilter';
  }
}

function field(name: string): string {
  if (!FIELD_NAME.test(name)) throw new InvalidFilter(`Invalid field name in filter: ${JSON.stringify(name)}`);
  return name;
}

function number(value: number): string {
  if (!Number.isFinite(value)) throw new InvalidFilter(`Filter numbers must be finite, got ${value}`);
  // Meilisearch does not read exponent notation; fixed notation keeps the value.
  const text = String(value);
  if (!text.includes('e')) return text;
  return Math.abs(value) >= 1 ? BigInt(value).toString() : value.toFixed(20).replace(/0+$/, '');
}

/** A double-quoted Meilisearch string; `\` and `"` are escaped (Meilisearch ≥ 1.4). */
export function quoteFilterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function scalar(value: Scalar): string {
  if (typeof value === 'number') return number(value);
  // Booleans are stored as JSON booleans and compared as the words true/false.
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteFilterString(value);
}

/**
 * Translates a `Filter` to a Meilisearch filter expression. Geo filters use
 * `_geoRadius` (the index's one geopoint field is stored as `_geo`).
 * Throws `InvalidFilter` for bad field names and non-finite numbers.
 */
export function toMeilisearchFilter(filter: Filter): string {
  if ('and' in filter) {
    if (filter.and.length === 0) return ALWAYS;
    return filter.and.map((child) => `(${toMeilisearchFilter(child)})`).join(' AND ');
  }
  if ('or' in filter) {
    if (filter.or.length === 0) return NEVER;
    return filter.or.map((child) => `(${toMeilisearchFilter(child)})`).join(' OR ');
  }
  if ('not' in filter) return `NOT (${toMeilisearchFilter(filter.not)})`;
  if ('geo' in filter) {
    const { lat, lng, meters } = filter.geo;
    return `_geoRadius(${number(lat)}, ${number(lng)}, ${number(meters)})`;
  }
  const name = field(filter.field);
  if ('eq' in filter) return `${name} = ${scalar(filter.eq)}`;
  if ('in' in filter) {
    if (filter.in.length === 0) return NEVER;
    return `${name} IN [${filter.in.map(scalar).join(', ')}]`;
  }
  if ('exists' in filter) {
    // EXISTS is true for null values; Jobbro's "exists" means "has a value".
    return filter.exists ? `(${name} EXISTS AND NOT ${name} IS NULL)` : `(NOT ${name} EXISTS OR ${name} IS NULL)`;
  }
  const parts: string[] = [];
  if (filter.gte !== undefined) parts.push(`${name} >= ${number(filter.gte)}`);
  if (filter.gt !== undefined) parts.push(`${name} > ${number(filter.gt)}`);
  if (filter.lte !== undefined) parts.push(`${name} <= ${number(filter.lte)}`);
  if (filter.lt !== undefined) parts.push(`${name} < ${number(filter.lt)}`);
  if (parts.length === 0) throw new InvalidFilter(`Range filter on ${name} has no bound`);
  return `(${parts.join(' AND ')})`;
}
