/**
 * The log-in and account forms through the real Remix build (npx remix build
 * first; npm test does), posted as a browser without JavaScript would: bad
 * input is a 400 page with the field marked invalid and its message beside
 * it, the e-mail kept, and no password ever sent back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { controlsNamed, decoded, invalidControl, messagesFor } from '../../tests/setup/form-page.js';
import accountDa from '../i18n/locales/da/account.json';
import commonDa from '../i18n/locales/da/common.json';
import type { AppServices } from '../services.server.js';
import { SESSION_COOKIE_NAME } from './lucia.server.js';
import { hashPassword } from './password.server.js';

const PASSWORD = 'the right long passphrase';

describe('log-in and account forms: bad input names the field, keeps the e-mail, never echoes a password', () => {
  let database: TestDatabase;
  let services: AppServices;
  let email: string;
  let post: (path: string, fields: Array<[string, string]>, options?: { signedIn?: boolean }) => Promise<{ status: number; html: string }>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const user = await insertUser(
      database.db,
      buildUser(seededRng(11, 'account-forms'), { role: 'admin', locale: 'da', password_hash: await hashPassword(PASSWORD) }),
    );
    email = user.email;
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const session = await services.auth.createSession(user.id, {});
    post = async (path, fields, options = {}) => {
      const response = await client(
        new Request(`http://localhost${path}`, {
          method: 'POST',
          headers: options.signedIn ? { Cookie: `${SESSION_COOKIE_NAME}=${session.id}` } : {},
          body: new URLSearchParams(fields),
        }),
      );
      return { status: response.status, html: await response.text() };
    };
  });
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
  });

  const sessions = () => database.db.selectFrom('sessions').select('id').execute();

  it('login: an e-mail that is not one is named beside its field and kept; the password is not sent back', async () => {
    const before = await sessions();
    const page = await post('/login', [
      ['email', 'not an e-mail'],
      ['password', 'typed secret'],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'email')).toContain(commonDa.login.emailInvalid);
    expect(invalidControl(page.html, 'email').tag).toContain('value="not an e-mail"');
    expect(page.html).not.toContain('typed secret');
    expect(await sessions()).toEqual(before);
  });

  it('login: an empty password is named beside its field', async () => {
    const page = await post('/login', [
      ['email', email],
      ['password', ''],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'password')).toContain(commonDa.login.passwordRequired);
    expect(controlsNamed(page.html, 'email')[0]).toContain(`value="${email}"`);
  });

  it('login: a wrong password is one alert for the form, the e-mail kept, and the redirect target kept', async () => {
    const page = await post('/login', [
      ['email', email],
      ['password', 'not the passphrase'],
      ['redirectTo', '/admin/outbox'],
    ]);
    expect(page.status).toBe(400);
    expect(decoded(page.html)).toContain(commonDa.login.wrongCredentials);
    expect(controlsNamed(page.html, 'email')[0]).toContain(`value="${email}"`);
    // The language switcher in the header has a redirectTo of its own: this is the log-in form's.
    expect(controlsNamed(page.html, 'redirectTo').filter((tag) => tag.includes('form="login"'))[0]).toContain('value="/admin/outbox"');
    expect(page.html).not.toContain('not the passphrase');
  });

  it('account: an empty current password gets its own message (not a library text); no password comes back', async () => {
    const page = await post(
      '/account',
      [
        ['intent', 'password'],
        ['currentPassword', ''],
        ['newPassword', 'a brand new passphrase'],
        ['repeatPassword', 'a different passphrase'],
      ],
      { signedIn: true },
    );
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'currentPassword')).toBe(accountDa.errors.passwordRequired);
    expect(page.html).not.toContain('a brand new passphrase');
    expect(page.html).not.toContain('a different passphrase');
  });

  it('account: two new passwords that differ are named on the repeat field', async () => {
    const page = await post(
      '/account',
      [
        ['intent', 'password'],
        ['currentPassword', PASSWORD],
        ['newPassword', 'a brand new passphrase'],
        ['repeatPassword', 'a different passphrase'],
      ],
      { signedIn: true },
    );
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'repeatPassword')).toBe(accountDa.errors.repeatMismatch);
    expect(page.html).not.toContain(PASSWORD);
  });

  it('account: a wrong current password is named on that field, as the page always said', async () => {
    const page = await post(
      '/account',
      [
        ['intent', 'password'],
        ['currentPassword', 'not it at all'],
        ['newPassword', 'a brand new passphrase'],
        ['repeatPassword', 'a brand new passphrase'],
      ],
      { signedIn: true },
    );
    expect(page.status).toBe(400);
    expect(page.html).toMatch(new RegExp(`id="currentPassword-error"[^>]*>${accountDa.errors.currentWrong}<`));
  });

  it('account: an unknown intent is a 400, and nothing ends', async () => {
    const before = await sessions();
    const page = await post('/account', [['intent', 'everything']], { signedIn: true });
    expect(page.status).toBe(400);
    expect(await sessions()).toEqual(before);
  });

  it('forgot password: an e-mail that is not one is named and kept', async () => {
    const page = await post('/forgot-password', [['email', 'nobody-at-all']]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'email')).toContain(accountDa.errors.emailInvalid);
    expect(invalidControl(page.html, 'email').tag).toContain('value="nobody-at-all"');
  });
});
