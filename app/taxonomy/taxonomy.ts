/**
 * The multilingual taxonomy (ESCO skills and occupations, sectors, languages),
 * loaded once from the JSON data files shipped in db/data/ and checked with Zod.
 *
 * The files are imported (not read from disk) so that the same code works under
 * tsx, Vitest and the Remix server build, which inlines them.
 */
import { z } from 'zod';
import type { Locale } from '../../db/schema.js';
import languagesJson from '../../db/data/languages.json';
import occupationsJson from '../../db/data/taxonomy/occupations.json';
import sectorsJson from '../../db/data/taxonomy/sectors.json';
import skillsJson from '../../db/data/taxonomy/skills.json';

export type { Locale } from '../../db/schema.js';
export const locales = ['da', 'en', 'ar', 'uk'] as const satisfies readonly Locale[];

export const sectorIds = [
  'kitchen',
  'cleaning',
  'warehouse',
  'care',
  'retail',
  'construction',
  'manufacturing',
  'agriculture',
  'transport',
  'hotel',
  'it',
  'health',
  'education',
  'office',
  'crafts',
] as const;
export type SectorId = (typeof sectorIds)[number];

const labelsSchema = z.object({
  da: z.string().min(1),
  en: z.string().min(1),
  ar: z.string().min(1),
  uk: z.string().min(1),
});
const synonymsSchema = z.object({
  da: z.array(z.string().min(1)).default([]),
  en: z.array(z.string().min(1)).default([]),
  ar: z.array(z.string().min(1)).default([]),
  uk: z.array(z.string().min(1)).default([]),
});

export const skillUriPattern = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const occupationUriPattern = /^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const sectorSchema = z.object({ id: z.enum(sectorIds), labels: labelsSchema });
export const skillSchema = z.object({
  uri: z.string().regex(skillUriPattern),
  kind: z.enum(['skill', 'knowledge']),
  labels: labelsSchema,
  synonyms: synonymsSchema,
  sectors: z.array(z.enum(sectorIds)),
});
export const occupationSchema = z.object({
  uri: z.string().regex(occupationUriPattern),
  iscoGroup: z.string().regex(/^[0-9]{4}$/),
  sector: z.enum(sectorIds),
  labels: labelsSchema,
  synonyms: synonymsSchema,
  essentialSkills: z.array(z.string().regex(skillUriPattern)),
  optionalSkills: z.array(z.string().regex(skillUriPattern)),
});
export const languageSchema = z.object({
  code: z.string().regex(/^[a-z]{2,3}$/),
  labels: labelsSchema,
  native: z.string().min(1),
});

export type Labels = z.infer<typeof labelsSchema>;
export type Synonyms = z.infer<typeof synonymsSchema>;
export type Sector = z.infer<typeof sectorSchema>;
export type Skill = z.infer<typeof skillSchema>;
export type Occupation = z.infer<typeof occupationSchema>;
export type Language = z.infer<typeof languageSchema>;

export interface Taxonomy {
  skills: readonly Skill[];
  occupations: readonly Occupation[];
  sectors: readonly Sector[];
  languages: readonly Language[];
  skillByUri: ReadonlyMap<string, Skill>;
  occupationByUri: ReadonlyMap<string, Occupation>;
  sectorById: ReadonlyMap<SectorId, Sector>;
  languageByCode: ReadonlyMap<string, Language>;
}

/** Builds a taxonomy from raw data, checking shape and cross-references. */
export function buildTaxonomy(raw: { skills: unknown; occupations: unknown; sectors: unknown; languages: unknown }): Taxonomy {
  const skills = z.array(skillSchema).parse(raw.skills);
  const occupations = z.array(occupationSchema).parse(raw.occupations);
  const sectors = z.array(sectorSchema).parse(raw.sectors);
  const languages = z.array(languageSchema).parse(raw.languages);
  const skillByUri = new Map(skills.map((s) => [s.uri, s]));
  for (const occupation of occupations) {
    for (const uri of [...occupation.essentialSkills, ...occupation.optionalSkills]) {
      if (!skillByUri.has(uri)) throw new Error(`Occupation ${occupation.uri} refers to unknown skill ${uri}`);
    }
  }
  return {
    skills,
    occupations,
    sectors,
    languages,
    skillByUri,
    occupationByUri: new Map(occupations.map((o) => [o.uri, o])),
    sectorById: new Map(sectors.map((s) => [s.id, s])),
    languageByCode: new Map(languages.map((l) => [l.code, l])),
  };
}

let cached: Taxonomy | undefined;

/** The taxonomy shipped with the app, parsed on first use and kept in memory. */
export function getTaxonomy(): Taxonomy {
  cached ??= buildTaxonomy({ skills: skillsJson, occupations: occupationsJson, sectors: sectorsJson, languages: languagesJson });
  return cached;
}

/** Skills proposed to an employer who picks an occupation: essential first, then optional. */
export function skillsForOccupation(occupationUri: string): { essential: Skill[]; optional: Skill[] } {
  const taxonomy = getTaxonomy();
  const occupation = taxonomy.occupationByUri.get(occupationUri);
  if (!occupation) return { essential: [], optional: [] };
  const resolve = (uris: string[]) => uris.flatMap((uri) => taxonomy.skillByUri.get(uri) ?? []);
  return { essential: resolve(occupation.essentialSkills), optional: resolve(occupation.optionalSkills) };
}
