/**
 * Retrieval, then re-ranking: the search engine applies the hard constraints
 * as filters and hands back a few hundred documents; the pure matcher
 * (match.ts) ranks them. MatchCandidate and MatchSlot are built from the
 * index documents themselves, so no SQL runs per hit.
 *
 * Skills are filters on ESCO URIs, not query words: both engines require
 * every query word to match, and a free-text query made of several skill
 * labels would find almost nobody. A label's synonyms and translations
 * already resolve to the same URI in the taxonomy, so "opvasker",
 * "dishwasher" and "غسل الصحون" meet as one filter value
 * (docs/decisions/0004-retrieval-filters.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Filter, SearchEngine } from '../../search/engine.js';
import { matchCandidateFromDocument, type CandidateDocument } from './documents/candidates.server.js';
import { matchSlotFromDocument, type SlotDocument } from './documents/slots.server.js';
import { NotFound } from '../lib/errors.js';
import { matchSlot, offersForCandidate, type RankedOffer, type RankedPair } from './match.js';
import type { MatchCandidate, MatchSlot } from './types.js';

export type RetrievalDeps = { db?: Kysely<DB>; search: SearchEngine; clock: () => Date };

/** Whose candidates a caller may see: their jobcentres, and the networks those jobcentres pool in. */
export type MatchScope = { jobcentreIds: string[]; networkIds?: string[] };

/** How many documents the engine hands to the re-ranker. */
export const RETRIEVE_LIMIT = 300;
export const DEFAULT_TOP = 50;

/**
 * Travel limits come in a few common values; each band's candidates are
 * searched within that band's largest radius, and the matcher applies each
 * candidate's own limit exactly afterwards.
 */
const TRAVEL_BANDS_KM = [10, 15, 25, 40, 60, 100, 150, 300];

const today = (clock: () => Date) => clock().toISOString().slice(0, 10);

/**
 * The matcher's view of a document, built once per document object. The
 * embedded engine hands back the same stored object until the document is
 * replaced, so re-ranking skips the conversion (dates as text, language
 * parsing) on every later query; a replaced document is a new object and
 * gets a new entry, and dropped ones are collected with their documents.
 */
const matchCandidates = new WeakMap<CandidateDocument, MatchCandidate>();
const matchSlots = new WeakMap<SlotDocument, MatchSlot>();

function matchCandidateOf(document: CandidateDocument): MatchCandidate {
  let candidate = matchCandidates.get(document);
  if (!candidate) matchCandidates.set(document, (candidate = matchCandidateFromDocument(document)));
  return candidate;
}

function matchSlotOf(document: SlotDocument): MatchSlot {
  let slot = matchSlots.get(document);
  if (!slot) matchSlots.set(document, (slot = matchSlotFromDocument(document)));
  return slot;
}

function withinTravelLimit(location: { lat: number; lng: number }): Filter {
  let previous = -1;
  const bands: Filter[] = [];
  for (const km of TRAVEL_BANDS_KM) {
    bands.push({
      and: [{ field: 'maxTravelKm', gt: previous, lte: km }, { geo: { lat: location.lat, lng: location.lng, meters: km * 1000 } }],
    });
    previous = km;
  }
  return { or: bands };
}

/** Danish at or above the requirement, or one step below when the slot accepts "within N months". */
function danishAtLeast(field: 'danishSpoken' | 'danishWritten', required: number, allowance: number): Filter[] {
  return required > 0 ? [{ field, gte: required - allowance }] : [];
}

