/**
 * Getting an account. A consultant creates the candidate and Jobbro sends an
 * invitation: a link (e-mail) and a short code the consultant can hand over
 * on paper. Both are stored only as SHA-256 hashes; the candidate opens
 * either and sets a password.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  claimInvitation,
  emailTaken,
  expireOpenInvitations,
  findInvitableCandidate,
  findInvitationByHash,
  insertCandidateRow,
  insertCandidateUser,
  insertInvitation,
  setUserPassword,
} from '../../db/queries/candidates.js';
import { insertAuditEntry } from '../../db/queries/audit-log.js';
import type { DB, Locale } from '../../db/schema.js';
import { enqueueIndexChange } from '../../search/outbox.server.js';
import type { Auth, SessionUser } from '../auth/lucia.server.js';
import { assertPasswordAllowed, PASSWORD_LENGTH } from '../auth/password-policy.server.js';
import { hashPassword } from '../auth/password.server.js';
import { getPostalCode } from '../geo/places.js';
import { calendarDate } from '../lib/dates.js';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { ORIGIN, queueMail } from '../mail/queue.server.js';
import { CPR_ERRORS, maskCpr, parseCpr, storeCandidateCpr, type CprCipher } from './cpr.server.js';
import { fieldsOf } from '../lib/field-errors.js';

export const INVITATION_DAYS = 30;
/** No 0/O, 1/I/L: the code is read aloud and typed from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export const residenceBases = ['refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law', 'other'] as const;
/** The candidate forms' date messages: the format key of the `candidate` namespace, the range keys of `trust`. */
export const CANDIDATE_DATE_MESSAGES = { invalid: 'errors.dateFormat', tooEarly: 'trust:dates.tooEarly', tooLate: 'trust:dates.tooLate' };

/**
 * A person as a consultant or the person themself enters them. Dates: born
 * 1900 up to today; arrived in Denmark up to today (and not before birth).
 */
export const personSchemaOn = (clock: () => Date) =>
  z
    .object({
      // A field left empty reaches a form's schema as missing (Conform's coercion), so each says what to do then too.
      fullName: z.string({ error: 'errors.nameRequired' }).trim().min(2, 'errors.nameRequired').max(200, 'errors.tooLong'),
      email: z.string({ error: 'errors.emailInvalid' }).trim().toLowerCase().email('errors.emailInvalid').max(254, 'errors.tooLong'),
      birthDate: calendarDate({ earliest: '1900-01-01', latest: 'today' }, { messages: CANDIDATE_DATE_MESSAGES, clock }),
      arrivalDate: calendarDate({ earliest: '1900-01-01', latest: 'today' }, { messages: CANDIDATE_DATE_MESSAGES, clock }),
      residenceBasis: z.enum(residenceBases, { message: 'errors.residenceInvalid' }),
      postalCode: z
        .string({ error: 'errors.postalCodeFormat' })
        .trim()
        .regex(/^[0-9]{4}$/, 'errors.postalCodeFormat')
        // A badly formed code already has its message; only a well-formed one is looked up.
        .refine((code) => !/^[0-9]{4}$/.test(code) || getPostalCode(code) !== undefined, 'errors.postalCodeUnknown'),
      locale: z.enum(['da', 'en', 'ar', 'uk']).default('da'),
    })
    // Only once both dates are valid: a wrong birth date is reported on its own field alone.
    .refine((person) => person.arrivalDate >= person.birthDate, {
      path: ['arrivalDate'],
      message: 'trust:dates.arrivalBeforeBirth',
      when: (payload) => payload.issues.length === 0,
    });
export type PersonInput = z.input<ReturnType<typeof personSchemaOn>>;
/** A person as a form sends them: any field as text, or missing; `personSchemaOn` says what each must hold. */
export type PersonFormInput = { [Field in keyof PersonInput]?: string | undefined };

