/**
 * Browsing offers as a candidate: the search engine retrieves published
 * slots that pass the candidate's hard constraints (retrieval.server.ts's
 * slot filter: IGU window on the start date, travel limit, availability,
 * Danish) plus the candidate's own filters and free text; the pure matcher
 * then re-checks the rules exactly and ranks by its score for this person.
 * When the candidate searched for something they cannot take, the reason is
 * given instead of silence.
 *
 * The candidate's document is built from the database on each request, so a
 * change to the profile shows at once (the index follows through the outbox).
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  findOfferSeekerByUserId,
  findPublishedSlot,
  type CandidateLanguageRow,
  type OfferSeekerRow,
  type OfferSlotRow,
} from '../../db/queries/candidates.js';
import type { DB } from '../../db/schema.js';
import { buildCandidateDocument, matchCandidateFromDocument, type CandidateDocument } from '../matching/documents/candidates.server.js';
import { matchSlotFromDocument, type SlotDocument } from '../matching/documents/slots.server.js';
import type { Filter, SearchEngine } from '../../search/engine.js';
import type { SessionUser } from '../auth/session.server.js';
import { getPostalCode } from '../geo/places.js';
import { epochDay, fromEpochDay } from '../lib/dates.js';
import { NotFound } from '../lib/errors.js';
import type { Reason } from '../matching/explain.js';
import {
  offersForCandidate,
  prepareSlot,
  rankOffersForCandidate,
  type ExcludedOffer,
  type PreparedSlot,
  type RankedOffer,
} from '../matching/match.js';
import { slotFilterFor } from '../matching/retrieval.server.js';
import { readOwnCandidate } from './profile.server.js';
import { browseQuerySchema, facetAndFilter, kmOf, requiredSkillFit, type BrowseQuery, type Facets, type OfferCard } from './offers.js';

export type OffersDeps = { db: Kysely<DB>; search: SearchEngine; clock: () => Date };

const RETRIEVE_LIMIT = 300;
const HIDDEN_LIMIT = 20;
/**
 * Offers listed per "show more" step. All 300 ranked offers in one page made
 * 330 kB of HTML and most of the page's server time at national scale; the
 * best come first, so the first 20 are what a candidate reads.
 */
export const OFFERS_STEP = 20;

type Viewer = Pick<SessionUser, 'id' | 'role'>;

const todayOf = (clock: () => Date) => clock().toISOString().slice(0, 10);

/**
 * What the offers pages read of the candidate: the facts the slots filter and
 * the matcher use. A whole `Profile` is one, too.
 */
export type OfferSeeker = {
  candidate: Omit<OfferSeekerRow, 'skill_uris' | 'languages' | 'interest_slot_ids'>;
  skills: ReadonlyArray<{ skill_uri: string }>;
  languages: ReadonlyArray<Pick<CandidateLanguageRow, 'code' | 'spoken' | 'written'>>;
};

/**
 * The logged-in candidate and their interests, in one query.
 * @throws Forbidden for other roles, NotFound without a profile (`readOwnCandidate`).
 */
async function loadOfferSeeker(db: Kysely<DB>, user: Viewer): Promise<{ seeker: OfferSeeker; interestSlotIds: string[] }> {
  const row = await readOwnCandidate(user, (userId) => findOfferSeekerByUserId(db, userId));
  const { skill_uris: skillUris, languages, interest_slot_ids: interestSlotIds, ...candidate } = row;
  return { seeker: { candidate, skills: skillUris.map((uri) => ({ skill_uri: uri })), languages }, interestSlotIds };
}

/** The candidate as the slots filter and the matcher see them, from the profile as it is now. */
export function candidateDocumentOf(profile: OfferSeeker, today: string): CandidateDocument {
  const { candidate } = profile;
  const place = getPostalCode(candidate.postal_code);
  if (!place) throw new NotFound('Postal code', candidate.postal_code);
  return buildCandidateDocument(
    {
      id: candidate.id,
      jobcentre_id: candidate.jobcentre_id,
      birth_date: candidate.birth_date,
      arrival_date: candidate.arrival_date,
      residence_basis: candidate.residence_basis,
      lat: place.lat,
      lon: place.lon,
      municipality_code: place.municipalityCode,
      max_travel_km: candidate.max_travel_km,
      available_from: candidate.available_from,
      hours_per_week: candidate.hours_per_week,
      danish_spoken: candidate.danish_spoken,
      danish_written: candidate.danish_written,
      ambition_occupations: candidate.ambition_occupations,
      ambition_sectors: candidate.ambition_sectors,
      waiting_since: candidate.waiting_since,
    },
    {
      skills: profile.skills.map((skill) => skill.skill_uri),
      languages: profile.languages.map((language) => ({ code: language.code, spoken: language.spoken, written: language.written })),
      networkIds: [],
    },
    today,
  );
}