/** The hard constraints of a slot as an engine filter over the candidates index. */
export function candidateFilterFor(slot: SlotDocument, scope?: MatchScope): Filter {
  const allowance = slot.danishWithinMonths && slot.danishWithinMonths > 0 ? 1 : 0;
  const and: Filter[] = [
    { field: 'availableFrom', lte: slot.startDay },
    withinTravelLimit(slot.location),
    ...danishAtLeast('danishSpoken', slot.danishSpoken, allowance),
    ...danishAtLeast('danishWritten', slot.danishWritten, allowance),
  ];
  if (slot.type === 'igu') {
    and.push({ field: 'iguEligibleFrom', lte: slot.startDay }, { field: 'iguEligibleUntil', gte: slot.startDay });
  }
  if (scope) {
    const inScope: Filter[] = [{ field: 'jobcentreId', in: scope.jobcentreIds }];
    // A pooled slot is open to every jobcentre of its network, if the caller's jobcentre is one of them.
    if (slot.pooledNetworkId && scope.networkIds?.includes(slot.pooledNetworkId)) {
      inScope.push({ field: 'networkIds', eq: slot.pooledNetworkId });
    }
    and.push({ or: inScope });
  }
  return { and };
}

export type SlotMatchesResult = {
  slot: SlotDocument;
  ranked: Array<RankedPair & { candidate: Pick<CandidateDocument, 'jobcentreId' | 'municipalityCode'> }>;
  /** Documents the engine returned and the matcher considered. */
  retrieved: number;
};

async function searchCandidates(search: SearchEngine, filter: Filter, limit: number) {
  return search.search<CandidateDocument>('candidates', {
    filter,
    limit,
    // Among equals, those who have waited longest for an offer come back first.
    sort: [{ field: 'waitingSince', direction: 'asc' }],
  });
}

/**
 * The candidates retrieved for a slot: those with every must-have skill
 * first, then those with any of its skills, then (only if that leaves fewer
 * than `top`) anyone who passes the hard constraints.
 */
async function retrieveCandidates(search: SearchEngine, slot: SlotDocument, hard: Filter, top: number, limit: number): Promise<CandidateDocument[]> {
  const found = new Map<string, CandidateDocument>();
  const add = (documents: CandidateDocument[]) => {
    for (const document of documents) if (found.size < limit && !found.has(document.id)) found.set(document.id, document);
  };
  if (slot.skills.length > 0) {
    const anySkill = await searchCandidates(search, { and: [hard, { field: 'skills', in: slot.skills }] }, limit);
    if (anySkill.total > limit && slot.requiredSkills.length > 0) {
      const allRequired = await searchCandidates(
        search,
        { and: [hard, ...slot.requiredSkills.map((esco): Filter => ({ field: 'skills', eq: esco }))] },
        limit,
      );
      add(allRequired.hits.map((hit) => hit.document));
    }
    add(anySkill.hits.map((hit) => hit.document));
  }
  if (found.size < top) {
    const rest = await searchCandidates(search, hard, limit);
    add(rest.hits.map((hit) => hit.document));
  }
  return [...found.values()];
}

/**
 * Ranked candidates for one published slot: engine filters for the hard
 * rules, then the matcher's score. `scope` limits to a consultant's
 * jobcentres (and pools); without it every candidate is considered.
 * Throws NotFound when the slot is not in the index (unknown or unpublished).
 */
export async function matchesForSlot(
  deps: RetrievalDeps,
  slotId: string,
  opts: { scope?: MatchScope; top?: number; limit?: number } = {},
): Promise<SlotMatchesResult> {
  const slot = await deps.search.get<SlotDocument>('slots', slotId);
  if (!slot) throw new NotFound('Slot', slotId);
  return matchesForSlotDocument(deps, slot, opts);
}

/**
 * `matchesForSlot` on a slot document the caller holds: the consultant's
 * what-if (app/workbench/what-if.server.ts) passes the indexed document with
 * some facts changed, so its ranking comes from the same retrieval and the
 * same matcher as the stored proposals, and nothing is written.
 */
