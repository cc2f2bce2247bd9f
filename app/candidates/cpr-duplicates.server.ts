/**
 * CPR numbers registered at two jobcentres (issue 21.15): neither consultant
 * was told when the second was typed; each jobcentre sees the open cases
 * that involve its own candidate — its candidate's name and the other
 * jobcentre's name, never the other candidate — and settles them with the
 * other jobcentre outside Jobbro.
 */
import type { Kysely } from 'kysely';
import { resolveCprDuplicateFlag, selectOpenCprDuplicateFlags, type CprDuplicateFlagRow } from '../../db/queries/cpr-duplicates.js';
import type { DB } from '../../db/schema.js';
import type { SessionUser } from '../auth/lucia.server.js';
import { Forbidden, NotFound } from '../lib/errors.js';

type Consultant = Pick<SessionUser, 'id' | 'role' | 'jobcentreId'>;

function jobcentreOf(consultant: Consultant): string {
  if (consultant.role !== 'consultant' || !consultant.jobcentreId) throw new Forbidden('Only jobcentre consultants see CPR duplicates');
  return consultant.jobcentreId;
}

/** Open cases that involve a candidate of the consultant's jobcentre, newest first. */
export async function listCprDuplicates(deps: { db: Kysely<DB> }, consultant: Consultant): Promise<CprDuplicateFlagRow[]> {
  return selectOpenCprDuplicateFlags(deps.db, jobcentreOf(consultant));
}

/**
 * Marks a case settled (either jobcentre may).
 * @throws Forbidden (not a consultant), NotFound (no open case of this jobcentre).
 */
export async function settleCprDuplicate(deps: { db: Kysely<DB>; clock: () => Date }, consultant: Consultant, flagId: string): Promise<void> {
  const jobcentreId = jobcentreOf(consultant);
  if (!(await resolveCprDuplicateFlag(deps.db, { flagId, jobcentreId, by: consultant.id, at: deps.clock() })))
    throw new NotFound('CPR duplicate', flagId);
}
