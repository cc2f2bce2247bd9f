import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { buildMatchingWorld, type MatchingWorld } from '../../tests/setup/test-world.js';
import { insertUser, buildUser } from '../../db/seed/factories.js';
import { seededRng } from '../../db/seed/random.js';
import { Forbidden, InvalidInput, NotFound } from '../lib/errors.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { addSkill, loadOwnProfile, removeSkill, saveAmbitions, saveAvailability, saveLanguages, savePlace } from './profile.server.js';

const clock = () => new Date('2026-03-01T09:00:00Z');

async function invalidFields(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InvalidInput) return error.fields;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe.each(databaseKinds)('candidate profile steps on %s', (kind) => {
  let database: TestDatabase;
  let world: MatchingWorld;
  let amina: { id: string; role: 'candidate' };
  let nadia: { id: string; role: 'candidate' };
  const deps = () => ({ db: database.db, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildMatchingWorld(database.db);
    const rng = seededRng(3, 'profile-test');
    for (const [key, person] of [
      ['amina', world.people.ok],
      ['nadia', world.people.neighbour],
    ] as const) {
      const user = await insertUser(database.db, buildUser(rng, { role: 'candidate' }));
      await database.db.updateTable('candidates').set({ user_id: user.id }).where('id', '=', person.id).execute();
      if (key === 'amina') amina = { id: user.id, role: 'candidate' };
      else nadia = { id: user.id, role: 'candidate' };
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('rejects a postal code that does not exist, with a clear message, and keeps the rest of the profile', async () => {
    const before = await loadOwnProfile(deps(), amina);
    const fields = await invalidFields(savePlace(deps(), amina, { postalCode: '0001', maxTravelKm: '40', drivingLicence: 'on' }));
    expect(fields.postalCode).toEqual(['errors.postalCodeUnknown']);
    expect(await invalidFields(savePlace(deps(), amina, { postalCode: '62OO', maxTravelKm: '40', drivingLicence: 'on' }))).toMatchObject({
      postalCode: ['errors.postalCodeFormat'],
    });
    expect(await loadOwnProfile(deps(), amina)).toEqual(before);
  });

  it('rejects language levels out of range and a Danish module outside 1–6, changing nothing', async () => {
    const before = await loadOwnProfile(deps(), amina);
    const fields = await invalidFields(
      saveLanguages(deps(), amina, {
        danishProgramme: 'DU2',
        danishModule: '7',
        languageCode: ['ar', 'en'],
        languageSpoken: ['C3', 'B1'],
        languageWritten: ['C1', 'A0'],
        motherTongue: ['0'],
      }),
    );
    expect(fields.danishModule).toEqual(['errors.moduleRange']);
    expect(fields['languageSpoken.0']).toEqual(['errors.levelRange']);
    expect(fields['languageWritten.1']).toEqual(['errors.levelRange']);
    expect(
      await invalidFields(
        saveLanguages(deps(), amina, {
          danishProgramme: 'DU1',
          danishTest: 'PD3',
          languageCode: [],
          languageSpoken: [],
          languageWritten: [],
          motherTongue: [],
        }),
      ),
    ).toEqual({
      danishTest: ['errors.testNotInProgramme'],
    });
    expect(await loadOwnProfile(deps(), amina)).toEqual(before);
  });

  it('rejects an availability date in the past and keeps the old one', async () => {
    const before = await loadOwnProfile(deps(), amina);
    const fields = await invalidFields(saveAvailability(deps(), amina, { availableFrom: '2026-02-28', hoursPerWeek: '30' }));
    expect(fields).toEqual({ availableFrom: ['errors.dateInPast'] });
    expect(await invalidFields(saveAvailability(deps(), amina, { availableFrom: '2026-03-10', hoursPerWeek: '80' }))).toEqual({
      hoursPerWeek: ['errors.hoursRange'],
    });
    expect(await loadOwnProfile(deps(), amina)).toEqual(before);
  });

  it('rejects skills outside the taxonomy and impossible years', async () => {
    const before = await loadOwnProfile(deps(), amina);
    expect(await invalidFields(addSkill(deps(), amina, { skill: 'http://example.org/skill/x' }))).toEqual({ skill: ['errors.skillUnknown'] });
    expect(await invalidFields(addSkill(deps(), amina, { skill: world.skills.floors, years: '99', where: 'abroad' }))).toEqual({
      years: ['errors.yearsRange'],
    });
    expect(await invalidFields(addSkill(deps(), amina, { skill: world.skills.floors, years: '1', where: 'moon' }))).toEqual({
      where: ['errors.whereInvalid'],
    });
    expect(await loadOwnProfile(deps(), amina)).toEqual(before);
  });

  it('saves each step, maps Danish education to CEFR, and queues a search-index update', async () => {
    await addSkill(deps(), amina, { skill: world.skills.floors, years: '3', where: 'informal' });
    await saveLanguages(deps(), amina, {
      danishProgramme: 'DU2',
      danishModule: '6',
      danishEvidence: 'module_test',
      languageCode: ['ar', ''],
      languageSpoken: ['C2', ''],
      languageWritten: ['C1', ''],
      motherTongue: ['0'],
    });
    await savePlace(deps(), amina, { postalCode: '6400', maxTravelKm: '30', drivingLicence: '' });
    await saveAvailability(deps(), amina, { availableFrom: '2026-03-20', hoursPerWeek: '' });
    const web = getTaxonomy().occupations.find((o) => o.sector === 'it');
    await saveAmbitions(deps(), amina, { sectors: ['it'], occupations: web ? [web.uri] : [], note: '7 måneders webudvikleruddannelse' });
    const { candidate, skills, languages } = await loadOwnProfile(deps(), amina);
    expect(skills.find((s) => s.skill_uri === world.skills.floors)).toEqual({ skill_uri: world.skills.floors, years: 3, learned_where: 'informal' });
    expect([candidate.danish_spoken, candidate.danish_written, candidate.danish_programme, candidate.danish_module]).toEqual(['B1', 'B1', 'DU2', 6]);
    expect(languages).toEqual([{ code: 'ar', spoken: 'C2', written: 'C1', is_mother_tongue: true, evidence: 'self_reported' }]);
    expect([candidate.postal_code, candidate.max_travel_km, candidate.driving_licence]).toEqual(['6400', 30, false]);
    expect([candidate.available_from, candidate.hours_per_week]).toEqual(['2026-03-20', null]);
    expect(candidate.ambition_sectors).toEqual(['it']);
    expect(candidate.ambition_note).toBe('7 måneders webudvikleruddannelse');
    const queued = await database.db
      .selectFrom('search_outbox')
      .select('document_id')
      .where('index_name', '=', 'candidates')
      .where('document_id', '=', candidate.id)
      .execute();
    expect(queued.length).toBeGreaterThanOrEqual(5);
    await removeSkill(deps(), amina, { skill: world.skills.floors });
    expect((await loadOwnProfile(deps(), amina)).skills.map((s) => s.skill_uri)).not.toContain(world.skills.floors);
  });

  it('a candidate reads and changes only their own profile', async () => {
    const nadiaBefore = await loadOwnProfile(deps(), nadia);
    expect(nadiaBefore.candidate.id).toBe(world.people.neighbour.id);
    expect((await loadOwnProfile(deps(), amina)).candidate.id).toBe(world.people.ok.id);
    await savePlace(deps(), amina, { postalCode: '6200', maxTravelKm: '50', drivingLicence: 'on' });
    expect(await loadOwnProfile(deps(), nadia)).toEqual(nadiaBefore);
  });

  it('refuses other roles and users without a candidate profile', async () => {
    const consultant = { id: amina.id, role: 'consultant' as const };
    await expect(loadOwnProfile(deps(), consultant)).rejects.toBeInstanceOf(Forbidden);
    await expect(savePlace(deps(), consultant, { postalCode: '6200', maxTravelKm: '10', drivingLicence: '' })).rejects.toBeInstanceOf(Forbidden);
    const stranger = await insertUser(database.db, buildUser(seededRng(9, 'x'), { role: 'candidate' }));
    await expect(loadOwnProfile(deps(), { id: stranger.id, role: 'candidate' })).rejects.toBeInstanceOf(NotFound);
  });
});