export async function matchesForSlotDocument(
  deps: RetrievalDeps,
  slot: SlotDocument,
  opts: { scope?: MatchScope; top?: number; limit?: number } = {},
): Promise<SlotMatchesResult> {
  const top = opts.top ?? DEFAULT_TOP;
  const documents = await retrieveCandidates(deps.search, slot, candidateFilterFor(slot, opts.scope), top, opts.limit ?? RETRIEVE_LIMIT);
  const byId = new Map(documents.map((document) => [document.id, document]));
  const result = matchSlot(matchSlotOf(slot), documents.map(matchCandidateOf), { asOf: today(deps.clock), top });
  return {
    slot,
    retrieved: documents.length,
    ranked: result.ranked.map((pair) => {
      const document = byId.get(pair.candidateId);
      return { ...pair, candidate: { jobcentreId: document?.jobcentreId ?? '', municipalityCode: document?.municipalityCode ?? '' } };
    }),
  };
}

/** The hard constraints of a candidate as an engine filter over the slots index. */
export function slotFilterFor(candidate: CandidateDocument): Filter {
  const { iguEligibleFrom, iguEligibleUntil } = candidate;
  const otherSchemes: Filter = { field: 'type', in: ['praktik', 'loentilskud'] };
  const scheme: Filter =
    iguEligibleFrom !== null && iguEligibleUntil !== null
      ? {
          or: [
            otherSchemes,
            {
              and: [
                { field: 'type', eq: 'igu' },
                { field: 'startDay', gte: iguEligibleFrom, lte: iguEligibleUntil },
              ],
            },
          ],
        }
      : otherSchemes;
  const danish = (field: 'danishSpoken' | 'danishWritten', rank: number): Filter => ({
    or: [
      { field, lte: rank },
      {
        and: [
          { field, lte: rank + 1 },
          { field: 'danishWithinMonths', gte: 1 },
        ],
      },
    ],
  });
  return {
    and: [
      { field: 'startDay', gte: candidate.availableFrom },
      { geo: { lat: candidate.location.lat, lng: candidate.location.lng, meters: candidate.maxTravelKm * 1000 } },
      scheme,
      danish('danishSpoken', candidate.danishSpoken),
      danish('danishWritten', candidate.danishWritten),
    ],
  };
}

export type CandidateOffersResult = {
  candidateId: string;
  ranked: Array<
    RankedOffer & { slot: Pick<SlotDocument, 'title' | 'type' | 'organisationId' | 'municipalityCode' | 'startDay' | 'weeks' | 'hoursPerWeek'> }
  >;
  retrieved: number;
};

/**
 * Ranked slots for one matchable candidate, optionally narrowed by free text
 * (`q`, in any of the four languages, typos and synonyms allowed).
 * Throws NotFound when the candidate is not in the index.
 */
export async function offersForCandidateFromIndex(
  deps: RetrievalDeps,
  candidateId: string,
  opts: { top?: number; q?: string; limit?: number } = {},
): Promise<CandidateOffersResult> {
  const candidate = await deps.search.get<CandidateDocument>('candidates', candidateId);
  if (!candidate) throw new NotFound('Candidate', candidateId);
  const q = opts.q?.trim();
  const result = await deps.search.search<SlotDocument>('slots', {
    ...(q ? { q } : { sort: [{ field: 'startDay', direction: 'asc' as const }] }),
    filter: slotFilterFor(candidate),
    limit: opts.limit ?? RETRIEVE_LIMIT,
  });
  const slots = result.hits.map((hit) => hit.document);
  const byId = new Map(slots.map((slot) => [slot.id, slot]));
  const offers = offersForCandidate(matchCandidateOf(candidate), slots.map(matchSlotOf), {
    asOf: today(deps.clock),
    top: opts.top ?? DEFAULT_TOP,
  });
  return {
    candidateId,
    retrieved: slots.length,
    ranked: offers.ranked.flatMap((offer) => {
      const slot = byId.get(offer.slotId);
      if (!slot) return [];
      const { title, type, organisationId, municipalityCode, startDay, weeks, hoursPerWeek } = slot;
      return [{ ...offer, slot: { title, type, organisationId, municipalityCode, startDay, weeks, hoursPerWeek } }];
    }),
  };
}