/**
 * The matcher's view of each indexed slot, kept while the engine serves the
 * same document object (the embedded engine does; an upsert stores a new
 * one, so a changed slot is prepared afresh). It depends on the slot alone,
 * never on who asks. Engines that return fresh objects simply miss.
 */
const preparedSlots = new WeakMap<SlotDocument, PreparedSlot>();

function preparedSlotOf(slot: SlotDocument): PreparedSlot {
  let prepared = preparedSlots.get(slot);
  if (prepared === undefined) {
    prepared = prepareSlot(matchSlotFromDocument(slot));
    preparedSlots.set(slot, prepared);
  }
  return prepared;
}

function cardOf(offer: RankedOffer, slot: SlotDocument, candidateSkills: readonly string[]): OfferCard {
  const fit = requiredSkillFit(slot.requiredSkills, candidateSkills);
  return {
    slotId: slot.id,
    title: slot.title,
    type: slot.type,
    sector: slot.sector,
    municipalityCode: slot.municipalityCode,
    startDate: fromEpochDay(slot.startDay),
    weeks: slot.weeks,
    hoursPerWeek: slot.hoursPerWeek,
    score: offer.score,
    hasAllRequired: offer.hasAllRequired,
    km: kmOf(offer.reasons),
    requiredHave: fit.have,
    requiredLack: fit.lack,
    reasons: offer.reasons,
  };
}

export type HiddenOffer = { slotId: string; title: string; rule: string; explanation: Reason };

export type BrowseResult = {
  /** The best `shown` offers (all when `shown` was not asked for). */
  offers: OfferCard[];
  /** How many offers the filters left, shown or not. */
  total: number;
  facets: Facets;
  /** Offers the free text found that the candidate cannot take, with the rule that keeps them out. */
  hidden: HiddenOffer[];
  maxTravelKm: number;
  interestSlotIds: string[];
};

const shownSchema = z.coerce.number().int().min(OFFERS_STEP).max(RETRIEVE_LIMIT).catch(OFFERS_STEP);

/** How many offers the page lists (`?shown=`, a multiple of the step up to all retrieved; anything else: the first step). */
export function parseShown(params: URLSearchParams): number {
  const shown = shownSchema.parse(params.get('shown') ?? OFFERS_STEP);
  return shown - (shown % OFFERS_STEP);
}

/**
 * The offers page's query string as a `BrowseQuery` (unknown values dropped).
 * Parsed here rather than in the route, so the page's browser bundle does not carry Zod.
 */
export function parseBrowseQuery(params: URLSearchParams): BrowseQuery {
  const all = (name: string) => {
    const values = params.getAll(name);
    return values.length > 1 ? values : values[0];
  };
  return browseQuerySchema.parse({
    q: params.get('q') ?? undefined,
    type: all('type'),
    sector: params.get('sector') ?? undefined,
    municipality: params.get('municipality') ?? undefined,
    km: params.get('km') ?? undefined,
    from: params.get('from') ?? undefined,
  });
}

