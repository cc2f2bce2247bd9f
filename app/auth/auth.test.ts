import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { httpStatusOf, InvalidInput } from '../lib/errors.js';
import { createLoginThrottle, TooManyAttempts } from './login-throttle.server.js';
import { login, logout, logoutEverywhere, WRONG_CREDENTIALS } from './login.server.js';
import { createAuth, SESSION_COOKIE_NAME, type Auth } from './lucia.server.js';
import { hashPassword } from './password.server.js';
import { homePathFor } from './session.server.js';

const PASSWORD = 'correct horse battery staple';

describe.each(databaseKinds)('auth on %s', (kind) => {
  let database: TestDatabase;
  let auth: Auth;
  let userId: string;
  let otherUserId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    auth = createAuth(database.db, { secureCookies: false });
    const passwordHash = await hashPassword(PASSWORD);
    const inserted = await database.db
      .insertInto('users')
      .values([
        { email: 'amal@example.dk', password_hash: passwordHash, role: 'candidate', display_name: 'Amal', locale: 'ar' },
        { email: 'ops@example.dk', password_hash: passwordHash, role: 'admin', display_name: 'Ops', locale: null },
      ])
      .returning(['id', 'email'])
      .execute();
    userId = inserted.find((row) => row.email === 'amal@example.dk')!.id;
    otherUserId = inserted.find((row) => row.email === 'ops@example.dk')!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  const deps = () => ({ db: database.db, auth });

  it('logs in with the right password, case-insensitive e-mail, and sets a lax httpOnly cookie', async () => {
    const result = await login(deps(), { email: '  AMAL@example.dk ', password: PASSWORD });
    expect(result.user).toMatchObject({ id: userId, role: 'candidate', displayName: 'Amal', locale: 'ar' });
    expect(result.cookie).toContain(`${SESSION_COOKIE_NAME}=${result.sessionId}`);
    expect(result.cookie).toMatch(/HttpOnly/i);
    expect(result.cookie).toMatch(/SameSite=Lax/i);
    expect(result.cookie).not.toMatch(/Secure/i);
    const { user } = await auth.validateSession(result.sessionId);
    expect(user?.id).toBe(userId);
  });

  it('gives the same InvalidInput for a wrong password and an unknown e-mail', async () => {
    const wrong = await login(deps(), { email: 'amal@example.dk', password: 'nope' }).catch((error: unknown) => error);
    const unknown = await login(deps(), { email: 'nobody@example.dk', password: PASSWORD }).catch((error: unknown) => error);
    const malformed = await login(deps(), { email: 'not an email', password: '' }).catch((error: unknown) => error);
    for (const error of [wrong, unknown, malformed]) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect(error instanceof InvalidInput && error.message).toBe(WRONG_CREDENTIALS);
    }
  });

  it('blocks an e-mail after five wrong passwords from one address, even for the right password, and says for how long', async () => {
    const throttle = createLoginThrottle(database);
    const withThrottle = { ...deps(), throttle };
    for (let i = 0; i < 4; i++) {
      await expect(login(withThrottle, { email: 'ops@example.dk', password: 'guess' }, '192.0.2.9')).rejects.toBeInstanceOf(InvalidInput);
    }
    const fifth = await login(withThrottle, { email: 'ops@example.dk', password: 'guess' }, '192.0.2.9').catch((error: unknown) => error);
    expect(fifth).toBeInstanceOf(TooManyAttempts);
    expect(httpStatusOf(fifth)).toBe(429);
    await expect(login(withThrottle, { email: 'ops@example.dk', password: PASSWORD }, '192.0.2.9')).rejects.toBeInstanceOf(TooManyAttempts);
    // Another address is not blocked for the same e-mail.
    await expect(login(withThrottle, { email: 'ops@example.dk', password: PASSWORD }, '198.51.100.4')).resolves.toMatchObject({
      user: { role: 'admin' },
    });
  });

  it('opens a new session on every login and keeps the others', async () => {
    const first = await login(deps(), { email: 'amal@example.dk', password: PASSWORD });
    const second = await login(deps(), { email: 'amal@example.dk', password: PASSWORD });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect((await auth.validateSession(first.sessionId)).session).not.toBeNull();
    expect((await auth.validateSession(second.sessionId)).session).not.toBeNull();
  });

  it('refuses an expired session and removes it', async () => {
    await database.db
      .insertInto('sessions')
      .values({ id: 'expired-session-id', user_id: userId, expires_at: new Date(Date.now() - 60_000) })
      .execute();
    const result = await auth.validateSession('expired-session-id');
    expect(result.session).toBeNull();
    const left = await database.db.selectFrom('sessions').select('id').where('id', '=', 'expired-session-id').execute();
    expect(left).toEqual([]);
  });

  it('refuses an unknown session id', async () => {
    expect((await auth.validateSession('no-such-session')).user).toBeNull();
  });

  it('extends a session used after half its life (sliding expiry)', async () => {
    const inOneHour = new Date(Date.now() + 60 * 60_000);
    await database.db.insertInto('sessions').values({ id: 'ageing-session-id', user_id: userId, expires_at: inOneHour }).execute();
    const { session } = await auth.validateSession('ageing-session-id');
    expect(session?.fresh).toBe(true);
    expect(session!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11 * 60 * 60_000);
    const row = await database.db.selectFrom('sessions').select('expires_at').where('id', '=', 'ageing-session-id').executeTakeFirstOrThrow();
    expect(new Date(row.expires_at).getTime()).toBe(session!.expiresAt.getTime());
  });

  it('logout ends one session and returns a clearing cookie', async () => {
    const a = await login(deps(), { email: 'amal@example.dk', password: PASSWORD });
    const b = await login(deps(), { email: 'amal@example.dk', password: PASSWORD });
    const cookie = await logout({ auth }, a.sessionId);
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;`));
    expect((await auth.validateSession(a.sessionId)).session).toBeNull();
    expect((await auth.validateSession(b.sessionId)).session).not.toBeNull();
  });

  it('logoutEverywhere ends every session of that user and no one else’s', async () => {
    const mine = await login(deps(), { email: 'amal@example.dk', password: PASSWORD });
    const theirs = await login(deps(), { email: 'ops@example.dk', password: PASSWORD });
    await logoutEverywhere({ auth }, userId);
    expect((await auth.validateSession(mine.sessionId)).session).toBeNull();
    expect(await database.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).toEqual([]);
    expect((await auth.validateSession(theirs.sessionId)).user?.id).toBe(otherUserId);
  });

  it('sets the Secure flag when asked to', async () => {
    const secure = createAuth(database.db, { secureCookies: true });
    expect(secure.createSessionCookie('x').serialize()).toMatch(/Secure/);
  });
});

describe('redirects', () => {
  it('sends each role to its start page', () => {
    expect(homePathFor('employer')).toBe('/employer');
    expect(homePathFor('consultant')).toBe('/consultant');
    expect(homePathFor('candidate')).toBe('/candidate');
    expect(homePathFor('admin')).toBe('/admin');
  });
});
