/**
 * Loads the taxonomy (ESCO skills, occupations and occupation → skill lists)
 * from the repository's data files (db/data/taxonomy), as the app reads
 * them, into the database.
 * Idempotent: skills and occupations are upserted and each occupation's skill
 * list is replaced, so a corrected data file updates the tables on the next run.
 */
import type { Kysely } from 'kysely';
import { replaceOccupationSkills, upsertOccupations, upsertSkills } from '../queries/taxonomy.js';
import type { DB, LabelSet, SynonymSet } from '../schema.js';

/**
 * What is loaded, as the app's taxonomy module reads and checks it from the
 * data files (app/taxonomy/taxonomy.ts); the caller passes it in because db/
 * does not import the app.
 */
export type TaxonomyToLoad = {
  skills: readonly { uri: string; kind: 'skill' | 'knowledge'; labels: LabelSet; synonyms: SynonymSet }[];
  occupations: readonly {
    uri: string;
    iscoGroup: string;
    sector: string;
    labels: LabelSet;
    synonyms: SynonymSet;
    essentialSkills: readonly string[];
    optionalSkills: readonly string[];
  }[];
};

const BATCH = 500;

export async function loadTaxonomy(db: Kysely<DB>, taxonomy: TaxonomyToLoad): Promise<{ skills: number; occupations: number }> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < taxonomy.skills.length; i += BATCH) {
      await upsertSkills(
        trx,
        taxonomy.skills.slice(i, i + BATCH).map((s) => ({ uri: s.uri, kind: s.kind, labels: s.labels, synonyms: s.synonyms })),
      );
    }
    await upsertOccupations(
      trx,
      taxonomy.occupations.map((o) => ({ uri: o.uri, isco_group: o.iscoGroup, sector: o.sector, labels: o.labels, synonyms: o.synonyms })),
    );
    await replaceOccupationSkills(
      trx,
      taxonomy.occupations.map((o) => o.uri),
      taxonomy.occupations.flatMap((o) => [
        ...o.essentialSkills.map((uri) => ({ occupation_uri: o.uri, skill_uri: uri, relation: 'essential' as const })),
        ...o.optionalSkills.map((uri) => ({ occupation_uri: o.uri, skill_uri: uri, relation: 'optional' as const })),
      ]),
    );
  });
  return { skills: taxonomy.skills.length, occupations: taxonomy.occupations.length };
}
