/** The start page's facts: name, status, jobcentre and profile strength. */
import type { Kysely } from 'kysely';
import { findJobcentreName } from '../../db/queries/users.js';
import type { DB } from '../../db/schema.js';
import type { SessionUser } from '../auth/session.server.js';
import { loadOwnProfile } from './profile.server.js';
import { profileStrength, type Strength } from './strength.js';

export type CandidateOverview = {
  name: string;
  status: 'pending' | 'active' | 'inactive' | 'archived';
  jobcentreName: string;
  strength: Strength;
};

export async function candidateOverview(deps: { db: Kysely<DB> }, user: Pick<SessionUser, 'id' | 'role'>): Promise<CandidateOverview> {
  const profile = await loadOwnProfile(deps, user);
  const { candidate } = profile;
  return {
    name: candidate.full_name,
    status: candidate.status,
    jobcentreName: (await findJobcentreName(deps.db, candidate.jobcentre_id)) ?? '',
    strength: strengthOf(profile),
  };
}

export function strengthOf(profile: Awaited<ReturnType<typeof loadOwnProfile>>): Strength {
  const { candidate } = profile;
  return profileStrength({
    skills: profile.skills,
    occupations: profile.occupations,
    education: candidate.education,
    danishProgramme: candidate.danish_programme,
    otherLanguages: profile.languages.filter((language) => language.code !== 'da').length,
    postalCode: candidate.postal_code,
    maxTravelKm: candidate.max_travel_km,
    availableFrom: candidate.available_from,
    hoursPerWeek: candidate.hours_per_week,
    ambitionSectors: candidate.ambition_sectors,
    ambitionOccupations: candidate.ambition_occupations,
    ambitionNote: candidate.ambition_note,
  });
}
