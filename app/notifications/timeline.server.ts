/** The candidate's offers as timelines for their home page (timeline.ts). */
import type { Kysely } from 'kysely';
import { selectCandidateOfferProgress } from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';
import type { SessionUser } from '../auth/session.server.js';
import { ownCandidate } from '../candidates/profile.server.js';
import { timelineOf, type Timeline } from './timeline.js';

export type OfferTimeline = Timeline & {
  proposalId: string;
  slotId: string;
  slotTitle: string;
  organisationName: string;
  placementStart: string | null;
};

export async function candidateTimelines(deps: { db: Kysely<DB> }, user: Pick<SessionUser, 'id' | 'role'>): Promise<OfferTimeline[]> {
  const candidate = await ownCandidate(deps.db, user);
  const rows = await selectCandidateOfferProgress(deps.db, candidate.id);
  return rows.map((row) => ({
    ...timelineOf({
      source: row.source,
      proposalStatus: row.status,
      shared: row.shared === true,
      employerDecision: row.employer_decision,
      placementStatus: row.placement_status,
      placementOutcome: row.placement_outcome,
    }),
    proposalId: row.proposal_id,
    slotId: row.slot_id,
    slotTitle: row.slot_title,
    organisationName: row.organisation_name,
    placementStart: row.placement_start,
  }));
}
