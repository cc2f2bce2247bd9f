/**
 * Password login and logout. Domain functions: they take their dependencies
 * and never import Remix.
 */
import { TooManyAttempts, type LoginThrottle } from './login-throttle.server.js';
import { z } from 'zod';
import { InvalidInput } from '../lib/errors.js';
import { findUserCredentialsByEmail } from '../../db/queries/users.js';
import { touchCandidateActivityOfUser } from '../../db/queries/inactivity.js';
import type { Executor } from '../../db/client.server.js';
import { hashPassword, verifyPassword } from './password.server.js';
import type { Auth, SessionUser } from './lucia.server.js';

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

export type LoginInput = z.input<typeof loginSchema>;

/**
 * The log-in form as posted: each field's message is a key of the login page
 * (`login.*`), and a field left empty gets its own. Kept here, not in the
 * route, so the page's browser bundle carries no Zod.
 */
export const loginFormSchema = z.object({
  email: z.string({ error: 'emailInvalid' }).trim().toLowerCase().email('emailInvalid').max(254, 'emailInvalid'),
  password: z.string({ error: 'passwordRequired' }).min(1, 'passwordRequired').max(1024, 'passwordRequired'),
  redirectTo: z.string().optional(),
});
export type LoginForm = z.input<typeof loginFormSchema>;

/** The same message for an unknown e-mail and a wrong password, so the form does not reveal who has an account. */
export const WRONG_CREDENTIALS = 'wrong_credentials';

let dummyHash: Promise<string> | undefined;

/**
 * Checks the password and opens a NEW session (a fresh id on every login, so a
 * session id planted before login is worthless). Other sessions of the same
 * user stay open: people log in from a phone and a PC.
 * Throws `InvalidInput` with message `wrong_credentials` on any mismatch.
 */
export async function login(
  deps: { db: Executor; auth: Auth; throttle?: LoginThrottle },
  input: LoginInput,
  clientAddress = 'unknown',
): Promise<{ user: SessionUser; sessionId: string; cookie: string }> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(WRONG_CREDENTIALS);
  const { email, password } = parsed.data;
  const attempt = { ip: clientAddress, email };
  // While this e-mail or address is blocked: TooManyAttempts (429 with Retry-After), without checking the password.
  const waitSeconds = (await deps.throttle?.check(attempt)) ?? 0;
  if (waitSeconds > 0) throw new TooManyAttempts(waitSeconds);
  const wrong = async (): Promise<never> => {
    const blockedSeconds = await deps.throttle?.fail(attempt);
    if (blockedSeconds) throw new TooManyAttempts(blockedSeconds);
    throw new InvalidInput(WRONG_CREDENTIALS);
  };
  const row = await findUserCredentialsByEmail(deps.db, email);
  if (!row || row.password_hash === null) {
    // Spend the same time as a real check so response times do not reveal which e-mails exist.
    dummyHash ??= hashPassword('jobbro-timing-equaliser');
    await verifyPassword(await dummyHash, password);
    return wrong();
  }
  if (!(await verifyPassword(row.password_hash, password))) return wrong();
  await deps.throttle?.succeed(attempt);
  // A candidate's login counts as activity for the 12-month inactivity review.
  if (row.role === 'candidate') await touchCandidateActivityOfUser(deps.db, row.id, new Date());
  const session = await deps.auth.createSession(row.id, {});
  return {
    user: {
      id: row.id,
      email: row.email,
      role: row.role,
      displayName: row.display_name,
      locale: row.locale,
      organisationId: row.organisation_id,
      jobcentreId: row.jobcentre_id,
    },
    sessionId: session.id,
    cookie: deps.auth.createSessionCookie(session.id).serialize(),
  };
}

/** Ends one session; returns the Set-Cookie value that clears the browser's cookie. */
export async function logout(deps: { auth: Auth }, sessionId: string | null): Promise<string> {
  if (sessionId) await deps.auth.invalidateSession(sessionId);
  return deps.auth.createBlankSessionCookie().serialize();
}

/** Ends every session of the user (e.g. after a lost phone or a password change). */
export async function logoutEverywhere(deps: { auth: Auth }, userId: string): Promise<void> {
  await deps.auth.invalidateUserSessions(userId);
}
