/**
 * Who may see which matches (issue 4, API): consultants see every match of a
 * slot among the candidates in their scope (their jobcentre, and the network
 * pool of a pooled slot); employers see only the candidates a consultant
 * approved for their own slots; a candidate sees their own offers, and so do
 * the consultants of their jobcentre. Unknown ids are NotFound, others' data
 * Forbidden.
 */
import type { Kysely } from 'kysely';
import { selectCandidateOwner, selectNetworkIdsOfJobcentre, selectProposalsOfSlot, selectSlotOwner } from '../../db/queries/proposals.js';
import type { DB, MatchProposal } from '../../db/schema.js';
import type { SearchEngine } from '../../search/engine.js';
import type { SessionUser } from '../auth/lucia.server.js';
import { Forbidden, NotFound } from '../lib/errors.js';
import { insertProfileViews } from '../../db/queries/candidates.js';
import { insertAuditEntries } from '../../db/queries/audit-log.js';
import { listApprovedCandidates } from '../employers/candidates.server.js';
import type { EmployerActor } from '../employers/organisations.server.js';
import { matchesForSlot, offersForCandidateFromIndex, type CandidateOffersResult } from './retrieval.server.js';

export type ViewDeps = { db: Kysely<DB>; search: SearchEngine; clock: () => Date };
type Viewer = Pick<SessionUser, 'id' | 'role' | 'organisationId' | 'jobcentreId'>;

/**
 * A candidate as the employer API shows them: exactly what the employer's
 * slot page shows (app/employers/candidates.server.ts) — skills, Danish
 * level, availability and area — named by `reference`, the approved pair's
 * id, which belongs to this slot only: the same person has another reference
 * on every other slot, so sharing for one slot reveals nothing on the others.
 * No score, distance, travel limit, days waited or eligibility verdicts (they
 * reveal residence basis and age).
 */
export type EmployerMatchView = {
  reference: string;
  skills: string[];
  danishSpoken: string | null;
  danishWritten: string | null;
  availableFrom: string;
  hoursPerWeek: number | null;
  /** The municipality. */
  area: string;
  decision: 'invite' | 'decline' | null;
  /** Name and contact, only once the candidate has shared them for this slot. */
  shared: { name: string; email: string | null; phone: string | null } | null;
};

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

/**
 * Matches of one slot as the viewer may see them: an employer gets the
 * approved candidates as its slot page shows them (slotMatchesForEmployer),
 * a consultant the ranked matches in their scope (slotMatchesForConsultant).
 */
export async function slotMatchesForViewer(deps: ViewDeps, viewer: Viewer, slotId: string): Promise<SlotMatches> {
  if (viewer.role === 'employer') {
    if (!viewer.organisationId) throw new Forbidden('Only a company account may do this');
    return slotMatchesForEmployer(deps, { organisationId: viewer.organisationId, userId: viewer.id }, slotId);
  }
  return slotMatchesForConsultant(deps, viewer, slotId);
}

/**
 * The approved candidates of an employer's own slot, as its slot page shows
 * them, for a person of the company or its API key; each read is audit
 * logged and shown to the candidate as a profile view, as the page's is.
 * @throws NotFound (unknown slot), Forbidden (another employer's slot).
 */
export async function slotMatchesForEmployer(
  deps: ViewDeps,
  actor: EmployerActor,
  slotId: string,
): Promise<{ slotId: string; matches: EmployerMatchView[] }> {
  const owner = await selectSlotOwner(deps.db, slotId);
  if (!owner) throw new NotFound('Slot', slotId);
  if (actor.organisationId !== owner.organisation_id) throw new Forbidden('This slot belongs to another employer');
  const { candidates } = await listApprovedCandidates(deps, actor, slotId);
  return {
    slotId,
    matches: candidates.map((candidate) => ({
      reference: candidate.proposalId,
      skills: [...candidate.skills].sort(),
      danishSpoken: candidate.danishSpoken,
      danishWritten: candidate.danishWritten,
      availableFrom: candidate.availableFrom,
      hoursPerWeek: candidate.hoursPerWeek,
      area: candidate.area,
      decision: candidate.decision,
      shared: candidate.shared,
    })),
  };
}

/**
 * A slot's ranked matches among the consultant's candidates (their
 * jobcentre, and the network pool of a pooled slot); the read is audit
 * logged and shown to each candidate as a profile view.
 * @throws NotFound (unknown slot), Forbidden (not a consultant of a jobcentre).
 */
export async function slotMatchesForConsultant(
  deps: ViewDeps,
  viewer: Viewer,
  slotId: string,
): Promise<{ slotId: string; matches: SlotMatchView[] }> {
  const owner = await selectSlotOwner(deps.db, slotId);
  if (!owner) throw new NotFound('Slot', slotId);
  if (viewer.role !== 'consultant' || !viewer.jobcentreId) throw new Forbidden();
  const scope = { jobcentreIds: [viewer.jobcentreId], networkIds: await selectNetworkIdsOfJobcentre(deps.db, viewer.jobcentreId) };
  const [result, stored] = await Promise.all([matchesForSlot(deps, slotId, { scope }), selectProposalsOfSlot(deps.db, slotId)]);
  const statusOf = new Map(stored.map((row) => [row.candidate_id, row.status]));
  // A consultant's read of candidates' matches is a view of their profiles, as the proposal page's is.
  await recordConsultantViews(
    deps.db,
    viewer,
    result.ranked.map((pair) => pair.candidateId),
    { slotId },
  );
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

export type SlotMatches = { slotId: string; matches: EmployerMatchView[] } | { slotId: string; matches: SlotMatchView[] };

/** Writes a consultant's API read of candidates to the audit log and to each candidate's "who viewed my profile". */
async function recordConsultantViews(
  db: Kysely<DB>,
  viewer: Viewer,
  candidateIds: readonly string[],
  details: Record<string, string>,
): Promise<void> {
  if (candidateIds.length === 0) return;
  await insertAuditEntries(
    db,
    candidateIds.map((candidateId) => ({
      actorUserId: viewer.id,
      action: 'consultant.view_candidate',
      subjectType: 'candidate',
      subjectId: candidateId,
      details: { ...details, via: 'api' },
    })),
  );
  await insertProfileViews(
    db,
    candidateIds.map((candidateId) => ({ candidateId, viewerUserId: viewer.id, organisationId: null, jobcentreId: viewer.jobcentreId })),
  );
}

/** Offers for one candidate, for the candidate themself or a consultant of their jobcentre. */
export async function candidateOffersForViewer(deps: ViewDeps, viewer: Viewer, candidateId: string): Promise<CandidateOffersResult> {
  const owner = await selectCandidateOwner(deps.db, candidateId);
  if (!owner) throw new NotFound('Candidate', candidateId);
  const isSelf = viewer.role === 'candidate' && owner.user_id === viewer.id;
  const isConsultant = viewer.role === 'consultant' && viewer.jobcentreId === owner.jobcentre_id;
  if (!isSelf && !isConsultant) throw new Forbidden();
  if (isConsultant) await recordConsultantViews(deps.db, viewer, [candidateId], { offers: 'true' });
  try {
    return await offersForCandidateFromIndex(deps, candidateId);
  } catch (error) {
    // A profile not yet confirmed (or paused) is not matchable: no offers, not an error.
    if (error instanceof NotFound) return { candidateId, ranked: [], retrieved: 0 };
    throw error;
  }
}
