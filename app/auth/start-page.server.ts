/**
 * The few facts each role's start page shows until the feature pages take
 * over: who you are acting for.
 */
import type { Executor } from '../../db/client.server.js';
import { countUsers, findCandidateNameByUser, findJobcentreName, findOrganisationName } from '../../db/queries/users.js';
import type { SessionUser } from './lucia.server.js';

export async function organisationNameOf(deps: { db: Executor }, user: SessionUser): Promise<string | null> {
  return user.organisationId ? ((await findOrganisationName(deps.db, user.organisationId)) ?? null) : null;
}

export async function jobcentreNameOf(deps: { db: Executor }, user: SessionUser): Promise<string | null> {
  return user.jobcentreId ? ((await findJobcentreName(deps.db, user.jobcentreId)) ?? null) : null;
}

/** The candidate's own name from their profile, else the account's display name. */
export async function candidateNameOf(deps: { db: Executor }, user: SessionUser): Promise<string> {
  return (await findCandidateNameByUser(deps.db, user.id)) ?? user.displayName;
}

export async function userCount(deps: { db: Executor }): Promise<number> {
  return countUsers(deps.db);
}