/** Published slots the logged-in candidate may take, ranked for them, with facet counts. */
export async function browseOffers(deps: OffersDeps, user: Viewer, query: BrowseQuery, options: { shown?: number } = {}): Promise<BrowseResult> {
  const today = todayOf(deps.clock);
  const { seeker, interestSlotIds } = await loadOfferSeeker(deps.db, user);
  const document = candidateDocumentOf(seeker, today);
  const matchCandidate = matchCandidateFromDocument(document);
  const skills = document.skills;

  const and: Filter[] = [slotFilterFor(document)];
  if (query.km !== undefined && query.km < document.maxTravelKm) {
    and.push({ geo: { lat: document.location.lat, lng: document.location.lng, meters: query.km * 1000 } });
  }
  if (query.from !== undefined) and.push({ field: 'startDay', gte: epochDay(query.from) });
  const result = await deps.search.search<SlotDocument>('slots', {
    ...(query.q ? { q: query.q } : { sort: [{ field: 'startDay', direction: 'asc' as const }] }),
    filter: { and },
    limit: RETRIEVE_LIMIT,
  });
  const slots = new Map(result.hits.map((hit) => [hit.id, hit.document]));
  const scored = rankOffersForCandidate(matchCandidate, [...slots.values()].map(preparedSlotOf), { asOf: today });
  const ranked = scored.ranked.flatMap((offer) => {
    const slot = slots.get(offer.slotId);
    return slot ? [{ offer, slot, type: slot.type, sector: slot.sector, municipalityCode: slot.municipalityCode }] : [];
  });
  const { offers, facets } = facetAndFilter(ranked, query);
  // Reasons and cards for the listed offers only: the rest are counted, not shown.
  const listed = options.shown === undefined ? offers : offers.slice(0, options.shown);
  const cards = listed.map(({ offer, slot }) => cardOf(offer.explain(), slot, skills));

  let hidden: HiddenOffer[] = [];
  if (query.q) {
    // The same words without the candidate's constraints: what did the rules keep out, and why?
    const all = await deps.search.search<SlotDocument>('slots', { q: query.q, limit: HIDDEN_LIMIT });
    const others = all.hits.map((hit) => hit.document).filter((slot) => !slots.has(slot.id));
    const verdicts = rankOffersForCandidate(matchCandidate, others.map(preparedSlotOf), { asOf: today });
    const titles = new Map(others.map((slot) => [slot.id, slot.title]));
    hidden = verdicts.excluded.map((excluded: ExcludedOffer) => ({
      slotId: excluded.slotId,
      title: titles.get(excluded.slotId) ?? '',
      rule: excluded.rule,
      explanation: excluded.explanation,
    }));
  }
  return {
    offers: cards,
    total: offers.length,
    facets,
    hidden,
    maxTravelKm: document.maxTravelKm,
    interestSlotIds,
  };
}

export type OfferDetail = {
  slot: OfferSlotRow & { sector: string | null; municipalityCode: string; occupationUri: string | null; optionalSkills: string[] };
  /** Present when the candidate may take the offer. */
  card: OfferCard | null;
  /** Present when a rule keeps the candidate out. */
  excluded: { rule: string; explanation: Reason } | null;
  interested: boolean;
};

/** One published slot with the explanation for the logged-in candidate. @throws NotFound for unknown or unpublished slots. */
export async function offerDetail(deps: OffersDeps, user: Viewer, slotId: string): Promise<OfferDetail> {
  const { seeker, interestSlotIds } = await loadOfferSeeker(deps.db, user);
  const slotDocument = await deps.search.get<SlotDocument>('slots', slotId);
  const row = slotDocument ? await findPublishedSlot(deps.db, slotId) : undefined;
  if (!slotDocument || !row) throw new NotFound('Offer', slotId);
  const verdict = evaluateOffer(seeker, slotDocument, todayOf(deps.clock));
  return {
    slot: {
      ...row,
      sector: slotDocument.sector,
      municipalityCode: slotDocument.municipalityCode,
      occupationUri: slotDocument.occupationUri,
      optionalSkills: slotDocument.optionalSkills,
    },
    card: verdict.ranked
      ? cardOf(
          verdict.ranked,
          slotDocument,
          seeker.skills.map((s) => s.skill_uri),
        )
      : null,
    excluded: verdict.excluded ? { rule: verdict.excluded.rule, explanation: verdict.excluded.explanation } : null,
    interested: interestSlotIds.includes(slotId),
  };
}

/** The matcher's verdict on one candidate and one slot. */
export function evaluateOffer(
  profile: OfferSeeker,
  slot: SlotDocument,
  today: string,
): { ranked: RankedOffer | null; excluded: ExcludedOffer | null } {
  const candidate = matchCandidateFromDocument(candidateDocumentOf(profile, today));
  const result = offersForCandidate(candidate, [matchSlotFromDocument(slot)], { asOf: today });
  return { ranked: result.ranked[0] ?? null, excluded: result.excluded[0] ?? null };
}
