/**
 * What a network partner sees of a pooled candidate (issue 24, item 7):
 * skills, Danish level and fit score for every member, the name and record
 * id only for the consultant's own jobcentre's candidates, and never CPR or
 * contact details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { createCohort, loadCohorts, matchCohort } from './cohorts.server.js';
import { addCandidate, buildConsultantWorld, consultantClock as clock, type ConsultantWorld } from '../../tests/setup/test-world.js';

describe.each(databaseKinds)('a cohort’s pooled candidates as each partner sees them (%s)', (kind) => {
  let database: TestDatabase;
  let world: ConsultantWorld;
  const deps = () => ({ db: world.db, clock });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    world = await buildConsultantWorld(database.db, 23);
    await loadTaxonomy(database.db, getTaxonomy());
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('shows every member’s skills, Danish and score; names and ids only to the home jobcentre', async () => {
    const kitchenSkills = getTaxonomy()
      .skills.filter((skill) => skill.sectors.includes('kitchen'))
      .slice(0, 2);
    expect(kitchenSkills).toHaveLength(2);
    const contact = { email: 'partner.person@example.dk', phone: '+45 20 30 40 50' };
    const partner = await addCandidate(world, world.jobcentres.soenderborg, {
      ambition_sectors: ['kitchen'],
      full_name: 'Partner Person Køkken',
      danish_spoken: 'A2',
      danish_written: 'A1',
      ...contact,
    });
    const own = await addCandidate(world, world.jobcentres.aabenraa, { ambition_sectors: ['kitchen'], full_name: 'Own Køkken', danish_spoken: null });
    await world.db
      .insertInto('candidate_skills')
      .values(kitchenSkills.map((skill, i) => ({ candidate_id: partner, skill_uri: skill.uri, years: i + 1, learned_where: 'abroad' as const })))
      .execute();
    const cohortId = await createCohort(deps(), world.consultants.aabenraa, {
      networkId: world.networkId,
      title: 'Branchepakke køkken',
      sector: 'kitchen',
      courseStart: '2026-05-01',
      courseEnd: '2026-06-30',
      seats: 4,
    });
    await matchCohort(deps(), world.consultants.aabenraa, cohortId);

    const seenBy = async (consultant: ConsultantWorld['consultants'][keyof ConsultantWorld['consultants']]) =>
      (await loadCohorts(deps(), consultant)).cohorts.find((c) => c.id === cohortId)?.members ?? [];

    const fromAabenraa = await seenBy(world.consultants.aabenraa);
    const partnerRow = fromAabenraa.find((m) => !m.own && m.danishSpoken === 'A2' && m.skills.length === 2);
    expect(partnerRow).toMatchObject({ own: false, candidateId: null, name: null, danishSpoken: 'A2', danishWritten: 'A1' });
    expect(partnerRow?.jobcentreName).toMatch(/Sønderborg/);
    expect(partnerRow?.skills).toEqual([
      { uri: kitchenSkills[1]!.uri, years: 2 },
      { uri: kitchenSkills[0]!.uri, years: 1 },
    ]);
    // Two kitchen skills and A2 spoken: 65 points before waiting counts; waited since 2026-01-15.
    expect(partnerRow?.score).toBeGreaterThan(65);
    const ownRow = fromAabenraa.find((m) => m.candidateId === own);
    expect(ownRow).toMatchObject({ own: true, name: 'Own Køkken', danishSpoken: null, skills: [] });
    // Best fit first.
    const scores = fromAabenraa.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Nothing that names or reaches the partner's candidate leaves the domain for Aabenraa's page.
    const page = JSON.stringify(fromAabenraa);
    for (const secret of [partner, 'Partner Person Køkken', contact.email, contact.phone]) expect(page).not.toContain(secret);

    // Sønderborg, the home jobcentre, sees its candidate by name and may decide.
    const fromSoenderborg = await seenBy(world.consultants.soenderborg);
    expect(fromSoenderborg.find((m) => m.candidateId === partner)).toMatchObject({ own: true, name: 'Partner Person Køkken' });
    expect(JSON.stringify(fromSoenderborg)).not.toContain(own);
  });
});
