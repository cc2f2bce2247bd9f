/**
 * SQL for people who log in and their sessions. Lucia's adapter and the
 * login domain functions call these; nothing else touches `sessions`.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';
import type { Locale, Role } from '../schema.js';
import { reusableQuery } from './reusable-query.js';

export type UserRow = {
  id: string;
  email: string;
  role: Role;
  display_name: string;
  locale: Locale | null;
  organisation_id: string | null;
  jobcentre_id: string | null;
};

export type SessionRow = { id: string; user_id: string; expires_at: Date };
/** A stored session with the time it was opened, from which its absolute lifetime counts. */
export type StoredSessionRow = SessionRow & { created_at: Date };

const userColumns = ['id', 'email', 'role', 'display_name', 'locale', 'organisation_id', 'jobcentre_id'] as const;

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** The user and the stored hash for a password check; `email` must already be lower-case. */
export async function findUserCredentialsByEmail(db: Executor, email: string): Promise<(UserRow & { password_hash: string | null }) | undefined> {
  return db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function updateUserLocale(db: Executor, userId: string, locale: Locale): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}

// Compiled once (reusable-query.ts): it runs on every request.
const sessionWithUser = reusableQuery((db: Executor, _form: null, [sessionId]: readonly [sessionId: string]) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.user_id',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
      'users.id',
      'users.email',
      'users.role',
      'users.display_name',
      'users.locale',
      'users.organisation_id',
      'users.jobcentre_id',
    ])
    .where('sessions.id', '=', sessionId),
);

/** One query for the session and its user, as Lucia validates on every request. */
export async function findSessionWithUser(db: Executor, sessionId: string): Promise<{ session: StoredSessionRow; user: UserRow } | undefined> {
  const [row] = await sessionWithUser(db, null, [sessionId]);
  if (!row) return undefined;
  const { session_id, user_id, expires_at, session_created_at, ...user } = row;
  return { session: { id: session_id, user_id, expires_at: new Date(expires_at), created_at: new Date(session_created_at) }, user };
}

export async function listUserSessions(db: Executor, userId: string): Promise<StoredSessionRow[]> {
  const rows = await db.selectFrom('sessions').select(['id', 'user_id', 'expires_at', 'created_at']).where('user_id', '=', userId).execute();
  return rows.map((row) => ({ ...row, expires_at: new Date(row.expires_at), created_at: new Date(row.created_at) }));
}

export async function insertSession(db: Executor, session: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** Extends a session, never past `maxAgeMs` after it was opened. */
export async function updateSessionExpiry(db: Executor, sessionId: string, expiresAt: Date, maxAgeMs: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ expires_at: sql<Date>`least(${expiresAt}::timestamptz, created_at + ${maxAgeMs}::double precision * interval '1 millisecond')` })
    .where('id', '=', sessionId)
    .execute();
}

/** Ends every session of the user but `keepSessionId` (after a password change, the device that changed it stays in). */
export async function deleteOtherUserSessions(db: Executor, userId: string, keepSessionId: string | null): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId !== null) query = query.where('id', '<>', keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** The names a user's start page greets them with. */
export async function findOrganisationName(db: Executor, organisationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirst();
  return row?.name;
}

export async function findJobcentreName(db: Executor, jobcentreId: string): Promise<string | undefined> {
  const row = await db.selectFrom('jobcentres').select('name').where('id', '=', jobcentreId).executeTakeFirst();
  return row?.name;
}

export async function findCandidateNameByUser(db: Executor, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('candidates').select('full_name').where('user_id', '=', userId).executeTakeFirst();
  return row?.full_name;
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- passwords: reset links and changes --------------------------------------------

export async function updateUserPassword(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function findPasswordHash(db: Executor, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function countUserSessions(db: Executor, userId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A new reset link for the user; every earlier open link of theirs stops working. */
export async function insertPasswordReset(db: Executor, row: { userId: string; tokenHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ expires_at: row.createdAt })
    .where('user_id', '=', row.userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', row.createdAt)
    .execute();
  await db
    .insertInto('password_resets')
    .values({ user_id: row.userId, token_hash: row.tokenHash, created_at: row.createdAt, expires_at: row.expiresAt })
    .execute();
}

/** The open reset link (not used, not expired) whose token hashes to `tokenHash`, with its user. */
export async function findOpenPasswordReset(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<{ id: string; user_id: string; email: string; display_name: string; role: Role } | undefined> {
  return db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.id', 'password_resets.user_id', 'users.email', 'users.display_name', 'users.role'])
    .where('password_resets.token_hash', '=', tokenHash)
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', now)
    .executeTakeFirst();
}

/** Uses the link if it is still open, in one statement, so two uses at once cannot both succeed; returns its user. */
export async function claimPasswordReset(db: Executor, resetId: string, now: Date): Promise<string | undefined> {
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('id', '=', resetId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}
