/**
 * Companies: sign-up (organisation, first workplace and first person in one
 * transaction), more workplaces, and colleagues invited by e-mail. A new
 * company starts `unverified`: jobcentres see it at once, but its slots reach
 * candidates only after a consultant of the workplace's municipality has
 * verified it (issue 7 does the verifying).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as employers from '../../db/queries/employers.js';
import type { DB, Locale } from '../../db/schema.js';
import type { Auth } from '../auth/lucia.server.js';
import { assertAccountMailAllowed, type AccountMailThrottle } from '../auth/account-mail-throttle.server.js';
import { assertPasswordAllowed } from '../auth/password-policy.server.js';
import { translatorFor } from '../i18n/translator.server.js';
import { ORIGIN, queueMail } from '../mail/queue.server.js';
import { hashPassword } from '../auth/password.server.js';
import { Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { ratioRuleCapacity } from '../rules/ratio-rule.js';
import type { CompanySignupInput, WorkplaceInput } from './schemas.js';

/** Who acts for a company: a logged-in employer, or an API key (no user). */
export type EmployerActor = { organisationId: string; userId: string | null };

/** The employer actor of a session user; anyone without an organisation is refused. */
export function employerActorOf(user: { id: string; role: string; organisationId: string | null }): EmployerActor {
  if (user.role !== 'employer' || !user.organisationId) throw new Forbidden('Only a company account may do this');
  return { organisationId: user.organisationId, userId: user.id };
}

/** The employer forms' message keys (employer:errors.*) for what is wrong with a new password. */
const PASSWORD_MESSAGES = {
  short: 'passwordShort',
  long: 'tooLong',
  common: 'passwordCommon',
  personal: 'passwordPersonal',
  weak: 'passwordWeak',
} as const;

/** Colleague invitations are valid for a week. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function assertUnique(db: Kysely<DB>, checks: { cvr?: string; pNumber?: string; email?: string }): Promise<void> {
  const fields: Record<string, string[]> = {};
  if (checks.cvr && (await employers.organisationExistsWithCvr(db, checks.cvr))) fields.cvr = ['cvrTaken'];
  if (checks.pNumber && (await employers.workplaceExistsWithPNumber(db, checks.pNumber))) fields.pNumber = ['pNumberTaken'];
  if (checks.email && (await employers.userExistsWithEmail(db, checks.email))) fields.email = ['emailTaken'];
  if (Object.keys(fields).length > 0) throw new InvalidInput('Already registered', fields);
}

/**
 * Registers a company with its first workplace and the contact person's
 * account, and logs that person in.
 * @throws InvalidInput (fields cvr / pNumber / email: `cvrTaken`, `pNumberTaken`, `emailTaken`;
 *   password: `passwordCommon`, `passwordPersonal`).
 */
export async function signUpCompany(
  deps: { db: Kysely<DB>; auth: Auth },
  input: CompanySignupInput,
  locale: Locale | null,
): Promise<{ organisationId: string; userId: string; cookie: string }> {
  await assertPasswordAllowed(input.password, { email: input.email, name: input.contactName }, PASSWORD_MESSAGES);
  const passwordHash = await hashPassword(input.password);
  const created = await deps.db.transaction().execute(async (trx) => {
    await assertUnique(trx, { cvr: input.cvr, pNumber: input.pNumber, email: input.email });
    const organisation = await employers.insertOrganisation(trx, {
      cvr: input.cvr,
      name: input.companyName,
      contact_name: input.contactName,
      contact_email: input.email,
      contact_phone: input.phone ?? null,
    });
    await employers.insertWorkplace(trx, {
      organisation_id: organisation.id,
      p_number: input.pNumber,
      name: input.workplaceName,
      address: input.address,
      postal_code: input.postalCode,
      ordinary_employees_fte: input.employeesFte,
    });
    const user = await employers.insertEmployerUser(trx, {
      email: input.email,
      password_hash: passwordHash,
      display_name: input.contactName,
      organisation_id: organisation.id,
      locale,
    });
    return { organisationId: organisation.id, userId: user.id };
  });
  const session = await deps.auth.createSession(created.userId, {});
  return { ...created, cookie: deps.auth.createSessionCookie(session.id).serialize() };
}

