/**
 * A proposal's decision history for its page (issue 24, item 4): who decided
 * what, when and why — the jobcentre's approval or rejection and the
 * employer's answer. h/notify may add the employer's notifications here.
 */
import type { Kysely } from 'kysely';
import { selectDecisionHistory, type DecisionHistoryRow } from '../../db/queries/caseload.js';
import type { DB } from '../../db/schema.js';

export type DecisionHistoryEntry = DecisionHistoryRow;

/** The caller has checked that the consultant may see the proposal. */
export async function loadDecisionHistory(deps: { db: Kysely<DB> }, proposalId: string): Promise<DecisionHistoryEntry[]> {
  return selectDecisionHistory(deps.db, proposalId);
}
