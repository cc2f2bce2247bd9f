/**
 * Employer verification: a consultant verifies (CVR looked at, contact
 * confirmed) or suspends employers with a workplace in their jobcentre's
 * municipality. Only verified employers' slots are matchable, so the
 * employer's published slots are re-indexed in the same transaction.
 */
import type { Kysely } from 'kysely';
import {
  insertVerification,
  organisationInMunicipality,
  selectEmployersInMunicipality,
  selectJobcentreMunicipality,
  selectPublishedSlotIdsOf,
  setOrganisationStatus,
  type EmployerToVerifyRow,
} from '../../db/queries/verification.js';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { DB } from '../../db/schema.js';
import { enqueueIndexChanges } from '../../search/outbox.server.js';
import { Forbidden, InvalidInput, NotFound, RuleViolation } from '../lib/errors.js';
import { isValidCvr } from '../organisations/cvr.js';
import { organisationVerified } from '../notifications/events.server.js';
import { asConsultant, type ConsultantUser } from './consultant.js';

export type VerificationDeps = { db: Kysely<DB>; clock: () => Date };

export type VerificationInput =
  | { action: 'verify'; organisationId: string; cvrChecked: boolean; contactConfirmed: boolean; note?: string | null }
  | { action: 'suspend'; organisationId: string; note: string };

async function municipalityOf(db: Kysely<DB>, jobcentreId: string): Promise<string> {
  const code = await selectJobcentreMunicipality(db, jobcentreId);
  if (!code) throw new NotFound('Jobcentre', jobcentreId);
  return code;
}

/** Employers with a workplace in the consultant's municipality, unverified first. */
export async function employersToVerify(deps: Pick<VerificationDeps, 'db'>, user: ConsultantUser): Promise<EmployerToVerifyRow[]> {
  const consultant = asConsultant(user);
  return selectEmployersInMunicipality(deps.db, await municipalityOf(deps.db, consultant.jobcentreId));
}

/**
 * Verifies or suspends an employer.
 * @throws InvalidInput (checks not confirmed, no note for a suspension),
 *   Forbidden (no workplace in the consultant's municipality),
 *   RuleViolation `employer.cvr` (the stored CVR fails modulus 11).
 */
export async function setEmployerVerification(deps: VerificationDeps, user: ConsultantUser, input: VerificationInput): Promise<void> {
  const consultant = asConsultant(user);
  const note = input.note?.trim() || null;
  if (input.action === 'verify' && !(input.cvrChecked && input.contactConfirmed)) {
    throw new InvalidInput('Look up the CVR number and confirm the contact first', { checks: ['both checks are required'] });
  }
  if (input.action === 'suspend' && !note) throw new InvalidInput('Say why the employer is suspended', { note: ['required'] });
  const municipality = await municipalityOf(deps.db, consultant.jobcentreId);
  await deps.db.transaction().execute(async (trx) => {
    const organisation = await organisationInMunicipality(trx, input.organisationId, municipality);
    if (!organisation) throw new Forbidden('Only a jobcentre where the employer has a workplace may verify it');
    if (input.action === 'verify' && !isValidCvr(organisation.cvr)) {
      throw new RuleViolation('employer.cvr', `CVR ${organisation.cvr} fails the modulus-11 check`, 'CVR-loven');
    }
    const at = deps.clock();
    const status = input.action === 'verify' ? 'verified' : 'suspended';
    await setOrganisationStatus(trx, organisation.id, { status, by: consultant.id, at });
    await insertVerification(trx, {
      organisation_id: organisation.id,
      action: status,
      cvr_checked: input.action === 'verify',
      contact_confirmed: input.action === 'verify',
      note,
      jobcentre_id: consultant.jobcentreId,
      decided_by: consultant.id,
      decided_at: at,
    });
    const slotIds = await selectPublishedSlotIdsOf(trx, organisation.id);
    await enqueueIndexChanges(
      trx,
      slotIds.map((id) => ({ index: 'slots' as const, id, operation: 'upsert' as const })),
    );
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: `organisation.${status}`,
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { note },
    });
    await organisationVerified(trx, { organisationId: organisation.id, status, actorUserId: consultant.id, at });
  });
}
