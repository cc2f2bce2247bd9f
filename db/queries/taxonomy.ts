/**
 * Taxonomy queries: skills, occupations and the occupation → skill relation
 * as stored by db/seed/load-taxonomy.ts.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DB, LabelSet, OccupationTable, SkillTable, SynonymSet } from '../schema.js';

// synonyms is typed Generated<Json<…>> in schema.ts, whose insert/select types
// are Kysely's ColumnType wrapper rather than the JSON value: go through typed SQL.
const jsonb = <T>(value: unknown) => sql<T>`${JSON.stringify(value)}::jsonb`;

type Db = Kysely<DB> | Transaction<DB>;

export interface SkillRow {
  uri: string;
  kind: 'skill' | 'knowledge' | 'language';
  labels: LabelSet;
  synonyms: SynonymSet;
}
export interface OccupationRow {
  uri: string;
  isco_group: string;
  sector: string;
  labels: LabelSet;
  synonyms: SynonymSet;
}

export async function upsertSkills(db: Db, rows: SkillRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('skills')
    .values(
      rows.map((r) => ({
        uri: r.uri,
        kind: r.kind,
        labels: JSON.stringify(r.labels),
        synonyms: jsonb<NonNullable<Insertable<SkillTable>['synonyms']>>(r.synonyms),
      })),
    )
    .onConflict((oc) =>
      oc.column('uri').doUpdateSet((eb) => ({
        kind: eb.ref('excluded.kind'),
        labels: eb.ref('excluded.labels'),
        synonyms: eb.ref('excluded.synonyms'),
      })),
    )
    .execute();
}

export async function upsertOccupations(db: Db, rows: OccupationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('occupations')
    .values(
      rows.map((r) => ({
        uri: r.uri,
        isco_group: r.isco_group,
        sector: r.sector,
        labels: JSON.stringify(r.labels),
        synonyms: jsonb<NonNullable<Insertable<OccupationTable>['synonyms']>>(r.synonyms),
      })),
    )
    .onConflict((oc) =>
      oc.column('uri').doUpdateSet((eb) => ({
        isco_group: eb.ref('excluded.isco_group'),
        sector: eb.ref('excluded.sector'),
        labels: eb.ref('excluded.labels'),
        synonyms: eb.ref('excluded.synonyms'),
      })),
    )
    .execute();
}

/** Replaces the skill lists of the given occupations. */
export async function replaceOccupationSkills(
  db: Db,
  occupationUris: string[],
  rows: { occupation_uri: string; skill_uri: string; relation: 'essential' | 'optional' }[],
): Promise<void> {
  if (occupationUris.length > 0) await db.deleteFrom('occupation_skills').where('occupation_uri', 'in', occupationUris).execute();
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('occupation_skills')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function findSkillsByUris(db: Db, uris: string[]): Promise<SkillRow[]> {
  if (uris.length === 0) return [];
  return db
    .selectFrom('skills')
    .select(['uri', 'kind', 'labels', sql<SynonymSet>`synonyms`.as('synonyms')])
    .where('uri', 'in', uris)
    .orderBy('uri')
    .execute();
}

/** An occupation's skills, essential first. */
export async function listOccupationSkills(
  db: Db,
  occupationUri: string,
): Promise<{ uri: string; kind: SkillRow['kind']; labels: LabelSet; relation: 'essential' | 'optional' }[]> {
  return db
    .selectFrom('occupation_skills')
    .innerJoin('skills', 'skills.uri', 'occupation_skills.skill_uri')
    .select(['skills.uri', 'skills.kind', 'skills.labels', 'occupation_skills.relation'])
    .where('occupation_skills.occupation_uri', '=', occupationUri)
    .orderBy('occupation_skills.relation')
    .orderBy('skills.uri')
    .execute();
}

export async function countTaxonomy(db: Db): Promise<{ skills: number; occupations: number; occupationSkills: number }> {
  const [skills, occupations, occupationSkills] = await Promise.all([
    db
      .selectFrom('skills')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('occupations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('occupation_skills')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { skills: Number(skills.n), occupations: Number(occupations.n), occupationSkills: Number(occupationSkills.n) };
}
