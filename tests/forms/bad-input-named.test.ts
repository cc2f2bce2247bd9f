/**
 * The forms issue 22.6 moved to the one parsing path (parseSubmission with
 * a schema that tells a page's forms apart), through the real Remix build
 * (npx remix build first; npm test does), posted as a browser without
 * JavaScript would: an unknown intent, an invalid choice or a missing field
 * is answered 400 naming the field, beside it where the page has it, with
 * what was sent still in the form; nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { SESSION_COOKIE_NAME } from '../../app/auth/lucia.server.js';
import { addFreeSkill, loadOwnFreeSkills } from '../../app/candidates/free-skills.server.js';
import candidateDa from '../../app/i18n/locales/da/candidate.json';
import employerDa from '../../app/i18n/locales/da/employer.json';
import notificationsDa from '../../app/i18n/locales/da/notifications.json';
import skillsDa from '../../app/i18n/locales/da/skills.json';
import type { AppServices } from '../../app/services.server.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { createAppClient, createTestServices, loadServerBuild } from '../setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../setup/database.js';
import { controlsNamed, decoded, invalidControl, messagesFor } from '../setup/form-page.js';
import { addCandidate, addConsultant, addEmployer, buildConsultantWorld, type ConsultantWorld } from '../setup/test-world.js';

type Page = { status: number; html: string; location: string | null };
type Role = 'candidate' | 'employer' | 'consultant';

const taxonomy = getTaxonomy();
const occupationUri = (english: string) => {
  const found = taxonomy.occupations.find((o) => o.labels.en === english);
  if (!found) throw new Error(`no occupation ${english}`);
  return found.uri;
};
const nurse = occupationUri('nurse responsible for general care');
const cook = occupationUri('cook');
const [firstSkill = ''] = taxonomy.skills.map((skill) => skill.uri);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('converted forms: bad input is refused by name and stores nothing', () => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  let services: AppServices;
  let candidateId: string;
  let candidateUserId: string;
  let workplaceId: string;
  let post: (as: Role, path: string, fields: Array<[string, string]>) => Promise<Page>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    world = await buildConsultantWorld(database.db, 22);
    await loadTaxonomy(database.db, getTaxonomy());
    const candidateUser = await insertUser(world.db, buildUser(world.rng, { role: 'candidate', locale: 'da' }));
    candidateUserId = candidateUser.id;
    candidateId = await addCandidate(world, world.jobcentres.aabenraa, { user_id: candidateUser.id });
    const employer = await addEmployer(world);
    workplaceId = employer.workplaceId;
    const employerUser = await insertUser(
      world.db,
      buildUser(world.rng, { role: 'employer', organisation_id: employer.organisationId, locale: 'da' }),
    );
    const consultant = await addConsultant(world, world.jobcentres.aabenraa, { locale: 'da' });
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const sessions: Record<Role, string> = {
      candidate: (await services.auth.createSession(candidateUser.id, {})).id,
      employer: (await services.auth.createSession(employerUser.id, {})).id,
      consultant: (await services.auth.createSession(consultant.id, {})).id,
    };
    post = async (as, path, fields) => {
      const response = await client(
        new Request(`http://localhost${path}`, {
          method: 'POST',
          headers: { Cookie: `${SESSION_COOKIE_NAME}=${sessions[as]}` },
          body: new URLSearchParams(fields),
        }),
      );
      return { status: response.status, html: await response.text(), location: response.headers.get('Location') };
    };
  }, 180_000);
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
  });

  const occupationsHeld = async () =>
    (await world.db.selectFrom('candidate_occupations').select('occupation_uri').where('candidate_id', '=', candidateId).execute()).map(
      (row) => row.occupation_uri,
    );
  const skillsHeld = async () =>
    (await world.db.selectFrom('candidate_skills').select(['skill_uri', 'years']).where('candidate_id', '=', candidateId).execute()).sort((a, b) =>
      a.skill_uri.localeCompare(b.skill_uri),
    );

  it('experience: an intent the page does not have is refused, the ticks and the education kept, nothing saved', async () => {
    const before = await occupationsHeld();
    const page = await post('candidate', '/candidate/profile/experience', [
      ['intent', 'delete-everything'],
      ['occupations', nurse],
      ['education', 'Sygeplejerske, Damaskus'],
      ['then', 'stay'],
    ]);
    expect(page.status).toBe(400);
    expect(decoded(page.html)).toContain(candidateDa.step.errorSummary);
    const ticked = controlsNamed(page.html, 'occupations').filter((tag) => tag.includes('checked=""'));
    expect(ticked.map((tag) => /value="([^"]*)"/.exec(tag)?.[1])).toEqual([nurse]);
    expect(decoded(page.html)).toContain('Sygeplejerske, Damaskus');
    expect(await occupationsHeld()).toEqual(before);
  });

  it('experience: an occupation not in the list is named beside the occupations, and education too long beside education', async () => {
    const page = await post('candidate', '/candidate/profile/experience', [
      ['occupations', 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000'],
      ['education', 'x'.repeat(501)],
      ['then', 'stay'],
    ]);
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'education')).toContain(candidateDa.errors.tooLong);
    expect(decoded(page.html)).toMatch(
      new RegExp(`<fieldset[^>]*aria-describedby="([^"]+)"[\\s\\S]*id="\\1"[^>]*>${candidateDa.errors.occupationUnknown}<`),
    );
    expect(await occupationsHeld()).toEqual([]);

    // Good input still saves, and the suggestions follow what was saved.
    const saved = await post('candidate', '/candidate/profile/experience', [
      ['occupations', cook],
      ['then', 'stay'],
    ]);
    expect(saved.status).toBe(302);
    expect(await occupationsHeld()).toEqual([cook]);
  });

  it('skills: an unknown intent is refused; years that are not a number are named beside that skill’s field and kept', async () => {
    const added = await post('candidate', '/candidate/profile/skills', [
      ['formId', `result-${firstSkill}`],
      ['intent', 'add'],
      ['skill', firstSkill],
    ]);
    expect(added.status).toBe(302);
    const before = await skillsHeld();

    const unknown = await post('candidate', '/candidate/profile/skills', [
      ['formId', `skill-${firstSkill}`],
      ['intent', 'replace-all'],
      ['skill', firstSkill],
    ]);
    expect(unknown.status).toBe(400);
    expect(decoded(unknown.html)).toContain(candidateDa.step.errorSummary);

    const years = await post('candidate', '/candidate/profile/skills', [
      ['formId', `skill-${firstSkill}`],
      ['intent', 'add'],
      ['skill', firstSkill],
      ['years', 'ti'],
      ['where', 'abroad'],
    ]);
    expect(years.status).toBe(400);
    expect(messagesFor(years.html, 'years')).toContain(candidateDa.errors.yearsRange);
    expect(invalidControl(years.html, 'years').tag).toContain('value="ti"');
    expect(await skillsHeld()).toEqual(before);
  });

  it('free skills: an unknown decision is refused, and mapping to no skill is named on that item; the words stay open', async () => {
    await addFreeSkill(
      { db: world.db, clock: () => new Date() },
      { id: candidateUserId, role: 'candidate' },
      { text: 'Svejsning af rør', lang: 'da' },
    );
    const [words] = await loadOwnFreeSkills({ db: world.db }, { id: candidateUserId, role: 'candidate' });
    const id = words?.id ?? '';

    const unknown = await post('consultant', '/consultant/free-skills', [
      ['formId', `map-${id}`],
      ['freeSkill', id],
      ['decision', 'forget'],
    ]);
    expect(unknown.status).toBe(400);

    const noSkill = await post('consultant', '/consultant/free-skills', [
      ['formId', `map-${id}`],
      ['freeSkill', id],
      ['decision', 'map'],
      ['skill', 'http://example.org/not-a-skill'],
    ]);
    expect(noSkill.status).toBe(400);
    expect(decoded(noSkill.html)).toContain(skillsDa.review.errors.skillUnknown);
    expect(await loadOwnFreeSkills({ db: world.db }, { id: candidateUserId, role: 'candidate' })).toMatchObject([{ id, status: 'open' }]);
  });

  const slotForm = (overrides: Record<string, string>): Array<[string, string]> =>
    Object.entries({
      type: 'praktik',
      workplaceId,
      title: 'Opvasker',
      positions: '1',
      startDate: inDays(40),
      weeks: '8',
      hoursPerWeek: '20',
      ...overrides,
    });
  const slotCount = async () => (await world.db.selectFrom('slots').select('id').execute()).length;

  it('new slot: an intent that is neither publish nor draft is refused by the buttons; nothing saved', async () => {
    const before = await slotCount();
    const page = await post('employer', '/employer/slots/new', slotForm({ intent: 'publish-everywhere' }));
    expect(page.status).toBe(400);
    expect(decoded(page.html)).toMatch(
      new RegExp(`<button[^>]*name="intent"[^>]*aria-describedby="([^"]+)"[\\s\\S]*id="\\1"[^>]*>${employerDa.errors.choose}<`),
    );
    expect(controlsNamed(page.html, 'title')[0]).toContain('value="Opvasker"');
    expect(await slotCount()).toBe(before);
  });

  it('new slot: an empty title is named beside it; the draft and publish buttons still save', async () => {
    const before = await slotCount();
    const page = await post('employer', '/employer/slots/new', slotForm({ title: '', intent: 'publish' }));
    expect(page.status).toBe(400);
    expect(messagesFor(page.html, 'title')).toContain(employerDa.errors.required);
    expect(await slotCount()).toBe(before);

    const draft = await post('employer', '/employer/slots/new', slotForm({ intent: 'draft' }));
    const published = await post('employer', '/employer/slots/new', slotForm({ intent: 'publish' }));
    const statusOf = async (location: string | null) =>
      (
        await world.db
          .selectFrom('slots')
          .select('status')
          .where('id', '=', location?.split('/').at(-1) ?? '')
          .executeTakeFirstOrThrow()
      ).status;
    expect([draft.status, published.status]).toEqual([302, 302]);
    expect(await statusOf(draft.location)).toBe('draft');
    expect(await statusOf(published.location)).toBe('published');
  });

  it('mail settings: a mode that does not exist is named beside its kind; the other choices sent are kept; nothing saved', async () => {
    const preferences = () =>
      world.db.selectFrom('notification_preferences').select(['kind', 'mail_mode']).where('user_id', '=', candidateUserId).execute();
    const page = await post('candidate', '/notifications/settings', [
      ['match_approved', 'off'],
      ['new_offers', 'hourly'],
    ]);
    expect(page.status).toBe(400);
    const message = notificationsDa.settings.invalid.replace('{{kind}}', notificationsDa.kinds.new_offers.label);
    const radios = controlsNamed(page.html, 'new_offers');
    expect(radios).toHaveLength(3);
    for (const radio of radios) expect(radio).toContain('aria-invalid="true"');
    const errorId = /aria-describedby="([^"]*)"/.exec(radios[0] ?? '')?.[1];
    expect(decoded(page.html)).toMatch(new RegExp(`id="${errorId}"[^>]*>${message}<`));
    // What the person chose for the other kind is still chosen, not the saved default.
    const matchApproved = controlsNamed(page.html, 'match_approved').filter((tag) => tag.includes('checked=""'));
    expect(matchApproved.map((tag) => /value="([^"]*)"/.exec(tag)?.[1])).toEqual(['off']);
    expect(await preferences()).toEqual([]);

    const foreign = await post('candidate', '/notifications/settings', [['employer_invited', 'immediate']]);
    expect(foreign.status).toBe(400);
    expect(decoded(foreign.html)).toContain(notificationsDa.settings.invalid.replace('{{kind}}', notificationsDa.kinds.employer_invited.label));
    expect(await preferences()).toEqual([]);

    const good = await post('candidate', '/notifications/settings', [['new_offers', 'off']]);
    expect(good.status).toBe(302);
    expect(await preferences()).toEqual([{ kind: 'new_offers', mail_mode: 'off' }]);
  });
});
