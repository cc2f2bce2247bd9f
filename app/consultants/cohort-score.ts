/**
 * How well a pooled candidate fits a network cohort (a branchepakke or a
 * course for one sector), 0–100, so the home jobcentres can see whom the
 * pool proposes and why. A cohort has no workplace, no must-have skills and
 * no Danish requirement of its own, so the slot matcher's score does not
 * apply; these three parts stand in for it:
 * - sectorSkills 40: skills the taxonomy files under the cohort's sector
 *   (two or more count in full) — the packages build on what people can do.
 * - danish 25: spoken Danish against A2, the level the packages' first
 *   workplace steps assume (one step below counts half, as in the matcher).
 * - waiting 35: days waited for a company-based offer, the matcher's own
 *   curve (the programme promises a first offer within a month).
 */
import type { Cefr } from '../../db/schema.js';
import { cefrRank, danishSide, waitingComponent } from '../matching/score.js';

export const COHORT_WEIGHTS = { sectorSkills: 40, danish: 25, waiting: 35 } as const;

/** Skills in the sector at which that part is met in full. */
export const SECTOR_SKILLS_FOR_FULL = 2;
export const COHORT_DANISH_LEVEL: Cefr = 'A2';

export type CohortScoreInput = {
  sector: string;
  skills: ReadonlyArray<{ uri: string }>;
  danishSpoken: Cefr | null;
  waitingSince: string;
  today: string;
};

/** The sectors a skill belongs to (from the taxonomy; empty when unknown). */
export type SkillSectors = (uri: string) => readonly string[];

export function cohortScore(input: CohortScoreInput, sectorsOf: SkillSectors): number {
  const inSector = input.skills.filter((skill) => sectorsOf(skill.uri).includes(input.sector)).length;
  const parts = {
    sectorSkills: Math.min(1, inSector / SECTOR_SKILLS_FOR_FULL),
    danish: danishSide(cefrRank(input.danishSpoken), cefrRank(COHORT_DANISH_LEVEL)),
    waiting: waitingComponent(input.waitingSince, input.today),
  };
  const total = COHORT_WEIGHTS.sectorSkills + COHORT_WEIGHTS.danish + COHORT_WEIGHTS.waiting;
  const sum = COHORT_WEIGHTS.sectorSkills * parts.sectorSkills + COHORT_WEIGHTS.danish * parts.danish + COHORT_WEIGHTS.waiting * parts.waiting;
  return Math.round((sum / total) * 1000) / 10;
}
