/**
 * Sharing: for each slot a consultant approved, the candidate decides
 * whether the employer may see their name and contact details. Every change
 * is a new consents row (time and actor); the previous one is revoked, so the
 * history stays. The candidate also sees who has viewed their profile.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  insertConsent,
  revokeActiveConsents,
  selectActiveConsents,
  selectApprovedSlots,
  selectProfileViews,
  type ApprovedSlotRow,
  type ProfileViewRow,
} from '../../db/queries/candidates.js';
import type { DB } from '../../db/schema.js';
import type { SessionUser } from '../auth/session.server.js';
import { selectProposalIdFor } from '../../db/queries/notifications.js';
import { NotFound } from '../lib/errors.js';
import { sharingChanged } from '../notifications/events.server.js';
import { ownCandidate } from './profile.server.js';

/** The sharing form. Here rather than in the route: a Zod schema in a route module ships Zod (≈ 440 kB) to the browser. */
export const sharingFormSchema = z.object({ slotId: z.string().uuid(), share: z.enum(['yes', 'no']) });

type Viewer = Pick<SessionUser, 'id' | 'role'>;
export type SharingDeps = { db: Kysely<DB>; clock: () => Date };

export type SharingOverview = {
  slots: Array<ApprovedSlotRow & { shared: boolean; decidedAt: Date | null }>;
  views: ProfileViewRow[];
};

export async function sharingOverview(deps: Pick<SharingDeps, 'db'>, user: Viewer): Promise<SharingOverview> {
  const candidate = await ownCandidate(deps.db, user);
  const [approved, consents, views] = await Promise.all([
    selectApprovedSlots(deps.db, candidate.id),
    selectActiveConsents(deps.db, candidate.id),
    selectProfileViews(deps.db, candidate.id),
  ]);
  return {
    slots: approved.map((slot) => {
      const latest = consents.find((consent) => consent.slot_id === slot.slot_id);
      return { ...slot, shared: latest?.granted ?? false, decidedAt: latest?.recorded_at ?? null };
    }),
    views,
  };
}

/**
 * Grants or withdraws sharing for one approved slot; the employer and the
 * jobcentre are told when the choice changes.
 * @throws NotFound when the slot is not one the candidate was approved for.
 */
export async function setSharing(deps: SharingDeps, user: Viewer, input: { slotId: string; share: boolean }): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const candidate = await ownCandidate(trx, user);
    const slot = (await selectApprovedSlots(trx, candidate.id)).find((row) => row.slot_id === input.slotId);
    if (!slot) throw new NotFound('Approved offer', input.slotId);
    const at = deps.clock();
    const before = (await selectActiveConsents(trx, candidate.id)).find((consent) => consent.slot_id === slot.slot_id)?.granted ?? false;
    await revokeActiveConsents(trx, candidate.id, slot.slot_id, at);
    await insertConsent(trx, {
      candidateId: candidate.id,
      slotId: slot.slot_id,
      organisationId: slot.organisation_id,
      granted: input.share,
      recordedBy: user.id,
      at,
    });
    const proposalId = await selectProposalIdFor(trx, candidate.id, slot.slot_id);
    if (proposalId && before !== input.share) await sharingChanged(trx, { proposalId, share: input.share, actorUserId: user.id, at });
  });
}
