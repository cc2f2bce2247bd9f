/** The employer's answers as the consultant sees them on the proposal and placement pages: invite or decline, who and when. */
import type { Kysely } from 'kysely';
import { selectEmployerDecisionsOf } from '../../db/queries/notifications.js';
import type { DB } from '../../db/schema.js';

export type EmployerDecisionSeen = { decision: 'invite' | 'decline'; reason: string | null; at: string; by: string | null };

/** Keyed by proposal id; call it with proposals the consultant may already see. */
export async function employerDecisionsOf(deps: { db: Kysely<DB> }, proposalIds: readonly string[]): Promise<Record<string, EmployerDecisionSeen>> {
  const rows = await selectEmployerDecisionsOf(deps.db, proposalIds);
  return Object.fromEntries(
    rows.map((row) => [
      row.proposal_id,
      { decision: row.decision, reason: row.reason, at: new Date(row.decided_at).toISOString(), by: row.decided_by_name },
    ]),
  );
}
