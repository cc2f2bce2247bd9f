/**
 * Lucia sessions stored in our own `sessions` table through Kysely. The
 * adapter is ours (not a Lucia package) so it works the same over pg and
 * PGlite and keeps every SQL statement in db/queries/users.ts.
 */
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia';
import type { Executor } from '../../db/client.server.js';
import * as users from '../../db/queries/users.js';
import type { Locale, Role } from '../../db/schema.js';

export const SESSION_COOKIE_NAME = 'jobbro_session';
/** A working day and some: long enough for a consultant's shift, short enough for a shared PC. */
export const SESSION_LIFETIME = new TimeSpan(12, 'h');
/**
 * However often it is used, a session ends this long after it was opened
 * (issue 21.13): a stolen cookie kept alive by a script dies within a week.
 */
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

type UserAttributes = Omit<users.UserRow, 'id'>;

function toDatabaseUser(row: users.UserRow): DatabaseUser {
  const { id, ...attributes } = row;
  return { id, attributes };
}

/** Lucia sees the earlier of the sliding expiry and the absolute end, so it refuses a session past either. */
function toDatabaseSession(row: users.StoredSessionRow): DatabaseSession {
  const absoluteEnd = row.created_at.getTime() + SESSION_ABSOLUTE_LIFETIME_MS;
  const expiresAt = row.expires_at.getTime() <= absoluteEnd ? row.expires_at : new Date(absoluteEnd);
  return { id: row.id, userId: row.user_id, expiresAt, attributes: {} };
}

export function kyselyAdapter(db: Executor, clock: () => Date = () => new Date()): Adapter {
  return {
    async getSessionAndUser(sessionId) {
      const found = await users.findSessionWithUser(db, sessionId);
      if (!found) return [null, null];
      return [toDatabaseSession(found.session), toDatabaseUser(found.user)];
    },
    async getUserSessions(userId) {
      return (await users.listUserSessions(db, userId)).map(toDatabaseSession);
    },
    async setSession(session) {
      await users.insertSession(db, { id: session.id, user_id: session.userId, expires_at: session.expiresAt });
    },
    async updateSessionExpiration(sessionId, expiresAt) {
      await users.updateSessionExpiry(db, sessionId, expiresAt, SESSION_ABSOLUTE_LIFETIME_MS);
    },
    async deleteSession(sessionId) {
      await users.deleteSession(db, sessionId);
    },
    async deleteUserSessions(userId) {
      await users.deleteUserSessions(db, userId);
    },
    async deleteExpiredSessions() {
      await users.deleteExpiredSessions(db, clock());
    },
  };
}

/** What a route sees of the logged-in person. */
export type SessionUser = {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  locale: Locale | null;
  organisationId: string | null;
  jobcentreId: string | null;
};

function createLucia(db: Executor, options: { secureCookies: boolean }) {
  return new Lucia(kyselyAdapter(db), {
    sessionExpiresIn: SESSION_LIFETIME,
    sessionCookie: {
      name: SESSION_COOKIE_NAME,
      expires: true,
      attributes: { sameSite: 'lax', secure: options.secureCookies, path: '/' },
    },
    getUserAttributes: (attributes): Omit<SessionUser, 'id'> => ({
      email: attributes.email,
      role: attributes.role,
      displayName: attributes.display_name,
      locale: attributes.locale,
      organisationId: attributes.organisation_id,
      jobcentreId: attributes.jobcentre_id,
    }),
  });
}

export type Auth = ReturnType<typeof createLucia>;

/** Lucia over the given database. Sliding expiry: a session used after half its life is extended. */
export function createAuth(db: Executor, options: { secureCookies: boolean }): Auth {
  return createLucia(db, options);
}

declare module 'lucia' {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: UserAttributes;
  }
}
