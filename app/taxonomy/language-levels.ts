/**
 * Language levels: CEFR A1–C2 (spoken and written apart), the evidence behind
 * a level, and the mapping of Danish education (danskuddannelse DU1/DU2/DU3,
 * modules and final tests) to CEFR.
 *
 * Final tests map exactly as docs/domain.md ("Danish language levels"):
 *   Prøve i Dansk 1 (DU1) → written A2, spoken B1
 *   Prøve i Dansk 2 (DU2) → B1
 *   Prøve i Dansk 3 (DU3) → B2
 *   Studieprøven (DU3 module 6) → C1
 *
 * Partial progress (a module passed, no final test) is our own decision, as
 * docs/domain.md gives no table for it: a linear ramp from A1 toward the level of
 * the programme's final test, rounded down so a module never overstates:
 *   level rank = 1 + floor((finalRank − 1) × module / modulesToFinalTest)
 * DU1 and DU2 have 6 modules before their test; DU3 has 5 modules before
 * Prøve i Dansk 3, and module 6 (the Studieprøve module) maps to C1.
 * Passing the last module equals the test's level: the module test is the
 * evidence, the official test would confirm it.
 */
import { z } from 'zod';
import type { Cefr } from '../../db/schema.js';
import { InvalidInput } from '../lib/errors.js';

export type { Cefr } from '../../db/schema.js';

export const cefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const satisfies readonly Cefr[];
export const cefrSchema = z.enum(cefrLevels);

export const languageEvidence = ['self_reported', 'module_test', 'official_test'] as const;
export type LanguageEvidence = (typeof languageEvidence)[number];
export const languageEvidenceSchema = z.enum(languageEvidence);

export const danishProgrammes = ['DU1', 'DU2', 'DU3'] as const;
export type DanishProgramme = (typeof danishProgrammes)[number];
export const danishTests = ['PD1', 'PD2', 'PD3', 'STUDIEPROEVEN'] as const;
export type DanishTest = (typeof danishTests)[number];

/** A1 = 1 … C2 = 6. */
export function cefrRank(level: Cefr): number {
  return cefrLevels.indexOf(level) + 1;
}

/** The CEFR level of a rank 1–6; anything outside is rejected. */
export function cefrFromRank(rank: number): Cefr {
  const level = cefrLevels[rank - 1];
  if (!Number.isInteger(rank) || level === undefined) {
    throw new InvalidInput(`A CEFR level must be between A1 and C2 (rank 1–6); got rank ${rank}`, { level: ['Must be between A1 and C2'] });
  }
  return level;
}

/** Parses "b1", " B1 " etc.; rejects levels below A1 (e.g. "A0") or above C2 (e.g. "C3"). */
export function parseCefr(input: string): Cefr {
  const parsed = cefrSchema.safeParse(input.trim().toUpperCase());
  if (!parsed.success) {
    throw new InvalidInput(`"${input}" is not a CEFR level: use A1, A2, B1, B2, C1 or C2 (nothing below A1 or above C2)`, {
      level: ['Must be one of A1, A2, B1, B2, C1, C2'],
    });
  }
  return parsed.data;
}

/** True when `actual` is at least `required`. */
export function meetsCefr(actual: Cefr, required: Cefr): boolean {
  return cefrRank(actual) >= cefrRank(required);
}

interface ProgrammeRule {
  modules: number;
  /** modules leading to the programme's main final test */
  modulesToFinalTest: number;
  finalTest: DanishTest;
  tests: readonly DanishTest[];
}

const programmeRules: Record<DanishProgramme, ProgrammeRule> = {
  DU1: { modules: 6, modulesToFinalTest: 6, finalTest: 'PD1', tests: ['PD1'] },
  DU2: { modules: 6, modulesToFinalTest: 6, finalTest: 'PD2', tests: ['PD2'] },
  DU3: { modules: 6, modulesToFinalTest: 5, finalTest: 'PD3', tests: ['PD3', 'STUDIEPROEVEN'] },
};

/** docs/domain.md's table, kept exactly. */
export const danishTestCefr: Record<DanishTest, { spoken: Cefr; written: Cefr }> = {
  PD1: { spoken: 'B1', written: 'A2' },
  PD2: { spoken: 'B1', written: 'B1' },
  PD3: { spoken: 'B2', written: 'B2' },
  STUDIEPROEVEN: { spoken: 'C1', written: 'C1' },
};

export const danishLevelInputSchema = z.object({
  programme: z.enum(danishProgrammes),
  module: z.number().int().optional(),
  test: z.enum(danishTests).optional(),
});
export type DanishLevelInput = z.infer<typeof danishLevelInputSchema>;

function ramp(target: Cefr, module: number, steps: number): Cefr {
  return cefrFromRank(1 + Math.floor(((cefrRank(target) - 1) * module) / steps));
}

/**
 * Maps a Danish education record to CEFR, spoken and written apart. A passed
 * final test decides the level; otherwise the highest module passed does (see
 * the ramp above); enrolled with no module passed is A1.
 * @throws InvalidInput for a module outside its programme (DU1/DU2/DU3: 1–6)
 *   or a test that does not belong to the programme.
 */
export function danishLevelToCefr(input: DanishLevelInput): { spoken: Cefr; written: Cefr } {
  const rule = programmeRules[input.programme];
  if (input.test !== undefined) {
    if (!rule.tests.includes(input.test)) {
      throw new InvalidInput(`${input.test} is not a final test of ${input.programme} (its tests: ${rule.tests.join(', ')})`, {
        test: [`Must be one of ${rule.tests.join(', ')} for ${input.programme}`],
      });
    }
    return { ...danishTestCefr[input.test] };
  }
  if (input.module === undefined) return { spoken: 'A1', written: 'A1' };
  if (!Number.isInteger(input.module) || input.module < 1 || input.module > rule.modules) {
    throw new InvalidInput(`Module ${input.module} is outside ${input.programme}, which has modules 1–${rule.modules}`, {
      module: [`Must be a whole number from 1 to ${rule.modules} for ${input.programme}`],
    });
  }
  if (input.module > rule.modulesToFinalTest) return { ...danishTestCefr.STUDIEPROEVEN };
  const target = danishTestCefr[rule.finalTest];
  return {
    spoken: ramp(target.spoken, input.module, rule.modulesToFinalTest),
    written: ramp(target.written, input.module, rule.modulesToFinalTest),
  };
}

/** One language a candidate knows, as stored in candidate_languages. */
export const languageLevelSchema = z.object({
  code: z.string().regex(/^[a-z]{2,3}(-[a-z]{2,4})?$/, 'Use an ISO 639 code such as "ar", "prs" or "ckb"'),
  spoken: cefrSchema,
  written: cefrSchema.nullable(),
  isMotherTongue: z.boolean().default(false),
  evidence: languageEvidenceSchema.default('self_reported'),
});
export type LanguageLevel = z.infer<typeof languageLevelSchema>;

/** A Danish level entered as education (programme + module or test), with its evidence. */
export const danishLevelEntrySchema = danishLevelInputSchema.extend({
  evidence: languageEvidenceSchema.default('self_reported'),
});
export type DanishLevelEntry = z.infer<typeof danishLevelEntrySchema>;

/** Turns a Danish education entry into a stored language level (code "da"). */
export function danishLevelEntryToLanguageLevel(entry: DanishLevelEntry): LanguageLevel {
  const { spoken, written } = danishLevelToCefr(entry);
  return { code: 'da', spoken, written, isMotherTongue: false, evidence: entry.evidence };
}
