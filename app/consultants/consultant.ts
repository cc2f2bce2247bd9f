/**
 * Who a consultant is, for the domain layer: a user with the consultant role
 * and a jobcentre. Routes pass the session user; tests pass plain objects.
 */
import type { Role } from '../../db/schema.js';
import { Forbidden } from '../lib/errors.js';

export type ConsultantUser = { id: string; role: Role; jobcentreId: string | null };
export type Consultant = { id: string; jobcentreId: string };

/** The consultant behind a user, or Forbidden when the user is not a consultant of a jobcentre. */
export function asConsultant(user: ConsultantUser): Consultant {
  if (user.role !== 'consultant' || !user.jobcentreId) throw new Forbidden('Only jobcentre consultants may do this');
  return { id: user.id, jobcentreId: user.jobcentreId };
}

export const REJECT_REASONS = ['skills', 'danish_too_low', 'not_ready', 'candidate_declined', 'employer_unsuitable', 'distance', 'other'] as const;
