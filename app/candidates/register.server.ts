/**
 * Self-registration (like HackYourFuture students): the person creates their
 * own account and is linked to the jobcentre of the municipality their
 * postal code lies in, as 'pending' until that jobcentre confirms them.
 * Pending candidates are not in the matching index and cannot act
 * (app/candidates/confirmation.ts).
 *
 * The answer is the same whether the e-mail already has an account or not
 * (issue 21.9): "we have sent you a mail". A new person gets a welcome mail
 * with the way to log in; the owner of an existing account gets a mail
 * saying someone tried, with the log-in and forgot-password links, and the
 * account is left as it was. Either mail is queued in the transaction and
 * sent after commit, so neither answer waits for a mail server. So the form
 * cannot tell anyone who uses Jobbro.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { registrationWaiting } from '../notifications/events.server.js';
import { emailTaken, findJobcentreOfMunicipality, insertCandidateRow, insertCandidateUser, insertJobcentre } from '../../db/queries/candidates.js';
import type { DB } from '../../db/schema.js';
import { assertAccountMailAllowed, type AccountMailThrottle } from '../auth/account-mail-throttle.server.js';
import { assertPasswordAllowed } from '../auth/password-policy.server.js';
import { hashPassword } from '../auth/password.server.js';
import { getMunicipality, getPostalCode } from '../geo/places.js';
import { findUserCredentialsByEmail } from '../../db/queries/users.js';
import { translatorFor } from '../i18n/translator.server.js';
import { InvalidInput, NotFound } from '../lib/errors.js';
import { ORIGIN, queueMail } from '../mail/queue.server.js';
import { CANDIDATE_PASSWORD_MESSAGES, passwordSchema, personSchemaOn, type PersonInput } from './invite.server.js';
import { fieldErrorsOf } from './profile-schemas.js';

export type RegistrationInput = PersonInput & { password: string };

export type RegistrationDeps = { db: Kysely<DB>; clock: () => Date; throttle?: AccountMailThrottle };

/**
 * Creates the account and a pending candidate, or, when the e-mail has an
 * account already, tells its owner by mail and changes nothing. Resolves
 * with the same answer either way: the address the mail went to.
 * @throws InvalidInput (fields; the password policy), TooManyAccountMails (over the limits).
 */
export async function registerCandidate(deps: RegistrationDeps, input: RegistrationInput, clientAddress = 'unknown'): Promise<{ email: string }> {
  const parsed = personSchemaOn(deps.clock)
    .and(z.object({ password: passwordSchema }))
    .safeParse(input);
  if (!parsed.success) throw new InvalidInput('errors.invalid', fieldErrorsOf(parsed.error.issues));
  const person = parsed.data;
  const place = getPostalCode(person.postalCode);
  if (!place) throw new NotFound('Postal code', person.postalCode);
  await assertPasswordAllowed(person.password, { email: person.email, name: person.fullName }, CANDIDATE_PASSWORD_MESSAGES);
  await assertAccountMailAllowed(deps.throttle, { ip: clientAddress, email: person.email });
  // Hashed in both cases, so the answer takes as long for a taken e-mail as for a new one.
  const hash = await hashPassword(person.password);
  const today = deps.clock().toISOString().slice(0, 10);
  const loginLink = `${ORIGIN}/login`;
  await deps.db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, person.email)) {
      const owner = await findUserCredentialsByEmail(trx, person.email);
      const t = await translatorFor(owner?.locale ?? person.locale);
      const values = { name: owner?.display_name ?? '', loginLink, resetLink: `${ORIGIN}/forgot-password` };
      await queueMail(
        trx,
        { to: person.email, subject: t('account:mail.registerExisting.subject'), text: t('account:mail.registerExisting.text', values) },
        deps.clock(),
      );
      return;
    }
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
    const t = await translatorFor(person.locale);
    const values = { name: person.fullName, jobcentre: jobcentre.name, loginLink };
    await queueMail(
      trx,
      { to: person.email, subject: t('account:mail.registerWelcome.subject'), text: t('account:mail.registerWelcome.text', values) },
      deps.clock(),
    );
  });
  return { email: person.email };
}