/**
 * Adds a workplace (P-number) to the actor's company.
 * @throws InvalidInput (`pNumberTaken`) when the P-number is already registered.
 */
export async function addWorkplace(deps: { db: Kysely<DB> }, actor: EmployerActor, input: WorkplaceInput): Promise<{ id: string }> {
  return deps.db.transaction().execute(async (trx) => {
    await assertUnique(trx, { pNumber: input.pNumber });
    const workplace = await employers.insertWorkplace(trx, {
      organisation_id: actor.organisationId,
      p_number: input.pNumber,
      name: input.workplaceName,
      address: input.address,
      postal_code: input.postalCode,
      ordinary_employees_fte: input.employeesFte,
    });
    return { id: workplace.id };
  });
}

export type WorkplaceView = {
  id: string;
  pNumber: string;
  name: string;
  address: string;
  postalCode: string;
  municipalityCode: string;
  municipalityName: string;
  ordinaryEmployeesFte: number;
  /** Ratio rule: supported persons allowed at once, counted, and left. */
  ratio: { capacity: number; used: number; remaining: number };
};

/** The company's workplaces with their room under the ratio rule. */
export async function listWorkplaces(deps: { db: Kysely<DB> }, actor: EmployerActor): Promise<WorkplaceView[]> {
  const rows = await employers.selectWorkplaces(deps.db, actor.organisationId);
  return Promise.all(
    rows.map(async (row) => {
      const capacity = ratioRuleCapacity(Number(row.ordinary_employees_fte));
      const used = await employers.countSupportedAtWorkplace(deps.db, row.id, null);
      return {
        id: row.id,
        pNumber: row.p_number,
        name: row.name,
        address: row.address,
        postalCode: row.postal_code,
        municipalityCode: row.municipality_code,
        municipalityName: row.municipality_name,
        ordinaryEmployeesFte: Number(row.ordinary_employees_fte),
        ratio: { capacity, used, remaining: Math.max(0, capacity - used) },
      };
    }),
  );
}

export type CompanyOverview = {
  name: string;
  cvr: string;
  status: 'unverified' | 'verified' | 'suspended';
  colleagues: Array<{ id: string; email: string; displayName: string }>;
  openInvitations: Array<{ id: string; email: string; expiresAt: string }>;
};

/** The company, its people and its open invitations. */
export async function getCompany(deps: { db: Kysely<DB>; clock: () => Date }, actor: EmployerActor): Promise<CompanyOverview> {
  const organisation = await employers.findOrganisationById(deps.db, actor.organisationId);
  if (!organisation) throw new NotFound('Organisation', actor.organisationId);
  const [colleagues, invitations] = await Promise.all([
    employers.selectColleagues(deps.db, actor.organisationId),
    employers.selectOpenInvitations(deps.db, actor.organisationId, deps.clock()),
  ]);
  return {
    name: organisation.name,
    cvr: organisation.cvr,
    status: organisation.status,
    colleagues: colleagues.map((c) => ({ id: c.id, email: c.email, displayName: c.display_name })),
    openInvitations: invitations.map((i) => ({ id: i.id, email: i.email, expiresAt: i.expires_at.toISOString() })),
  };
}

export type ColleagueInvitationDeps = { db: Kysely<DB>; clock: () => Date; throttle?: AccountMailThrottle };

/**
 * Invites a colleague to the company: a one-time link (only its hash is
 * stored) mailed to them (queued, sent after commit). When the address already has an account, its
 * owner gets a mail saying so instead and no invitation is made; the answer
 * is the same either way (issue 21.9), so the form cannot tell an employer
 * who else uses Jobbro.
 * @throws Forbidden (an API key, not a person), TooManyAccountMails (over the limits).
 */
