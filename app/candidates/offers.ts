/**
 * Browsing offers, the pure part: the filters a candidate can set, facet
 * counts over the offers they may take, and the plain explanation of one
 * offer (which must-have skills they have and lack). The server part
 * (offers.server.ts) retrieves and ranks.
 */
import { z } from 'zod';
import { calendarDate } from '../lib/dates.js';
import type { SlotType } from '../../db/schema.js';
import type { Reason } from '../matching/explain.js';

import { slotTypes } from './slot-types.js';

export { slotTypes };

const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const list = (value: unknown): unknown => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The search form (GET, so the URL can be shared and the back button works). Unknown values are dropped, never an error. */
export const browseQuerySchema = z.object({
  q: z.preprocess(blank, z.string().trim().max(200).optional()).catch(undefined),
  type: z.preprocess(list, z.array(z.enum(slotTypes))).catch([]),
  sector: z.preprocess(blank, z.string().max(40).optional()).catch(undefined),
  municipality: z
    .preprocess(
      blank,
      z
        .string()
        .regex(/^[0-9]{3}$/)
        .optional(),
    )
    .catch(undefined),
  km: z.preprocess(blank, z.coerce.number().int().min(1).max(300).optional()).catch(undefined),
  /** Offers starting from: within ten years of today; like every filter here, a bad value is dropped. */
  from: z.preprocess(blank, calendarDate({ earliest: { yearsFromToday: -10 }, latest: { yearsFromToday: 10 } }).optional()).catch(undefined),
});
export type BrowseQuery = z.output<typeof browseQuerySchema>;

export type OfferCard = {
  slotId: string;
  title: string;
  type: SlotType;
  sector: string | null;
  municipalityCode: string;
  startDate: string;
  weeks: number;
  hoursPerWeek: number;
  score: number;
  hasAllRequired: boolean;
  km: number;
  requiredHave: string[];
  requiredLack: string[];
  reasons: Reason[];
};

export type Facets = { type: Record<string, number>; sector: Record<string, number>; municipality: Record<string, number> };

/** What the facets count and filter on: an offer card, or the indexed slot behind one. */
export type Faceted = { type: SlotType; sector: string | null; municipalityCode: string };

function increment(counts: Record<string, number>, value: string | null): void {
  if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
}

/**
 * Counts per type, sector and municipality over the offers the candidate may
 * take; each dimension is counted with the other dimensions' choices applied
 * (so a count says what choosing that value would show), then all choices
 * narrow the list. Works on any item with the three fields, in their order,
 * so the server can filter ranked slots before it builds cards for the few it shows.
 */
export function facetAndFilter<T extends Faceted>(
  items: readonly T[],
  query: Pick<BrowseQuery, 'type' | 'sector' | 'municipality'>,
): { offers: T[]; facets: Facets } {
  const facets: Facets = { type: {}, sector: {}, municipality: {} };
  const offers: T[] = [];
  for (const item of items) {
    const type = query.type.length === 0 || query.type.includes(item.type);
    const sector = query.sector === undefined || item.sector === query.sector;
    const municipality = query.municipality === undefined || item.municipalityCode === query.municipality;
    if (sector && municipality) increment(facets.type, item.type);
    if (type && municipality) increment(facets.sector, item.sector);
    if (type && sector) increment(facets.municipality, item.municipalityCode);
    if (type && sector && municipality) offers.push(item);
  }
  return { offers, facets };
}

/** Which of a slot's must-have skills the candidate has and lacks. */
export function requiredSkillFit(required: readonly string[], candidateSkills: readonly string[]): { have: string[]; lack: string[] } {
  const own = new Set(candidateSkills);
  return { have: required.filter((uri) => own.has(uri)), lack: required.filter((uri) => !own.has(uri)) };
}

/** The distance the matcher reported, or null. */
export function kmOf(reasons: readonly Reason[]): number {
  const distance = reasons.find((reason) => reason.code === 'distance.km');
  return distance ? Number(distance.params.km) : 0;
}
