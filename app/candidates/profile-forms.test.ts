/**
 * The candidate's forms through the real Remix build (npx remix build first;
 * npm test does), posted as a browser without JavaScript would: bad input is
 * answered 400 with the page, the field marked invalid with its message
 * beside it in the person's language, and what they typed still in the form
 * (never a password). Nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCandidate, buildUser, insertCandidate, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { controlsNamed, decoded, invalidControl, messagesFor } from '../../tests/setup/form-page.js';
import { buildMatchingWorld } from '../../tests/setup/test-world.js';
import { SESSION_COOKIE_NAME } from '../auth/lucia.server.js';
import candidateDa from '../i18n/locales/da/candidate.json';
import formsDa from '../i18n/locales/da/forms.json';
import formsAr from '../i18n/locales/ar/forms.json';
import type { AppServices } from '../services.server.js';

type Page = { status: number; html: string; location: string | null };

describe('candidate forms: bad input names the field and keeps what was typed', () => {
  let database: TestDatabase;
  let services: AppServices;
  let candidateId: string;
  let userId: string;
  let post: (path: string, fields: Array<[string, string]>, options?: { signedIn?: boolean }) => Promise<Page>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const world = await buildMatchingWorld(database.db);
    const rng = seededRng(7, 'candidate-forms');
    const user = await insertUser(database.db, buildUser(rng, { role: 'candidate', locale: 'da' }));
    userId = user.id;
    const candidate = await insertCandidate(
      database.db,
      buildCandidate(rng, { jobcentre_id: world.jobcentres.aabenraa.id, user_id: user.id, postal_code: '6200', max_travel_km: 30 }),
    );
    candidateId = candidate.id;
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const session = await services.auth.createSession(user.id, {});
    post = async (path, fields, options = {}) => {
      const response = await client(
        new Request(`http://localhost${path}`, {
          method: 'POST',
          headers: options.signedIn === false ? {} : { Cookie: `${SESSION_COOKIE_NAME}=${session.id}` },
          body: new URLSearchParams(fields),
        }),
      );
      return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
    };
  });
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
  });

  const stored = () =>
    database.db
      .selectFrom('candidates')
      .select(['postal_code', 'max_travel_km', 'hours_per_week', 'ambition_note'])
      .where('id', '=', candidateId)
      .executeTakeFirstOrThrow();

  it('place: a malformed postal code and a distance out of range, each named beside its field, both kept', async () => {
    const before = await stored();
    const page = await post('/candidate/profile/place', [
      ['postalCode', '62'],
      ['maxTravelKm', '1e5'],
      ['drivingLicence', 'on'],
      ['then', 'next'],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'postalCode')).toContain(candidateDa.errors.postalCodeFormat);
    expect(messagesFor(page.html, 'maxTravelKm')).toContain(candidateDa.errors.travelRange);
    expect(invalidControl(page.html, 'postalCode').tag).toContain('value="62"');
    expect(invalidControl(page.html, 'maxTravelKm').tag).toContain('value="1e5"');
    expect(controlsNamed(page.html, 'drivingLicence')[0]).toContain('checked=""');
    expect(decoded(page.html)).toContain(candidateDa.step.errorSummary);
    expect(await stored()).toEqual(before);
  });

  it('place: good input is saved and goes on to the next step', async () => {
    const page = await post('/candidate/profile/place', [
      ['postalCode', '6200'],
      ['maxTravelKm', '45'],
      ['then', 'next'],
    ]);
    expect(page.status).toBe(302);
    expect(page.location).toBe('/candidate/profile/availability');
    expect((await stored()).max_travel_km).toBe(45);
  });

  it('availability: an empty date and hours written as 1e5 are refused by name, the hours kept', async () => {
    const page = await post('/candidate/profile/availability', [
      ['availableFrom', ''],
      ['hoursPerWeek', '1e5'],
      ['then', 'stay'],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'availableFrom')).toContain(candidateDa.errors.dateFormat);
    expect(messagesFor(page.html, 'hoursPerWeek')).toContain(candidateDa.errors.hoursRange);
    expect(invalidControl(page.html, 'hoursPerWeek').tag).toContain('value="1e5"');
  });

  it('ambitions: a note over 1000 characters is refused beside it; the ticked sectors stay ticked', async () => {
    const note = 'å'.repeat(1001);
    const page = await post('/candidate/profile/ambitions', [
      ['sectors', 'kitchen'],
      ['sectors', 'cleaning'],
      ['note', note],
      ['then', 'stay'],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'note')).toContain(candidateDa.errors.tooLong);
    expect(page.html).toContain(note);
    const ticked = controlsNamed(page.html, 'sectors').filter((tag) => tag.includes('checked=""'));
    expect(ticked.map((tag) => /value="([^"]*)"/.exec(tag)?.[1]).sort()).toEqual(['cleaning', 'kitchen']);
    expect((await stored()).ambition_note).not.toBe(note);
  });

  it('languages: a row without a spoken level is refused on that row; the row keeps its language and written level', async () => {
    const page = await post('/candidate/profile/languages', [
      ['danishEvidence', 'self_reported'],
      ['languageCode', 'ar'],
      ['languageSpoken', ''],
      ['languageWritten', 'B2'],
      ['then', 'stay'],
    ]);
    expect(page.status).toBe(400);
    const [spoken] = controlsNamed(page.html, 'languageSpoken');
    expect(spoken).toContain('aria-invalid="true"');
    const errorId = /aria-describedby="([^"]*)"/.exec(spoken ?? '')?.[1];
    expect(decoded(page.html)).toMatch(new RegExp(`id="${errorId}"[^>]*>${candidateDa.errors.levelRange}<`));
    expect(page.html).toMatch(/<option value="ar" selected="">/);
    expect(page.html).toMatch(/<option value="B2" selected="">/);
  });

  it('data: asking for erasure without ticking the box says so beside it, in Danish and in Arabic', async () => {
    const page = await post('/candidate/data?erase=confirm', [['intent', 'request']]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'confirm')).toContain(formsDa.erasure.confirmRequired);
    expect(await database.db.selectFrom('erasure_requests').select('id').execute()).toEqual([]);

    await database.db.updateTable('users').set({ locale: 'ar' }).where('id', '=', userId).execute();
    const arabic = await post('/candidate/data?erase=confirm', [['intent', 'request']]);
    await database.db.updateTable('users').set({ locale: 'da' }).where('id', '=', userId).execute();
    expect(messagesFor(arabic.html, 'confirm')).toContain(formsAr.erasure.confirmRequired);
  });

  it('register: an empty name, a bad e-mail and a short password are each named; the e-mail is kept, the password never sent back', async () => {
    const page = await post(
      '/register',
      [
        ['fullName', ''],
        ['email', 'not-an-address'],
        ['birthDate', '1990-05-01'],
        ['arrivalDate', '2022-03-01'],
        ['residenceBasis', 'refugee'],
        ['postalCode', '6200'],
        ['locale', 'da'],
        ['password', 'short-pw'],
      ],
      { signedIn: false },
    );
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'fullName')).toContain(candidateDa.errors.nameRequired);
    expect(messagesFor(page.html, 'email')).toContain(candidateDa.errors.emailInvalid);
    expect(messagesFor(page.html, 'password')).toContain(candidateDa.errors.passwordShort);
    expect(invalidControl(page.html, 'email').tag).toContain('value="not-an-address"');
    expect(controlsNamed(page.html, 'birthDate')[0]).toContain('value="1990-05-01"');
    expect(page.html).not.toContain('short-pw');
    expect(await database.db.selectFrom('users').select('id').where('email', '=', 'not-an-address').executeTakeFirst()).toBeUndefined();
  });

  it('a choice sent twice (a tampered form) is refused by name and the page still renders cleanly', async () => {
    const page = await post(
      '/register',
      [
        ['fullName', 'Samira Twice'],
        ['residenceBasis', 'refugee'],
        ['residenceBasis', 'other'],
        ['locale', 'da'],
        ['locale', 'ar'],
      ],
      { signedIn: false },
    );
    expect(page.status).toBe(400);
    expect(invalidControl(page.html, 'residenceBasis').tag).toContain('aria-invalid="true"');
    const languages = await post('/candidate/profile/languages', [
      ['danishProgramme', 'DU2'],
      ['danishProgramme', 'DU3'],
      ['then', 'stay'],
    ]);
    expect(languages.status).toBe(400);
    expect(invalidControl(languages.html, 'danishProgramme').tag).toContain('aria-invalid="true"');
  });

  it('a tampered action-only form (an unknown intent) is a 400 naming the field, not a 500', async () => {
    const page = await post('/candidate', [['answer', 'delete-everything']]);
    expect(page.status).toBe(400);
    const offer = await post('/candidate/offers/00000000-0000-4000-8000-000000000000', [['intent', 'bogus']]);
    expect(offer.status).toBe(400);
  });
});