export async function inviteColleague(
  deps: ColleagueInvitationDeps,
  actor: EmployerActor,
  input: { email: string },
  clientAddress = 'unknown',
): Promise<{ email: string; expiresAt: Date }> {
  if (!actor.userId) throw new Forbidden('Only a person can invite colleagues');
  const invitedBy = actor.userId;
  const email = input.email.trim().toLowerCase();
  await assertAccountMailAllowed(deps.throttle, { ip: clientAddress, email });
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(deps.clock().getTime() + INVITATION_LIFETIME_MS);
  const organisation = await employers.findOrganisationById(deps.db, actor.organisationId);
  if (!organisation) throw new NotFound('Organisation', actor.organisationId);
  // Colleagues' language is not known yet: Danish with English below, as before.
  const t = await translatorFor('da');
  // Links start with the app's configured address (filled in at delivery), not the request's Host header.
  const values = {
    company: organisation.name,
    link: `${ORIGIN}/employer/invitation/${token}`,
    loginLink: `${ORIGIN}/login`,
    resetLink: `${ORIGIN}/forgot-password`,
  };
  // Either mail is queued in the same transaction and sent after commit: the answer never waits for a mail server,
  // so its timing does not tell whether the address has an account.
  await deps.db.transaction().execute(async (trx) => {
    const kind = (await employers.userExistsWithEmail(trx, email)) ? 'colleagueExisting' : 'colleagueInvite';
    if (kind === 'colleagueInvite') {
      await employers.insertInvitation(trx, {
        organisation_id: actor.organisationId,
        email,
        token_hash: hashToken(token),
        invited_by: invitedBy,
        expires_at: expiresAt,
      });
    }
    await queueMail(trx, { to: email, subject: t(`account:mail.${kind}.subject`), text: t(`account:mail.${kind}.text`, values) }, deps.clock());
  });
  return { email, expiresAt };
}

/** An open invitation by its token. @throws NotFound for an unknown, used or expired token. */
export async function findInvitation(
  deps: { db: Kysely<DB>; clock: () => Date },
  token: string,
): Promise<{ id: string; organisationId: string; organisationName: string; email: string }> {
  const row = await employers.findInvitationByTokenHash(deps.db, hashToken(token));
  if (!row || row.accepted_at !== null || row.expires_at.getTime() <= deps.clock().getTime()) throw new NotFound('Invitation');
  return { id: row.id, organisationId: row.organisation_id, organisationName: row.organisation_name, email: row.email };
}

/**
 * Accepts an invitation: creates the colleague's account in the company and
 * logs them in. The token works once.
 */
export async function acceptInvitation(
  deps: { db: Kysely<DB>; clock: () => Date; auth: Auth },
  token: string,
  input: { displayName: string; password: string },
  locale: Locale | null,
): Promise<{ userId: string; cookie: string }> {
  // Looked up first for the e-mail the password is checked against; the transaction looks again before using it.
  const { email } = await findInvitation(deps, token);
  await assertPasswordAllowed(input.password, { email, name: input.displayName }, PASSWORD_MESSAGES);
  const passwordHash = await hashPassword(input.password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const invitation = await findInvitation({ db: trx, clock: deps.clock }, token);
    await assertUnique(trx, { email: invitation.email });
    await employers.markInvitationAccepted(trx, invitation.id, deps.clock());
    const user = await employers.insertEmployerUser(trx, {
      email: invitation.email,
      password_hash: passwordHash,
      display_name: input.displayName,
      organisation_id: invitation.organisationId,
      locale,
    });
    return user.id;
  });
  const session = await deps.auth.createSession(userId, {});
  return { userId, cookie: deps.auth.createSessionCookie(session.id).serialize() };
}
