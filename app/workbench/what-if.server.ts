/**
 * What-if on a slot (issue 24, item 6): the ranking a slot's candidates
 * would get if its Danish requirement, skills or start date were different.
 * Both rankings, now and with the changes, come from `matchesForSlotDocument`
 * — the retrieval and matcher that make the stored proposals, with the
 * matcher `npm run match` runs — on the indexed slot document, the second
 * time with the changed facts. Nothing is written: no proposal, no audit row
 * (the page lists candidates as the queue does; opening one records the view).
 */
import type { Kysely } from 'kysely';
import { selectNetworkIdsOf } from '../../db/queries/queue.js';
import { selectCandidateNames, selectSlotProposalsOf, selectWhatIfSlot } from '../../db/queries/what-if.js';
import type { DB, MatchProposal, SlotType } from '../../db/schema.js';
import type { SearchEngine } from '../../search/engine.js';
import { asConsultant, type ConsultantUser } from '../consultants/consultant.js';
import { epochDay, fromEpochDay, todayOf } from '../lib/dates.js';
import { NotFound } from '../lib/errors.js';
import { matchCandidateFromDocument, cefrToRank, rankToCefr, type CandidateDocument } from '../matching/documents/candidates.server.js';
import { matchSlotFromDocument, type SlotDocument } from '../matching/documents/slots.server.js';
import type { Reason } from '../matching/explain.js';
import { matchSlot } from '../matching/match.js';
import { PROPOSALS_PER_SLOT } from '../matching/proposals.server.js';
import { matchesForSlotDocument, type SlotMatchesResult } from '../matching/retrieval.server.js';
import { movementsBetween, sameFacts, type Movement, type SlotFacts } from './what-if.js';

export type WhatIfDeps = { db: Kysely<DB>; search: SearchEngine; clock: () => Date };

export type RankedCandidate = {
  candidateId: string;
  name: string;
  /** 1-based. */
  rank: number;
  score: number;
  hasAllRequired: boolean;
  reasons: Reason[];
  /** The slot's stored proposal for this candidate, if any. */
  proposal: { id: string; status: MatchProposal['status'] } | null;
  /** A network partner's candidate on a pooled slot. */
  pooled: boolean;
};

/** Ranked now, not with the changes: the hard rule that now excludes them, or null when they only fell below the top. */
export type DroppedCandidate = { candidateId: string; name: string; rankNow: number; exclusion: Reason | null };

export type SlotWhatIf = {
  slot: { id: string; title: string; type: SlotType; organisationName: string };
  /** The slot's facts as the matcher sees them now. */
  now: SlotFacts;
  /** The facts tried; null when none were given or they equal now. */
  tried: SlotFacts | null;
  current: RankedCandidate[];
  /** null when nothing was tried. */
  whatIf: RankedCandidate[] | null;
  movements: Map<string, Movement>;
  dropped: DroppedCandidate[];
  /** Candidates shown per ranking (as many as a slot keeps proposals). */
  top: number;
};

/** The facts of an indexed slot that a what-if may change. */
export function slotFactsOf(document: SlotDocument): SlotFacts {
  return {
    danishSpoken: rankToCefr(document.danishSpoken),
    danishWritten: rankToCefr(document.danishWritten),
    mustSkills: [...document.requiredSkills],
    niceSkills: [...document.optionalSkills],
    startDate: fromEpochDay(document.startDay),
  };
}

/** The slot document with other facts: a new object, so nothing cached for the indexed one is reused. */
export function slotDocumentWithFacts(document: SlotDocument, facts: SlotFacts): SlotDocument {
  return {
    ...document,
    requiredSkills: [...facts.mustSkills],
    optionalSkills: [...facts.niceSkills],
    skills: [...facts.mustSkills, ...facts.niceSkills],
    danishSpoken: cefrToRank(facts.danishSpoken),
    danishWritten: cefrToRank(facts.danishWritten),
    startDay: epochDay(facts.startDate),
  };
}

/**
 * The slot's ranking now and, when `tried` differs from now, with the
 * changes, among the candidates the consultant's jobcentre may see (its own,
 * and network partners' on a slot pooled in their network).
 * @throws Forbidden (not a consultant of a jobcentre), NotFound (unknown or
 *   unpublished slot, or one the jobcentre may not look at: not in its
 *   municipality, not pooled in its networks, no proposal it can see).
 */
