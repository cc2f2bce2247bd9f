/**
 * Getting back into an account, and keeping others out of it (issues 21.13,
 * 23.5): a password reset by a single-use link that expires within the
 * hour, a password change by the logged-in person, and ending sessions.
 *
 * A reset request answers the same whether the e-mail has an account or not
 * (only the owner of an existing account gets a mail), so the form cannot be
 * used to find out who uses Jobbro; it is throttled per e-mail and per
 * client address. The mail is queued in the transaction that stores the
 * link and sent by the delivery worker after commit: no request waits for a
 * mail server, so how long the answer takes does not tell whether a mail
 * went out (and a mail server that is down loses no reset link). Setting a new password ends every other session: whoever
 * had the old password, or a stolen cookie, is out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Role } from '../../db/schema.js';
import {
  claimPasswordReset,
  countUserSessions,
  deleteOtherUserSessions,
  findOpenPasswordReset,
  findPasswordHash,
  findUserCredentialsByEmail,
  insertPasswordReset,
  updateUserPassword,
} from '../../db/queries/users.js';
import { translatorFor } from '../i18n/translator.server.js';
import { InvalidInput, NotFound } from '../lib/errors.js';
import { ORIGIN, queueMail } from '../mail/queue.server.js';
import { assertAccountMailAllowed, type AccountMailThrottle } from './account-mail-throttle.server.js';
import type { Auth } from './lucia.server.js';
import { assertPasswordAllowed, PASSWORD_LENGTH, type PasswordProblem } from './password-policy.server.js';
import { hashPassword, verifyPassword } from './password.server.js';

/** A reset link works for this long, and once. */
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000;

/** The account namespace's message keys (account:errors.*) for what is wrong with a new password. */
export const ACCOUNT_PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  short: 'errors.passwordShort',
  long: 'errors.tooLong',
  common: 'errors.passwordCommon',
  personal: 'errors.passwordPersonal',
  weak: 'errors.passwordWeak',
};

export const emailSchema = z.string().trim().toLowerCase().email('errors.emailInvalid').max(254, 'errors.tooLong');
const newPasswordSchema = z.string().min(PASSWORD_LENGTH.min, 'errors.passwordShort').max(PASSWORD_LENGTH.max, 'errors.tooLong');

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ password: newPasswordSchema });
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'errors.passwordRequired').max(PASSWORD_LENGTH.max, 'errors.tooLong'),
    newPassword: newPasswordSchema,
    repeatPassword: z.string().max(PASSWORD_LENGTH.max, 'errors.tooLong'),
  })
  .refine((value) => value.newPassword === value.repeatPassword, { message: 'errors.repeatMismatch', path: ['repeatPassword'] });

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    (fields[field] ??= []).push(issue.message);
  }
  return fields;
}

export type RecoveryDeps = { db: Kysely<DB>; clock: () => Date; throttle?: AccountMailThrottle };

/**
 * Queues a mail with a reset link to the account of `email`, if there is
 * one. Resolves the same either way, without waiting for a mail server.
 * @throws InvalidInput (field `email`), TooManyAccountMails (over the limits, existing e-mail or not).
 */
export async function requestPasswordReset(deps: RecoveryDeps, input: { email: string }, clientAddress = 'unknown'): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput('errors.emailInvalid', fieldErrors(parsed.error.issues));
  const { email } = parsed.data;
  await assertAccountMailAllowed(deps.throttle, { ip: clientAddress, email });
  const user = await findUserCredentialsByEmail(deps.db, email);
  if (!user) return;
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock();
  const t = await translatorFor(user.locale);
  // The link's origin is the app's configured public address, filled in at delivery, never the request's Host header.
  const values = { name: user.display_name, link: `${ORIGIN}/reset-password/${token}`, minutes: PASSWORD_RESET_LIFETIME_MS / 60_000 };
  await deps.db.transaction().execute(async (trx) => {
    await insertPasswordReset(trx, {
      userId: user.id,
      tokenHash: tokenHash(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_LIFETIME_MS),
    });
    await queueMail(trx, { to: user.email, subject: t('account:mail.reset.subject'), text: t('account:mail.reset.text', values) }, now);
  });
}

/** Whose reset link this is, for the page that asks for the new password. @throws NotFound (unknown, used or expired). */
export async function findPasswordReset(deps: { db: Kysely<DB>; clock: () => Date }, token: string): Promise<{ email: string }> {
  const found = await findOpenPasswordReset(deps.db, tokenHash(token), deps.clock());
  if (!found) throw new NotFound('Password reset link');
  return { email: found.email };
}

/**
 * Sets a new password from a reset link (once), ends every session of the
 * account, and opens a new one for whoever used the link.
 * @throws NotFound (unknown, used or expired link), InvalidInput (field `password`).
 */
export async function resetPassword(
  deps: { db: Kysely<DB>; auth: Auth; clock: () => Date },
  input: { token: string; password: string },
): Promise<{ cookie: string; role: Role }> {
  const parsed = resetPasswordSchema.safeParse({ password: input.password });
  if (!parsed.success) throw new InvalidInput('errors.invalid', fieldErrors(parsed.error.issues));
  const found = await findOpenPasswordReset(deps.db, tokenHash(input.token), deps.clock());
  if (!found) throw new NotFound('Password reset link');
  await assertPasswordAllowed(parsed.data.password, { email: found.email, name: found.display_name }, ACCOUNT_PASSWORD_MESSAGES);
  const hash = await hashPassword(parsed.data.password);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const claimed = await claimPasswordReset(trx, found.id, deps.clock());
    if (!claimed) throw new NotFound('Password reset link');
    await updateUserPassword(trx, claimed, hash);
    await deleteOtherUserSessions(trx, claimed, null);
    return claimed;
  });
  const session = await deps.auth.createSession(userId, {});
  return { cookie: deps.auth.createSessionCookie(session.id).serialize(), role: found.role };
}

/**
 * The logged-in person changes their password: the current one must be
 * right; every other session of theirs ends, this one stays.
 * @throws InvalidInput (fields `currentPassword`, `newPassword`, `repeatPassword`).
 */
export async function changePassword(
  deps: { db: Kysely<DB> },
  user: { id: string; email: string; displayName: string },
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string; repeatPassword: string },
): Promise<{ endedSessions: number }> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput('errors.invalid', fieldErrors(parsed.error.issues));
  const stored = await findPasswordHash(deps.db, user.id);
  if (stored === null || !(await verifyPassword(stored, parsed.data.currentPassword))) {
    throw new InvalidInput('errors.currentWrong', { currentPassword: ['errors.currentWrong'] });
  }
  await assertPasswordAllowed(parsed.data.newPassword, { email: user.email, name: user.displayName }, ACCOUNT_PASSWORD_MESSAGES).catch(
    (error: unknown) => {
      // The policy names the field `password`; this form calls it `newPassword`.
      if (error instanceof InvalidInput) throw new InvalidInput(error.message, { newPassword: error.fields.password ?? [error.message] });
      throw error;
    },
  );
  const hash = await hashPassword(parsed.data.newPassword);
  return deps.db.transaction().execute(async (trx) => {
    await updateUserPassword(trx, user.id, hash);
    return { endedSessions: await deleteOtherUserSessions(trx, user.id, currentSessionId) };
  });
}

/** How many live sessions the user has (the account page says how many places "log out everywhere" ends). */
export async function countSessions(deps: { db: Kysely<DB>; clock: () => Date }, userId: string): Promise<number> {
  return countUserSessions(deps.db, userId, deps.clock());
}