export const passwordSchema = z
  .string({ error: 'errors.passwordShort' })
  .min(PASSWORD_LENGTH.min, 'errors.passwordShort')
  .max(PASSWORD_LENGTH.max, 'errors.tooLong');

/** The candidate forms' message keys (candidate:errors.*) for what is wrong with a new password. */
export const CANDIDATE_PASSWORD_MESSAGES = {
  short: 'errors.passwordShort',
  long: 'errors.tooLong',
  common: 'errors.passwordCommon',
  personal: 'errors.passwordPersonal',
  weak: 'errors.passwordWeak',
} as const;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Normalises a typed paper code: upper case, no spaces or dashes. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** `cprCipher` is null when no CPR_ENCRYPTION_KEY is configured: a CPR given is then refused. */
/** `baseUrl` starts the link shown to the consultant; the mailed link starts with the app's configured address (filled in at delivery). */
export type InviteDeps = { db: Kysely<DB>; clock: () => Date; baseUrl: string; cprCipher?: CprCipher | null };
export type Invitation = { candidateId: string; userId: string; link: string; code: string; expiresAt: Date; maskedCpr: string | null };

const MAIL_TEXT: Record<Locale, (name: string, link: string, code: string) => { subject: string; text: string }> = {
  da: (name, link, code) => ({
    subject: 'Din konto på Jobbro',
    text: `Hej ${name}\n\nDit jobcenter har lavet en konto til dig på Jobbro.\nÅbn linket og vælg en adgangskode:\n${link}\n\nEller gå til /invite og skriv koden: ${code}\n`,
  }),
  en: (name, link, code) => ({
    subject: 'Your Jobbro account',
    text: `Hello ${name}\n\nYour jobcentre made an account for you on Jobbro.\nOpen the link and choose a password:\n${link}\n\nOr go to /invite and type the code: ${code}\n`,
  }),
  ar: (name, link, code) => ({
    subject: 'حسابك في Jobbro',
    text: `مرحبًا ${name}\n\nأنشأ مركز العمل حسابًا لك في Jobbro.\nافتح الرابط واختر كلمة مرور:\n${link}\n\nأو اذهب إلى /invite واكتب الرمز: ${code}\n`,
  }),
  uk: (name, link, code) => ({
    subject: 'Ваш обліковий запис Jobbro',
    text: `Вітаємо, ${name}\n\nВаш центр зайнятості створив для вас обліковий запис у Jobbro.\nВідкрийте посилання та виберіть пароль:\n${link}\n\nАбо перейдіть на /invite і введіть код: ${code}\n`,
  }),
};

/** The optional CPR field: blank means none; otherwise it must parse and a key must be configured. */
function checkCpr(deps: InviteDeps, typed: string | undefined): { cpr: string | null; errors: string[] } {
  if (typed === undefined || typed.trim() === '') return { cpr: null, errors: [] };
  if (!deps.cprCipher) return { cpr: null, errors: [CPR_ERRORS.noKey] };
  const parsed = parseCpr(typed);
  return parsed.ok ? { cpr: parsed.cpr, errors: [] } : { cpr: null, errors: [parsed.error] };
}

/**
 * A consultant creates a candidate at their own jobcentre (active and
 * confirmed) with an invitation, and Jobbro mails the link and code. A CPR
 * number, if given, is stored encrypted (app/candidates/cpr.server.ts).
 * @throws Forbidden (not a consultant with a jobcentre), InvalidInput, Conflict (e-mail in use, or CPR_ERRORS.duplicate).
 */
