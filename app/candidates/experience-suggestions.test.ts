/**
 * Choosing an occupation suggests its skills (issue 25, item 3), through the
 * real Remix build (npx remix build first; npm test does): the candidate's
 * experience step offers the skills of the occupations they saved, in their
 * language, and one click (a plain form post, so it works without
 * JavaScript) adds one to the profile; the employer's slot form offers an
 * occupation's skills and adds one without saving the slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, insertUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { createAppClient, createTestServices, loadServerBuild } from '../../tests/setup/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld } from '../../tests/setup/test-world.js';
import { SESSION_COOKIE_NAME } from '../auth/lucia.server.js';
import ar from '../i18n/locales/ar/lookup.json';
import type { AppServices } from '../services.server.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';

const taxonomy = getTaxonomy();
const occupation = (en: string) => {
  const found = taxonomy.occupations.find((o) => o.labels.en === en);
  if (!found) throw new Error(`no occupation ${en}`);
  return found;
};
const nurse = occupation('nurse responsible for general care');
const suggestionsIn = (json: string): Array<{ uri: string; label: string; relation: string }> => {
  const body: unknown = JSON.parse(json);
  if (typeof body !== 'object' || body === null || !('suggestions' in body) || !Array.isArray(body.suggestions))
    throw new Error(`no suggestions in ${json}`);
  return body.suggestions;
};
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;');

describe('suggested skills for an occupation', () => {
  let database: TestDatabase;
  let services: AppServices;
  let candidateId: string;
  let send: (path: string, as: 'candidate' | 'employer', fields?: Record<string, string | string[]>) => Promise<{ status: number; html: string }>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const world = await buildMatchingWorld(database.db);
    const rng = seededRng(7, 'experience-suggestions');
    const candidateUser = await insertUser(database.db, buildUser(rng, { role: 'candidate', locale: 'ar' }));
    await database.db.updateTable('candidates').set({ user_id: candidateUser.id }).where('id', '=', world.people.ok.id).execute();
    candidateId = world.people.ok.id;
    const organisationId = world.slots.igu.organisation_id;
    const employerUser = await insertUser(database.db, buildUser(rng, { role: 'employer', organisation_id: organisationId, locale: 'da' }));
    ({ services } = await createTestServices(database));
    const client = createAppClient(await loadServerBuild(), services);
    const sessions = {
      candidate: (await services.auth.createSession(candidateUser.id, {})).id,
      employer: (await services.auth.createSession(employerUser.id, {})).id,
    };
    send = async (path, as, fields) => {
      const response = await client(
        new Request(`http://localhost${path}`, {
          method: fields ? 'POST' : 'GET',
          headers: { Cookie: `${SESSION_COOKIE_NAME}=${sessions[as]}` },
          body: fields ? new URLSearchParams(Object.entries(fields).flatMap(([name, value]) => [value].flat().map((v) => [name, v]))) : undefined,
        }),
      );
      return { status: response.status, html: await response.text() };
    };
  });
  afterAll(async () => {
    await services?.search.close();
    await database?.close();
  });

  const skillsOfCandidate = async () =>
    (await database.db.selectFrom('candidate_skills').select('skill_uri').where('candidate_id', '=', candidateId).execute()).map((r) => r.skill_uri);

  it('offers a nurse the nursing skills in Arabic, and one click adds one to the profile', async () => {
    const saved = await send('/candidate/profile/experience', 'candidate', { occupations: nurse.uri, education: '', then: 'stay' });
    expect(saved.status).toBe(302);

    const have = await skillsOfCandidate();
    const essential = nurse.essentialSkills.find((uri) => !have.includes(uri)) ?? '';
    const skill = taxonomy.skillByUri.get(essential);
    expect(skill).toBeDefined();
    const page = await send('/candidate/profile/experience', 'candidate');
    expect(page.html).toContain(ar.suggestions.title);
    expect(page.html).toContain(`value="${essential}"`);
    expect(page.html).toContain(escape(skill?.labels.ar ?? ''));

    const added = await send('/candidate/profile/experience', 'candidate', { intent: 'add-skill', skill: essential });
    expect(added.status).toBe(200);
    expect(added.html).toContain(escape(ar.suggestions.added.replace('{{skill}}', skill?.labels.ar ?? '')));
    expect(await skillsOfCandidate()).toContain(essential);
    // Once added it is no longer offered; the other skills still are.
    expect(added.html).not.toContain(`value="${essential}"`);
    expect(added.html).toContain(`value="${nurse.essentialSkills.find((uri) => uri !== essential)}"`);
  });

  it('refuses a skill that is not in the taxonomy with 400, adding nothing', async () => {
    const before = await skillsOfCandidate();
    const refused = await send('/candidate/profile/experience', 'candidate', {
      intent: 'add-skill',
      skill: 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000',
    });
    expect(refused.status).toBe(400);
    expect(await skillsOfCandidate()).toEqual(before);
  });

  it('the suggestions route answers for ticked occupations what the loader answers once they are saved, and refuses an unknown URI or another role', async () => {
    const cook = occupation('cook');
    const ticks = `occupation=${encodeURIComponent(cook.uri)}&occupation=${encodeURIComponent(nurse.uri)}`;
    // Asked before a save (the order of the ticks does not matter)...
    const asked = await send(`/candidate/profile/experience/suggestions?${ticks}`, 'candidate');
    expect(asked.status).toBe(200);
    const fromRoute = suggestionsIn(asked.html);
    // ...and drawn by the step once the same occupations are saved.
    const saved = await send('/candidate/profile/experience', 'candidate', { occupations: [nurse.uri, cook.uri], education: '', then: 'stay' });
    expect(saved.status).toBe(302);
    const page = await send('/candidate/profile/experience', 'candidate');
    expect(page.status).toBe(200);
    // The step's one-click buttons, in the order drawn.
    const drawn = [...page.html.matchAll(/name="skill" value="([^"]+)"/g)].map((match) => match[1]);
    expect(fromRoute.map((s) => s.uri)).toEqual(drawn);

    const have = await skillsOfCandidate();
    // Every skill of the two trades the candidate lacks, up to the step's 16.
    const lacking = new Set([nurse, cook].flatMap((o) => [...o.essentialSkills, ...o.optionalSkills]).filter((uri) => !have.includes(uri)));
    expect(fromRoute.length).toBe(Math.min(16, lacking.size));
    expect(fromRoute.filter((s) => have.includes(s.uri))).toEqual([]);
    // In the candidate's language (Arabic), a cook's essential skill among them.
    expect(fromRoute.map((s) => s.label)).toEqual(fromRoute.map((s) => taxonomy.skillByUri.get(s.uri)?.labels.ar));
    expect(fromRoute.some((s) => cook.essentialSkills.includes(s.uri) && s.relation === 'essential')).toBe(true);

    const unknown = await send(
      `/candidate/profile/experience/suggestions?${ticks}&occupation=${encodeURIComponent('http://data.europa.eu/esco/occupation/nope')}`,
      'candidate',
    );
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.html)).toMatchObject({ error: { code: 'invalid_input', details: { occupation: [expect.any(String)] } } });

    const employer = await send(`/candidate/profile/experience/suggestions?${ticks}`, 'employer');
    expect(employer.status).toBe(403);
    expect(employer.html).not.toContain(cook.essentialSkills[0]);
  });

  it('offers an employer the occupation’s skills and adds one as required without saving the slot', async () => {
    const cook = occupation('cook');
    const [first] = cook.essentialSkills;
    const slotsBefore = await database.db.selectFrom('slots').select('id').execute();
    const page = await send('/employer/slots/new', 'employer', {
      occupationUri: cook.uri,
      __intent__: JSON.stringify({ type: 'validate', payload: { name: 'occupationUri' } }),
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Kompetencer der hører til stillingen');
    expect(page.html).toContain(escape(taxonomy.skillByUri.get(first ?? '')?.labels.da ?? ''));

    const added = await send('/employer/slots/new', 'employer', {
      occupationUri: cook.uri,
      __intent__: JSON.stringify({ type: 'update', payload: { name: 'mustSkills', value: [first] } }),
    });
    expect(added.status).toBe(200);
    // The skill is now among the required ones (the picker's hidden input), and nothing was saved.
    expect(added.html).toMatch(new RegExp(`<input type="hidden" name="mustSkills" value="${first}"`));
    expect(await database.db.selectFrom('slots').select('id').execute()).toHaveLength(slotsBefore.length);
  });
});
