/**
 * Profile strength: how complete the profile is, and what to add next. The
 * weights follow what the matcher uses most (skills, Danish, place and
 * availability); each missing item names the step that fixes it.
 */
import type { ProfileStep } from './profile-schemas.js';

export const strengthItems = [
  'skills',
  'skillsDetail',
  'experience',
  'danish',
  'otherLanguages',
  'place',
  'availability',
  'hours',
  'ambitions',
] as const;
export type StrengthItem = (typeof strengthItems)[number];

export type StrengthInput = {
  skills: ReadonlyArray<{ years: number | null; learned_where: string | null }>;
  occupations: readonly unknown[];
  education: string | null;
  danishProgramme: string | null;
  otherLanguages: number;
  postalCode: string | null;
  maxTravelKm: number | null;
  availableFrom: string | null;
  hoursPerWeek: number | null;
  ambitionSectors: readonly string[];
  ambitionOccupations: readonly string[];
  ambitionNote: string | null;
};

const WEIGHTS: Record<StrengthItem, number> = {
  skills: 25,
  skillsDetail: 5,
  experience: 10,
  danish: 15,
  otherLanguages: 5,
  place: 10,
  availability: 10,
  hours: 5,
  ambitions: 15,
};

export const STEP_OF: Record<StrengthItem, ProfileStep> = {
  skills: 'skills',
  skillsDetail: 'skills',
  experience: 'experience',
  danish: 'languages',
  otherLanguages: 'languages',
  place: 'place',
  availability: 'availability',
  hours: 'availability',
  ambitions: 'ambitions',
};

export type Strength = { percent: number; missing: StrengthItem[]; level: 'weak' | 'fair' | 'strong' };

/** 0–100 and the missing items in the order of the steps. */
export function profileStrength(p: StrengthInput): Strength {
  const done: Record<StrengthItem, boolean> = {
    skills: p.skills.length >= 3,
    skillsDetail: p.skills.length > 0 && p.skills.every((s) => s.years !== null && s.learned_where !== null),
    experience: p.occupations.length > 0 || (p.education !== null && p.education.trim() !== ''),
    danish: p.danishProgramme !== null,
    otherLanguages: p.otherLanguages > 0,
    place: p.postalCode !== null && p.maxTravelKm !== null && p.maxTravelKm > 0,
    availability: p.availableFrom !== null,
    hours: p.hoursPerWeek !== null,
    // Training paths count: a note saying what they aim for is an ambition too.
    ambitions: p.ambitionSectors.length > 0 || p.ambitionOccupations.length > 0 || (p.ambitionNote ?? '').trim() !== '',
  };
  let percent = 0;
  const missing: StrengthItem[] = [];
  for (const item of strengthItems) {
    if (done[item]) percent += WEIGHTS[item];
    else missing.push(item);
  }
  return { percent, missing, level: percent >= 80 ? 'strong' : percent >= 50 ? 'fair' : 'weak' };
}