export async function inviteCandidate(
  deps: InviteDeps,
  consultant: Pick<SessionUser, 'id' | 'role' | 'jobcentreId'>,
  input: PersonFormInput & { cpr?: string | undefined },
): Promise<Invitation> {
  if (consultant.role !== 'consultant' || !consultant.jobcentreId) throw new Forbidden('Only jobcentre consultants invite candidates');
  const jobcentreId = consultant.jobcentreId;
  const parsed = personSchemaOn(deps.clock).safeParse(input);
  const cprCheck = checkCpr(deps, input.cpr);
  if (!parsed.success || cprCheck.errors.length > 0) {
    const fields = parsed.success ? {} : fieldsOf(parsed.error.issues);
    throw new InvalidInput('errors.invalid', cprCheck.errors.length > 0 ? { ...fields, cpr: cprCheck.errors } : fields);
  }
  const person = parsed.data;
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const { token, code, expiresAt } = newInvitationSecrets(now);
  const ids = await deps.db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, person.email)) throw new Conflict('errors.emailTaken');
    const userId = await insertCandidateUser(trx, { email: person.email, displayName: person.fullName, passwordHash: null, locale: person.locale });
    const candidateId = await insertCandidateRow(trx, {
      user_id: userId,
      jobcentre_id: jobcentreId,
      status: 'active',
      confirmed_at: now,
      full_name: person.fullName,
      email: person.email,
      birth_date: person.birthDate,
      arrival_date: person.arrivalDate,
      residence_basis: person.residenceBasis,
      postal_code: person.postalCode,
      available_from: today,
      waiting_since: today,
      last_active_at: now,
    });
    if (cprCheck.cpr !== null && deps.cprCipher) {
      await storeCandidateCpr(trx, deps.cprCipher, { candidateId, jobcentreId, cpr: cprCheck.cpr, createdBy: consultant.id });
    }
    await insertInvitation(trx, {
      candidate_id: candidateId,
      user_id: userId,
      token_hash: hashSecret(token),
      code_hash: hashSecret(code),
      created_by: consultant.id,
      expires_at: expiresAt,
    });
    await enqueueIndexChange(trx, { index: 'candidates', id: candidateId, operation: 'upsert' });
    // Sent after commit by the delivery worker: the consultant's page never waits for a mail server, and a server that is down loses nothing.
    await queueMail(trx, { to: person.email, ...MAIL_TEXT[person.locale](person.fullName, invitationLink(ORIGIN, token), code) }, now);
    return { userId, candidateId };
  });
  const link = invitationLink(deps.baseUrl, token);
  return { ...ids, link, code, expiresAt, maskedCpr: cprCheck.cpr === null ? null : maskCpr(cprCheck.cpr) };
}

function newInvitationSecrets(now: Date): { token: string; code: string; expiresAt: Date } {
  return { token: randomBytes(32).toString('base64url'), code: newCode(), expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000) };
}

