import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../setup/database.js';
import { getTaxonomy } from '../../app/taxonomy/taxonomy.js';
import { countTaxonomy, findSkillsByUris, listOccupationSkills } from '../../db/queries/taxonomy.js';
import { loadTaxonomy } from '../../db/seed/load-taxonomy.js';

describe.each(databaseKinds)('loadTaxonomy on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('loads every skill, occupation and occupation → skill relation, idempotently', async () => {
    const taxonomy = getTaxonomy();
    const relations = taxonomy.occupations.reduce((n, o) => n + o.essentialSkills.length + o.optionalSkills.length, 0);
    const first = await loadTaxonomy(database.db, taxonomy);
    expect(first).toEqual({ skills: taxonomy.skills.length, occupations: taxonomy.occupations.length });
    const second = await loadTaxonomy(database.db, taxonomy);
    expect(second).toEqual(first);
    expect(await countTaxonomy(database.db)).toEqual({ skills: first.skills, occupations: first.occupations, occupationSkills: relations });
  });

  it("stores labels and synonyms as JSON and proposes an occupation's skills", async () => {
    const taxonomy = getTaxonomy();
    const kitchenPorter = taxonomy.occupations.find((o) => o.labels.en === 'kitchen porter');
    expect(kitchenPorter).toBeDefined();
    const skills = await listOccupationSkills(database.db, kitchenPorter?.uri ?? '');
    expect(
      skills
        .filter((s) => s.relation === 'essential')
        .map((s) => s.uri)
        .sort(),
    ).toEqual([...(kitchenPorter?.essentialSkills ?? [])].sort());
    const [dishwashing] = await findSkillsByUris(database.db, [kitchenPorter?.essentialSkills[0] ?? '']);
    expect(dishwashing?.labels.da).toBe('betjene opvaskemaskine');
    expect(dishwashing?.synonyms.ar).toContain('غسل الصحون');
  });
});
