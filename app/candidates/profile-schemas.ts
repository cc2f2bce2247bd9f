/**
 * The input of each profile step, as Zod schemas shared by the routes and the
 * domain functions. Form values arrive as strings (no JavaScript needed), so
 * the schemas coerce; every message is a key in the `candidate` namespace
 * (`errors.*`), translated where it is shown.
 */
import { z } from 'zod';
import { getPostalCode } from '../geo/places.js';
import { calendarDate } from '../lib/dates.js';
import { decimalNumber } from '../lib/numbers.js';
import { cefrLevels, danishProgrammes, danishTests, languageEvidence } from '../taxonomy/language-levels.js';
import { getTaxonomy, sectorIds } from '../taxonomy/taxonomy.js';

export { profileSteps, type ProfileStep } from './steps.js';

export const learnedWhere = ['denmark', 'abroad', 'informal'] as const;
export type LearnedWhere = (typeof learnedWhere)[number];

/** '' (an empty form field) becomes undefined, so optional fields stay optional. */
const blank = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** A field sent once or several times (or not at all) as a list. */
const list = (value: unknown): unknown => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const years = z.preprocess(blank, decimalNumber({ min: 0, max: 60, message: 'errors.yearsRange' }).optional());

const skillUri = z.string().refine((uri) => getTaxonomy().skillByUri.has(uri), 'errors.skillUnknown');
const occupationUri = z.string().refine((uri) => getTaxonomy().occupationByUri.has(uri), 'errors.occupationUnknown');
/** How many occupations a candidate may tick on the experience step (and on the ambitions step). */
export const MAX_OCCUPATIONS = 20;

export const addSkillSchema = z.object({
  skill: skillUri,
  years,
  where: z.preprocess(blank, z.enum(learnedWhere, { message: 'errors.whereInvalid' }).optional()),
});
export type AddSkillInput = z.input<typeof addSkillSchema>;

export const removeSkillSchema = z.object({ skill: z.string().min(1) });

export const experienceSchema = z.object({
  occupations: z.preprocess(list, z.array(occupationUri).max(MAX_OCCUPATIONS, 'errors.tooMany')),
  education: z.preprocess(blank, z.string().trim().max(500, 'errors.tooLong').optional()),
});
export type ExperienceInput = z.input<typeof experienceSchema>;

const cefr = z.enum(cefrLevels, { message: 'errors.levelRange' });

/**
 * One row's value in a list sent once per row; an empty row stays '' so the
 * rows keep their places (Conform's form coercion reads '' as missing).
 */
const rowText = z.string().trim().default('');

/**
 * Danish as education (programme + module or final test), the evidence, and
 * other languages as parallel lists (one row per language in the form).
 */
export const languagesSchema = z
  .object({
    danishProgramme: z.preprocess(blank, z.enum(danishProgrammes, { message: 'errors.programmeInvalid' }).optional()),
    danishModule: z.preprocess(blank, decimalNumber({ min: 0, max: 6, integer: true, message: 'errors.moduleRange' }).optional()),
    danishTest: z.preprocess(blank, z.enum(danishTests, { message: 'errors.testInvalid' }).optional()),
    danishEvidence: z.preprocess(blank, z.enum(languageEvidence, { message: 'errors.evidenceInvalid' }).default('self_reported')),
    languageCode: z.preprocess(list, z.array(rowText)),
    languageSpoken: z.preprocess(list, z.array(rowText)),
    languageWritten: z.preprocess(list, z.array(rowText)),
    motherTongue: z.preprocess(list, z.array(rowText)),
  })
  .superRefine((input, ctx) => {
    if (input.danishProgramme === undefined && (input.danishModule !== undefined || input.danishTest !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['danishProgramme'], message: 'errors.programmeNeeded' });
    }
    const tests: Record<string, readonly string[]> = { DU1: ['PD1'], DU2: ['PD2'], DU3: ['PD3', 'STUDIEPROEVEN'] };
    if (input.danishProgramme && input.danishTest && !tests[input.danishProgramme]?.includes(input.danishTest)) {
      ctx.addIssue({ code: 'custom', path: ['danishTest'], message: 'errors.testNotInProgramme' });
    }
    input.languageCode.forEach((code, i) => {
      if (code === '') return;
      if (!getTaxonomy().languageByCode.has(code) || code === 'da') {
        ctx.addIssue({ code: 'custom', path: ['languageCode', i], message: 'errors.languageUnknown' });
      }
      if (!cefr.safeParse(input.languageSpoken[i]).success) {
        ctx.addIssue({ code: 'custom', path: ['languageSpoken', i], message: 'errors.levelRange' });
      }
      const written = input.languageWritten[i] ?? '';
      if (written !== '' && !cefr.safeParse(written).success) {
        ctx.addIssue({ code: 'custom', path: ['languageWritten', i], message: 'errors.levelRange' });
      }
    });
  });
export type LanguagesInput = z.input<typeof languagesSchema>;

export const placeSchema = z.object({
  postalCode: z
    .string({ message: 'errors.postalCodeFormat' })
    .trim()
    .regex(/^[0-9]{4}$/, 'errors.postalCodeFormat')
    // A badly formed code already has its message; only a well-formed one is looked up.
    .refine((code) => !/^[0-9]{4}$/.test(code) || getPostalCode(code) !== undefined, 'errors.postalCodeUnknown'),
  maxTravelKm: decimalNumber({ min: 1, max: 300, integer: true, message: 'errors.travelRange' }),
  drivingLicence: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()),
});
export type PlaceInput = z.input<typeof placeSchema>;

/** Available from today up to ten years ahead; today comes from `clock`. */
export function availabilitySchema(clock: () => Date) {
  return z.object({
    availableFrom: calendarDate(
      { earliest: 'today', latest: { yearsFromToday: 10 } },
      { messages: { invalid: 'errors.dateFormat', tooEarly: 'errors.dateInPast', tooLate: 'trust:dates.tooLate' }, clock },
    ),
    hoursPerWeek: z.preprocess(blank, decimalNumber({ min: 1, max: 60, integer: true, message: 'errors.hoursRange' }).optional()),
  });
}
export type AvailabilityInput = z.input<ReturnType<typeof availabilitySchema>>;

export const ambitionsSchema = z.object({
  sectors: z.preprocess(list, z.array(z.enum(sectorIds, { message: 'errors.sectorUnknown' }))),
  occupations: z.preprocess(list, z.array(occupationUri).max(MAX_OCCUPATIONS, 'errors.tooMany')),
  note: z.preprocess(blank, z.string().trim().max(1000, 'errors.tooLong').optional()),
});
export type AmbitionsInput = z.input<typeof ambitionsSchema>;

/** The one Zod-issues-to-fields function under the name consultant.placements still imports; goes when that route moves to parseSubmission. */
export { fieldsOf as fieldErrorsOf } from '../lib/field-errors.js';