function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/invite/${token}`;
}

export type InvitationState = { candidateId: string; name: string; email: string | null; accountActive: boolean };

/**
 * Whether a new invitation can be sent to the candidate, for the page with the button.
 * @throws Forbidden (not a consultant of the candidate's jobcentre), NotFound.
 */
export async function invitationState(
  deps: { db: Kysely<DB> },
  consultant: Pick<SessionUser, 'role' | 'jobcentreId'>,
  candidateId: string,
): Promise<InvitationState> {
  if (consultant.role !== 'consultant' || !consultant.jobcentreId) throw new Forbidden('Only jobcentre consultants resend invitations');
  const found = await findInvitableCandidate(deps.db, candidateId);
  if (!found) throw new NotFound('Candidate', candidateId);
  if (found.jobcentre_id !== consultant.jobcentreId) throw new Forbidden('Only the candidate’s own jobcentre invites them');
  return { candidateId, name: found.full_name, email: found.email, accountActive: found.has_password };
}

/**
 * A consultant of the candidate's jobcentre sends a new invitation (a lost
 * mail, a lost paper code): a new link and code, mailed again; every earlier
 * link and code of the candidate stops working in the same transaction.
 * @throws Forbidden (not a consultant of the candidate's jobcentre), NotFound,
 *   Conflict (`invitation.accountActive`: the candidate already chose a
 *   password, so the way back in is /forgot-password, not a new invitation;
 *   `invitation.noEmail`: no account to invite).
 */
export async function resendInvitation(
  deps: Omit<InviteDeps, 'cprCipher'>,
  consultant: Pick<SessionUser, 'id' | 'role' | 'jobcentreId'>,
  candidateId: string,
): Promise<{ link: string; code: string; expiresAt: Date; email: string }> {
  if (consultant.role !== 'consultant' || !consultant.jobcentreId) throw new Forbidden('Only jobcentre consultants resend invitations');
  const now = deps.clock();
  const { token, code, expiresAt } = newInvitationSecrets(now);
  const candidate = await deps.db.transaction().execute(async (trx) => {
    const found = await findInvitableCandidate(trx, candidateId, true);
    if (!found) throw new NotFound('Candidate', candidateId);
    if (found.jobcentre_id !== consultant.jobcentreId) throw new Forbidden('Only the candidate’s own jobcentre invites them');
    if (found.user_id === null || found.email === null) throw new Conflict('invitation.noEmail');
    if (found.has_password) throw new Conflict('invitation.accountActive');
    const replaced = await expireOpenInvitations(trx, candidateId, now);
    await insertInvitation(trx, {
      candidate_id: candidateId,
      user_id: found.user_id,
      token_hash: hashSecret(token),
      code_hash: hashSecret(code),
      created_by: consultant.id,
      expires_at: expiresAt,
    });
    await insertAuditEntry(trx, {
      actorUserId: consultant.id,
      action: 'candidate.invitation_resent',
      subjectType: 'candidate',
      subjectId: candidateId,
      details: { replaced },
    });
    const locale = found.locale ?? 'da';
    await queueMail(trx, { to: found.email, ...MAIL_TEXT[locale](found.full_name, invitationLink(ORIGIN, token), code) }, now);
    return { email: found.email };
  });
  const link = invitationLink(deps.baseUrl, token);
  return { link, code, expiresAt, email: candidate.email };
}

/** The invitation behind a link token or a paper code, if it can still be used. */
export async function findOpenInvitation(deps: { db: Kysely<DB>; clock: () => Date }, tokenOrCode: string): Promise<{ name: string; email: string }> {
  const invitation = await lookUp(deps, tokenOrCode);
  return { name: invitation.display_name, email: invitation.email };
}

async function lookUp(deps: { db: Kysely<DB>; clock: () => Date }, tokenOrCode: string) {
  const invitation =
    (await findInvitationByHash(deps.db, hashSecret(tokenOrCode))) ?? (await findInvitationByHash(deps.db, hashSecret(normaliseCode(tokenOrCode))));
  if (!invitation || invitation.used_at !== null || new Date(invitation.expires_at) <= deps.clock()) throw new NotFound('Invitation');
  return invitation;
}

/**
 * Sets the password from an invitation (once) and logs the candidate in.
 * Once even when the link and the paper code are accepted at the same
 * moment: the claim is one conditional UPDATE (claimInvitation), so the
 * second accept finds the invitation used and sets nothing.
 * @throws NotFound (unknown, used or expired), InvalidInput (password too short or long, common, weak, or the person's own e-mail or name).
 */
export async function acceptInvitation(
  deps: { db: Kysely<DB>; auth: Auth; clock: () => Date },
  input: { tokenOrCode: string; password: string },
): Promise<{ cookie: string }> {
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) throw new InvalidInput('errors.invalid', { password: password.error.issues.map((issue) => issue.message) });
  const invitation = await lookUp(deps, input.tokenOrCode);
  await assertPasswordAllowed(password.data, { email: invitation.email, name: invitation.display_name }, CANDIDATE_PASSWORD_MESSAGES);
  const hash = await hashPassword(password.data);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await claimInvitation(trx, invitation.id, deps.clock()))) throw new NotFound('Invitation');
    await setUserPassword(trx, invitation.user_id, hash);
  });
  const session = await deps.auth.createSession(invitation.user_id, {});
  return { cookie: deps.auth.createSessionCookie(session.id).serialize() };
}
