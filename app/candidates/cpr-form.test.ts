/**
 * The consultant's "new candidate" form through the real Remix build (npx
 * remix build first; npm test does): a CPR without a configured key is
 * refused naming CPR_ENCRYPTION_KEY, the rest of the form is kept, and the
 * typed number never comes back in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld } from '../../tests/setup/test-world.js';
import { SESSION_COOKIE_NAME } from '../auth/lucia.server.js';
import da from '../i18n/locales/da/review.json';
import en from '../i18n/locales/en/review.json';
import type { AppServices } from '../services.server.js';

describe('the new-candidate form with a CPR number', () => {
  let database: TestDatabase;
  let services: AppServices;
  let send: (fields: Record<string, string>) => Promise<{ status: number; html: string }>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const world = await buildMatchingWorld(database.db);
    const consultant = await insertUser(
      database.db,
      buildUser(seededRng(5, 'cpr-form'), { role: 'consultant', jobcentre_id: world.jobcentres.aabenraa.id }),
    );
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const session = await services.auth.createSession(consultant.id, {});
    send = async (fields) => {
      const response = await client(
        new Request('http://localhost/consultant/candidates/new', {
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

  const person = (email: string) => ({
    fullName: 'Samira Typed-Name',
    email,
    birthDate: '1990-01-01',
    arrivalDate: '2023-02-01',
    residenceBasis: 'refugee',
    postalCode: '6200',
    locale: 'da',
  });
  const typedCpr = /0101901234|010190-1234/;

  it('without a key: refused with the setting named, the other fields kept, the CPR not echoed', async () => {
    services.env = { ...services.env, cprEncryptionKey: undefined };
    const { status, html } = await send({ ...person('samira@example.org'), cpr: '010190-1234' });
    expect(status).toBe(400);
    expect([da.cpr.errors.noKey, en.cpr.errors.noKey].some((message) => html.includes(message))).toBe(true);
    expect(html).toContain('Samira Typed-Name');
    expect(html).not.toMatch(typedCpr);
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'samira@example.org').executeTakeFirst()).toBeUndefined();
  });

  it('with a key: stored, shown masked; the same number again is refused', async () => {
    services.env = { ...services.env, cprEncryptionKey: '5c'.repeat(32) };
    const first = await send({ ...person('samira@example.org'), cpr: '0101901234' });
    expect(first.status).toBe(200);
    expect(first.html).toContain('010190-••••');
    expect(first.html).not.toMatch(typedCpr);
    expect(await database.db.selectFrom('candidate_cprs').select('candidate_id').execute()).toHaveLength(1);

    const again = await send({ ...person('someone.else@example.org'), cpr: '010190-1234' });
    expect(again.status).toBe(409);
    // The page speaks the consultant's own language.
    expect([da.cpr.errors.duplicate, en.cpr.errors.duplicate].some((message) => again.html.includes(message))).toBe(true);
    expect(again.html).toContain('someone.else@example.org');
    expect(again.html).not.toMatch(typedCpr);
  });
});
