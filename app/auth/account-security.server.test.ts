/**
 * Issue 21.13: a sliding session still ends 7 days after it was opened, and
 * the password check refuses what a strength estimator calls weak.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { createAuth } from './lucia.server.js';
import { passwordProblem } from './password-policy.server.js';

describe('password strength', () => {
  it.each(['aaaaaaaaaa', '0123456789', '          ', 'abcdefghij', 'qwertyuiop', '1111111111aa'])('refuses %j', async (password) => {
    expect(await passwordProblem(password)).not.toBeNull();
  });
  it.each(['Rødgrød med fløde 7', 'correct horse battery staple', 'Mit hus ligger i Aabenraa 2026'])('accepts %j', async (password) => {
    expect(await passwordProblem(password)).toBeNull();
  });
});

describe.each(databaseKinds)('absolute session lifetime on %s', (kind) => {
  let database: TestDatabase;
  let userId: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    userId = (await insertUser(database.db, buildUser(seededRng(4, 'sessions'), { role: 'admin' }))).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('a session used every hour (so its sliding expiry is always fresh) ends 7 days after it was opened', async () => {
    const auth = createAuth(database.db, { secureCookies: false });
    const session = await auth.createSession(userId, {});
    const opened = Date.now();
    const day = 24 * 60 * 60 * 1000;
    // As if opened 6 days 23 hours ago and kept alive since: still valid.
    await database.db
      .updateTable('sessions')
      .set({ created_at: new Date(opened - 7 * day + 60 * 60 * 1000) })
      .where('id', '=', session.id)
      .execute();
    expect((await auth.validateSession(session.id)).session?.id).toBe(session.id);
    // Opened 7 days and a minute ago, used a minute ago (sliding expiry in the future): ended.
    await database.db
      .updateTable('sessions')
      .set({ created_at: new Date(opened - 7 * day - 60 * 1000), expires_at: new Date(opened + 11 * 60 * 60 * 1000) })
      .where('id', '=', session.id)
      .execute();
    expect((await auth.validateSession(session.id)).session).toBeNull();
  });

  it('extending a session never carries it past 7 days from its opening', async () => {
    const auth = createAuth(database.db, { secureCookies: false });
    const session = await auth.createSession(userId, {});
    const day = 24 * 60 * 60 * 1000;
    const opened = new Date(Date.now() - 7 * day + 2 * 60 * 60 * 1000);
    // Past half its 12-hour life, so validation extends it, but only 2 hours are left of its 7 days.
    await database.db
      .updateTable('sessions')
      .set({ created_at: opened, expires_at: new Date(Date.now() + 60 * 60 * 1000) })
      .where('id', '=', session.id)
      .execute();
    const validated = await auth.validateSession(session.id);
    expect(validated.session).not.toBeNull();
    const stored = await database.db.selectFrom('sessions').select('expires_at').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(new Date(stored.expires_at).getTime()).toBeLessThanOrEqual(opened.getTime() + 7 * day);
  });
});
