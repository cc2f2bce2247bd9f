/**
 * The queue's side-by-side comparison (issue 24, item 3), like Job Bank's
 * comparison chart: for one proposal, each must-have skill held or not,
 * Danish needed against held, distance against the candidate's limit, and
 * the slot's start against the candidate's availability. Pure, so the page
 * and the tests agree on what a ✓ means.
 */
import type { Cefr } from '../../db/schema.js';

const CEFR_ORDER: readonly Cefr[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const rank = (level: Cefr | null) => (level === null ? -1 : CEFR_ORDER.indexOf(level));

export type RequirementsInput = {
  requiredSkills: readonly string[];
  candidateSkills: readonly string[];
  danishNeeded: { spoken: Cefr | null; written: Cefr | null; withinMonths: number | null };
  danishHeld: { spoken: Cefr | null; written: Cefr | null };
  /** null when a postal code has no known place. */
  distanceKm: number | null;
  maxTravelKm: number;
  startDate: string;
  availableFrom: string;
};

export type Check = 'met' | 'close' | 'unmet';

export type Requirements = {
  skills: Array<{ uri: string; held: boolean }>;
  danish: { needed: string; held: string; check: Check };
  distance: { km: number | null; limit: number; check: Check };
  start: { date: string; availableFrom: string; check: Check };
};

function danishCheck(needed: Cefr | null, held: Cefr | null, withinMonths: number | null): Check {
  if (needed === null) return 'met';
  const gap = rank(needed) - rank(held);
  if (gap <= 0) return 'met';
  // A slot that accepts "B1 within 6 months" accepts one step below now.
  return gap === 1 && withinMonths ? 'close' : 'unmet';
}

const worst = (a: Check, b: Check): Check => (a === 'unmet' || b === 'unmet' ? 'unmet' : a === 'close' || b === 'close' ? 'close' : 'met');

export function compareRequirements(input: RequirementsInput): Requirements {
  const held = new Set(input.candidateSkills);
  const { danishNeeded: needed, danishHeld: has } = input;
  const text = (spoken: Cefr | null, written: Cefr | null) => `${spoken ?? '–'}/${written ?? '–'}`;
  return {
    skills: input.requiredSkills.map((uri) => ({ uri, held: held.has(uri) })),
    danish: {
      needed: needed.spoken === null && needed.written === null ? '–' : text(needed.spoken, needed.written),
      held: text(has.spoken, has.written),
      check: worst(danishCheck(needed.spoken, has.spoken, needed.withinMonths), danishCheck(needed.written, has.written, needed.withinMonths)),
    },
    distance: {
      km: input.distanceKm === null ? null : Math.round(input.distanceKm),
      limit: input.maxTravelKm,
      check: input.distanceKm === null ? 'close' : input.distanceKm <= input.maxTravelKm ? 'met' : 'unmet',
    },
    start: { date: input.startDate, availableFrom: input.availableFrom, check: input.availableFrom <= input.startDate ? 'met' : 'unmet' },
  };
}
