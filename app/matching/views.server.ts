/**
 * Who may see which matches (issue 4, API): consultants see every match of a
 * slot among the candidates in their scope (their jobcentre, and the network
 * pool of a pooled slot); employers see only the candidates a consultant
 * approved for their own slots; a candidate sees their own offers, and so do
 * the consultants of their jobcentre. Unknown ids are NotFound, others' data
 * Forbidden.
 */
import type { Kysely } from 'kysely';
import {
  selectCandidateOwner,
  selectNetworkIdsOfJobcentre,
  selectProposalsOfSlot,
  selectSlotOwner,
} from '../../db/queries/proposals.js';
import type { DB, MatchProposal } from '../../db/schema.js';
import type { SearchEngine } from '../../search/engine.js';
import type { SessionUser } from '../auth/lucia.server.js';
import { Forbidden, NotFound } from '../lib/errors.js';
import { matchesForSlot, offersForCandidateFromIndex, type CandidateOffersResult } from './retrieval.server.js';

export type ViewDeps = { db: Kysely<DB>; search: SearchEngine; clock: () => Date };
type Viewer = Pick<SessionUser, 'id' | 'role' | 'organisationId' | 'jobcentreId'>;

export type SlotMatchView = {
  candidateId: string;
  score: number | null;
  components: Record<string, number>;
  /** Reason codes with parameters (explain.ts), for the client to translate. */
  reasons: StoredReason[];
  /** The stored proposal's status, if the pair has one. */
  status: MatchProposal['status'] | null;
};

type StoredReason = { code: string; params: Record<string, string | number> };

function decodeReason(text: string): StoredReason[] {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && 'code' in value && 'params' in value) {
      const { code, params } = value;
      if (typeof code === 'string' && typeof params === 'object' && params !== null) {
        const clean: Record<string, string | number> = {};
        for (const [key, param] of Object.entries(params)) if (typeof param === 'string' || typeof param === 'number') clean[key] = param;
        return [{ code, params: clean }];
      }
    }
  } catch {
    // An unreadable reason is left out rather than failing the whole answer.
  }
  return [];
}

/** Matches of one slot as the viewer may see them. */
export async function slotMatchesForViewer(deps: ViewDeps, viewer: Viewer, slotId: string): Promise<{ slotId: string; matches: SlotMatchView[] }> {
  const owner = await selectSlotOwner(deps.db, slotId);
  if (!owner) throw new NotFound('Slot', slotId);
  if (viewer.role === 'employer') {
    if (viewer.organisationId !== owner.organisation_id) throw new Forbidden('This slot belongs to another employer');
    const approved = await selectProposalsOfSlot(deps.db, slotId, ['approved']);
    return {
      slotId,
      matches: approved.map((row) => ({
        candidateId: row.candidate_id,
        score: row.score,
        components: row.components,
        reasons: row.reasons.flatMap(decodeReason),
        status: row.status,
      })),
    };
  }
  if (viewer.role !== 'consultant' || !viewer.jobcentreId) throw new Forbidden();
  const scope = { jobcentreIds: [viewer.jobcentreId], networkIds: await selectNetworkIdsOfJobcentre(deps.db, viewer.jobcentreId) };
  const [result, stored] = await Promise.all([matchesForSlot(deps, slotId, { scope }), selectProposalsOfSlot(deps.db, slotId)]);
  const statusOf = new Map(stored.map((row) => [row.candidate_id, row.status]));
  return {
    slotId,
    matches: result.ranked.map((pair) => ({
      candidateId: pair.candidateId,
      score: pair.score,
      components: pair.components,
      reasons: pair.reasons,
      status: statusOf.get(pair.candidateId) ?? null,
    })),
  };
}

/** Offers for one candidate, for the candidate themself or a consultant of their jobcentre. */
export async function candidateOffersForViewer(deps: ViewDeps, viewer: Viewer, candidateId: string): Promise<CandidateOffersResult> {
  const owner = await selectCandidateOwner(deps.db, candidateId);
  if (!owner) throw new NotFound('Candidate', candidateId);
  const isSelf = viewer.role === 'candidate' && owner.user_id === viewer.id;
  const isConsultant = viewer.role === 'consultant' && viewer.jobcentreId === owner.jobcentre_id;
  if (!isSelf && !isConsultant) throw new Forbidden();
  try {
    return await offersForCandidateFromIndex(deps, candidateId);
  } catch (error) {
    // A profile not yet confirmed (or paused) is not matchable: no offers, not an error.
    if (error instanceof NotFound) return { candidateId, ranked: [], retrieved: 0 };
    throw error;
  }
}
