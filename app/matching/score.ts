/**
 * The re-ranking score: named components, each in [0, 1], combined with
 * documented weights into 0–100. Why these weights: docs/decisions/0002-matcher-scoring.md.
 * Only the fields below enter the score; gender, nationality, religion and
 * age never do (age only gates IGU eligibility, in match.ts).
 */
import type { Cefr } from '../../db/schema.js';
import { daysBetween } from '../lib/dates.js';

export const COMPONENTS = ['requiredSkills', 'niceSkills', 'danish', 'distance', 'ambitions', 'waiting', 'languages'] as const;
export type ComponentName = (typeof COMPONENTS)[number];
export type Components = Record<ComponentName, number>;
export type Weights = Record<ComponentName, number>;

/**
 * Default weights (sum 100, so a weight reads as "points at stake").
 * - requiredSkills 35: the employer's must-haves are what the placement is for.
 * - niceSkills 10: helps, but a newcomer can learn it on the job.
 * - danish 15: the hard rule already excludes the too-low; this rewards meeting
 *   the level now over "within N months".
 * - distance 15: relative to the candidate's own travel limit.
 * - ambitions 10: a placement towards the candidate's goal lasts longer.
 * - waiting 10: the programme promises a first company offer within a month.
 * - languages 5: another workplace language (e.g. a colleague's) eases the start.
 */
export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  requiredSkills: 35,
  niceSkills: 10,
  danish: 15,
  distance: 15,
  ambitions: 10,
  waiting: 10,
  languages: 5,
});

const CEFR_RANK: Record<Cefr, number> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6 };

/** CEFR as a rank 1..6; no Danish at all is 0. */
export function cefrRank(level: Cefr | null | undefined): number {
  return level ? CEFR_RANK[level] : 0;
}

/** Share of items covered; 1 when there is nothing to cover. */
export function coverage(covered: number, total: number): number {
  return total === 0 ? 1 : covered / total;
}

/**
 * One side (spoken or written) of the Danish component: 1 when the level is
 * met, 0.5 one step below (only reachable under the withinMonths allowance),
 * 0 further below. Levels above the requirement earn nothing extra, so the
 * score does not favour the overqualified.
 */
export function danishSide(candidateRank: number, requiredRank: number): number {
  const gap = requiredRank - candidateRank;
  if (gap <= 0) return 1;
  return gap === 1 ? 0.5 : 0;
}

/** Spoken and written weigh equally. */
export function danishComponent(spokenRank: number, writtenRank: number, requiredSpoken: number, requiredWritten: number): number {
  return (danishSide(spokenRank, requiredSpoken) + danishSide(writtenRank, requiredWritten)) / 2;
}

/** 1 at the door, falling linearly to 0 at the candidate's own travel limit. */
export function distanceComponent(km: number, maxTravelKm: number): number {
  if (maxTravelKm <= 0) return km <= 0 ? 1 : 0;
  return Math.max(0, 1 - km / maxTravelKm);
}

export type AmbitionFit = 'occupation' | 'sector' | 'none' | 'unknown';

/** Exact occupation 1, same sector 0.6, stated ambitions elsewhere 0, nothing stated 0.5 (neutral). */
export function ambitionComponent(fit: AmbitionFit): number {
  switch (fit) {
    case 'occupation':
      return 1;
    case 'sector':
      return 0.6;
    case 'none':
      return 0;
    case 'unknown':
      return 0.5;
  }
}

/** The programme's target: a first company-based offer within 30 days. */
export const WAITING_TARGET_DAYS = 30;
const WAITING_AT_TARGET = 0.75;
const WAITING_FULL_DAYS = 90;

/**
 * Rises linearly to 0.75 at 30 days (the deadline), then more slowly to 1 at
 * 90 days, so those past the deadline keep climbing. Unknown waiting time is 0.
 */
export function waitingComponent(waitingSince: string | null | undefined, asOf: string): number {
  return waitingComponentForDays(waitingSince ? Math.max(0, daysBetween(waitingSince, asOf)) : null);
}

/** `waitingComponent` from the days already waited (≥ 0; null when unknown). */
export function waitingComponentForDays(days: number | null): number {
  if (days === null) return 0;
  if (days <= WAITING_TARGET_DAYS) return (WAITING_AT_TARGET * days) / WAITING_TARGET_DAYS;
  const past = Math.min(1, (days - WAITING_TARGET_DAYS) / (WAITING_FULL_DAYS - WAITING_TARGET_DAYS));
  return WAITING_AT_TARGET + (1 - WAITING_AT_TARGET) * past;
}

/**
 * Weighted mean of the components, scaled to 0–100 and rounded to 2
 * decimals. Rounding first makes equal displayed scores tie exactly, so the
 * id decides, as the UI shows.
 */
export function combine(components: Components, weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (const name of COMPONENTS) {
    const w = weights[name];
    sum += w * components[name];
    total += w;
  }
  if (total <= 0) return 0;
  return Math.round((sum / total) * 10_000) / 100;
}

/** Checks a weight set: every component named, finite and ≥ 0, not all zero. */
export function validateWeights(weights: Weights): string[] {
  const problems: string[] = [];
  let total = 0;
  for (const name of COMPONENTS) {
    const w = weights[name];
    if (!Number.isFinite(w) || w < 0) problems.push(`${name} must be a number ≥ 0`);
    else total += w;
  }
  if (problems.length === 0 && total === 0) problems.push('at least one weight must be above 0');
  return problems;
}
