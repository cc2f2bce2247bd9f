/**
 * The employer's company page through the real Remix build (npx remix build
 * first; npm test does), posted as a browser without JavaScript would: each
 * of its forms names its own bad field beside it and keeps what was typed;
 * a tampered revoke (hidden fields only) is a 400, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, insertOrganisation, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { controlsNamed, invalidControl, messagesFor } from '../../tests/setup/form-page.js';
import { SESSION_COOKIE_NAME } from '../auth/lucia.server.js';
import employerDa from '../i18n/locales/da/employer.json';
import type { AppServices } from '../services.server.js';

describe('company page forms: each names its own bad field and keeps what was typed', () => {
  let database: TestDatabase;
  let services: AppServices;
  let post: (fields: Array<[string, string]>) => Promise<{ status: number; html: string }>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const rng = seededRng(13, 'company-forms');
    const organisation = await insertOrganisation(database.db, buildOrganisation(rng));
    const user = await insertUser(database.db, buildUser(rng, { role: 'employer', locale: 'da', organisation_id: organisation.id }));
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const session = await services.auth.createSession(user.id, {});
    post = async (fields) => {
      const response = await client(
        new Request('http://localhost/employer/company', {
          method: 'POST',
          headers: { Cookie: `${SESSION_COOKIE_NAME}=${session.id}` },
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

  const keys = () => database.db.selectFrom('api_keys').select('id').execute();

  it('invite: a bad e-mail is named beside the invite field and kept; the key form is untouched', async () => {
    const page = await post([
      ['intent', 'invite'],
      ['email', 'kollega-at-firma'],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'email')).toContain(employerDa.errors.email);
    expect(invalidControl(page.html, 'email').tag).toContain('value="kollega-at-firma"');
    expect(controlsNamed(page.html, 'name')[0]).not.toContain('aria-invalid');
  });

  it('API key: a name over 100 characters is named as too long (not as missing) and kept', async () => {
    const name = 'Lagersystem '.repeat(10);
    const page = await post([
      ['intent', 'key'],
      ['name', name],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'name')).toContain(employerDa.errors.tooLong);
    expect(invalidControl(page.html, 'name').tag).toContain(`value="${name}"`);
    expect(await keys()).toEqual([]);
  });

  it('API key: a good name creates the key and empties the field for the next one', async () => {
    const page = await post([
      ['intent', 'key'],
      ['name', 'Lagersystem'],
    ]);
    expect(page.status).toBe(200);
    expect(await keys()).toHaveLength(1);
    expect(controlsNamed(page.html, 'name')[0]).not.toContain('value="Lagersystem"');
  });

  it('revoke: a key id that is not one, or an unknown intent, is a 400', async () => {
    expect(
      (
        await post([
          ['intent', 'revoke'],
          ['keyId', "'; drop table api_keys; --"],
        ])
      ).status,
    ).toBe(400);
    expect((await post([['intent', 'delete-company']])).status).toBe(400);
    expect(await keys()).toHaveLength(1);
  });
});