export async function slotWhatIf(deps: WhatIfDeps, user: ConsultantUser, slotId: string, tried: SlotFacts | null): Promise<SlotWhatIf> {
  const consultant = asConsultant(user);
  const networkIds = await selectNetworkIdsOf(deps.db, consultant.jobcentreId);
  const slot = await selectWhatIfSlot(deps.db, { jobcentreId: consultant.jobcentreId, networkIds }, slotId);
  if (!slot) throw new NotFound('Slot', slotId);
  const document = await deps.search.get<SlotDocument>('slots', slotId);
  if (!document) throw new NotFound('Slot', slotId);

  const scope = { jobcentreIds: [consultant.jobcentreId], networkIds };
  const now = slotFactsOf(document);
  const changes = tried && !sameFacts(tried, now) ? tried : null;
  const changedDocument = changes ? slotDocumentWithFacts(document, changes) : null;
  const [current, withChanges] = await Promise.all([
    matchesForSlotDocument(deps, document, { scope, top: PROPOSALS_PER_SLOT }),
    changedDocument ? matchesForSlotDocument(deps, changedDocument, { scope, top: PROPOSALS_PER_SLOT }) : null,
  ]);

  const ids = [...new Set([...current.ranked, ...(withChanges?.ranked ?? [])].map((pair) => pair.candidateId))];
  const [names, proposals] = await Promise.all([selectCandidateNames(deps.db, ids), selectSlotProposalsOf(deps.db, slotId, ids)]);
  const nameOf = new Map(names.map((row) => [row.id, row]));
  const proposalOf = new Map(proposals.map((row) => [row.candidate_id, { id: row.id, status: row.status }]));
  const present = (ranked: SlotMatchesResult['ranked']): RankedCandidate[] =>
    ranked.map((pair, index) => {
      const person = nameOf.get(pair.candidateId);
      return {
        candidateId: pair.candidateId,
        name: person?.full_name ?? '',
        rank: index + 1,
        score: Math.round(pair.score * 10) / 10,
        hasAllRequired: pair.hasAllRequired,
        reasons: pair.reasons,
        proposal: proposalOf.get(pair.candidateId) ?? null,
        pooled: person !== undefined && person.jobcentre_id !== consultant.jobcentreId,
      };
    });

  const currentIds = current.ranked.map((pair) => pair.candidateId);
  const whatIfIds = withChanges?.ranked.map((pair) => pair.candidateId) ?? currentIds;
  const movements = movementsBetween(currentIds, whatIfIds);
  const droppedIds = currentIds.filter((id) => movements.get(id)?.kind === 'out');
  const exclusions = changedDocument ? await exclusionsOf(deps, changedDocument, droppedIds) : new Map<string, Reason>();
  return {
    slot: { id: slot.id, title: slot.title, type: slot.type, organisationName: slot.organisation_name },
    now,
    tried: changes,
    current: present(current.ranked),
    whatIf: withChanges ? present(withChanges.ranked) : null,
    movements,
    dropped: droppedIds.map((candidateId) => ({
      candidateId,
      name: nameOf.get(candidateId)?.full_name ?? '',
      rankNow: currentIds.indexOf(candidateId) + 1,
      exclusion: exclusions.get(candidateId) ?? null,
    })),
    top: PROPOSALS_PER_SLOT,
  };
}

/** Why the matcher leaves candidates out of the changed slot: the hard rule of each one it excludes. */
async function exclusionsOf(deps: WhatIfDeps, slot: SlotDocument, candidateIds: readonly string[]): Promise<Map<string, Reason>> {
  if (candidateIds.length === 0) return new Map();
  const documents = await Promise.all(candidateIds.map((id) => deps.search.get<CandidateDocument>('candidates', id)));
  const candidates = documents.filter((document): document is CandidateDocument => document !== null).map(matchCandidateFromDocument);
  const result = matchSlot(matchSlotFromDocument(slot), candidates, { asOf: todayOf(deps.clock) });
  return new Map(result.excluded.map((exclusion) => [exclusion.candidateId, exclusion.explanation]));
}
