/**
 * Self-registration (like HackYourFuture students): the person creates their
 * own account and is linked to the jobcentre of the municipality their
 * postal code lies in, as 'pending' until that jobcentre confirms them.
 * Pending candidates are not in the matching index.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { registrationWaiting } from '../notifications/events.server.js';
import { emailTaken, findJobcentreOfMunicipality, insertCandidateRow, insertCandidateUser, insertJobcentre } from '../../db/queries/candidates.js';
import type { DB } from '../../db/schema.js';
import type { Auth } from '../auth/lucia.server.js';
import { assertPasswordAllowed } from '../auth/password-policy.server.js';
import { hashPassword } from '../auth/password.server.js';
import { getMunicipality, getPostalCode } from '../geo/places.js';
import { Conflict, InvalidInput, NotFound } from '../lib/errors.js';
import { CANDIDATE_PASSWORD_MESSAGES, passwordSchema, personSchemaOn, type PersonInput } from './invite.server.js';
import { fieldErrorsOf } from './profile-schemas.js';

export type RegistrationInput = PersonInput & { password: string };

/** Creates the account and a pending candidate; returns the session cookie. */
export async function registerCandidate(
  deps: { db: Kysely<DB>; auth: Auth; clock: () => Date },
  input: RegistrationInput,
): Promise<{ cookie: string; jobcentreName: string }> {
  const parsed = personSchemaOn(deps.clock).and(z.object({ password: passwordSchema })).safeParse(input);
  if (!parsed.success) throw new InvalidInput('errors.invalid', fieldErrorsOf(parsed.error.issues));
  const person = parsed.data;
  const place = getPostalCode(person.postalCode);
  if (!place) throw new NotFound('Postal code', person.postalCode);
  await assertPasswordAllowed(person.password, { email: person.email, name: person.fullName }, CANDIDATE_PASSWORD_MESSAGES);
  const hash = await hashPassword(person.password);
  const today = deps.clock().toISOString().slice(0, 10);
  const { userId, jobcentreName } = await deps.db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, person.email)) throw new Conflict('errors.emailTaken');
    let jobcentre = await findJobcentreOfMunicipality(trx, place.municipalityCode);
    if (!jobcentre) {
      const name = `Jobcenter ${getMunicipality(place.municipalityCode)?.nameDa ?? place.name}`;
      jobcentre = { id: await insertJobcentre(trx, place.municipalityCode, name), name };
    }
    const id = await insertCandidateUser(trx, { email: person.email, displayName: person.fullName, passwordHash: hash, locale: person.locale });
    const candidateId = await insertCandidateRow(trx, {
      user_id: id,
      jobcentre_id: jobcentre.id,
      status: 'pending',
      confirmed_at: null,
      full_name: person.fullName,
      email: person.email,
      birth_date: person.birthDate,
      arrival_date: person.arrivalDate,
      residence_basis: person.residenceBasis,
      postal_code: person.postalCode,
      available_from: today,
      waiting_since: today,
    });
    await registrationWaiting(trx, { candidateId, jobcentreId: jobcentre.id, candidateName: person.fullName, actorUserId: id, at: deps.clock() });
    return { userId: id, jobcentreName: jobcentre.name };
  });
  const session = await deps.auth.createSession(userId, {});
  return { cookie: deps.auth.createSessionCookie(session.id).serialize(), jobcentreName };
}
