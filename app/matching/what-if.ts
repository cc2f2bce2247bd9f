/**
 * The what-if file format (`npm run match -- --input FILE.json`), a public
 * interface documented in docs/what-if-matcher.md. Parsing refuses bad input with
 * the JSON path of every problem, e.g. `slots[0].danish.spoken`.
 */
import { z } from 'zod';
import { InvalidInput } from '../lib/errors.js';
import { calendarDate, STORED_DATE_RANGE } from '../lib/dates.js';
import type { GeoPoint } from '../lib/geo.js';
import { checkNetJobCreation, type NetJobAnswers } from '../rules/net-job-creation.js';
import type { Verdict } from '../rules/verdict.js';
import { type Reason, renderReason } from './explain.js';
import { matchSlot } from './match.js';
import type { Components, Weights } from './score.js';
import type { MatchCandidate, MatchSlot } from './types.js';

const cefr = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
/** A what-if file may describe any day (asOf): its dates lie within the database's range; birth and arrival not after asOf. */
const isoDate = calendarDate(STORED_DATE_RANGE);
const postalCode = z.string().regex(/^\d{4}$/, 'must be a 4-digit Danish postal code');
const skillUri = z.string().min(1).max(500);
const languageCode = z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "da" or "ar"');
const location = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict();

/** FTE as the slot form takes it (app/employers/schemas.ts): 0..20,000, two decimals. */
const fte = z.number().min(0).max(20_000).multipleOf(0.01);

/** Løntilskud net job creation: the employer's answers (app/rules/net-job-creation.ts). */
const netJobsSchema = z
  .object({ fteNow: fte, fte12mAgo: fte, fillsVacancy: z.boolean(), vacatedOn: isoDate.optional() })
  .strict()
  .superRefine((answers, ctx) => {
    if (answers.fillsVacancy && !answers.vacatedOn)
      ctx.addIssue({ code: 'custom', path: ['vacatedOn'], message: 'required when fillsVacancy is true' });
    if (!answers.fillsVacancy && answers.vacatedOn) ctx.addIssue({ code: 'custom', path: ['vacatedOn'], message: 'only when fillsVacancy is true' });
  });

const slotSchema = z
  .object({
    id: z.string().min(1),
    type: z.enum(['igu', 'praktik', 'loentilskud']),
    postalCode,
    /** Optional: overrides the postal code's coordinates. */
    location: location.optional(),
    startDate: isoDate,
    weeks: z.number().int().positive(),
    hoursPerWeek: z.number().positive().max(48),
    positions: z.number().int().positive(),
    skills: z.array(z.object({ esco: skillUri, required: z.boolean() }).strict()),
    danish: z.object({ spoken: cefr, written: cefr, withinMonths: z.number().int().positive().max(36).optional() }).strict(),
    languages: z.array(languageCode).optional(),
    occupationUri: z.string().min(1).optional(),
    sector: z.string().min(1).optional(),
    /** Optional, løntilskud only: without it a løntilskud slot's net-job check reports "unanswered". */
    netJobs: netJobsSchema.optional(),
  })
  .strict()
  .refine((slot) => slot.type === 'loentilskud' || slot.netJobs === undefined, {
    path: ['netJobs'],
    message: 'only for løntilskud slots',
  });

const candidateSchema = z
  .object({
    id: z.string().min(1),
    birthDate: isoDate,
    residenceBasis: z.enum(['refugee', 'family_reunified_refugee', 'family_reunified_other', 'ukraine_special_law', 'other']),
    arrivalDate: isoDate,
    postalCode,
    location: location.optional(),
    maxTravelKm: z.number().nonnegative().max(500),
    availableFrom: isoDate,
    skills: z.array(z.object({ esco: skillUri, years: z.number().nonnegative().optional() }).strict()),
    languages: z.array(z.object({ code: languageCode, spoken: cefr, written: cefr }).strict()),
    ambitions: z
      .object({ occupations: z.array(z.string().min(1)).optional(), sectors: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
    waitingSince: isoDate.optional(),
    // Accepted so real exports can be pasted in; the matcher never reads them.
    gender: z.string().optional(),
    nationality: z.string().optional(),
    religion: z.string().optional(),
  })
  .strict();

export const whatIfInputSchema = z
  .object({
    asOf: isoDate,
    slots: z.array(slotSchema),
    candidates: z.array(candidateSchema),
  })
  .strict()
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.slots.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['slots', i, 'id'], message: `duplicate slot id ${s.id}` });
      seen.add(s.id);
    });
    const seenC = new Set<string>();
    input.candidates.forEach((c, i) => {
      for (const field of ['birthDate', 'arrivalDate'] as const) {
        if (c[field] > input.asOf)
          ctx.addIssue({ code: 'custom', path: ['candidates', i, field], message: `must be on or before asOf (${input.asOf})` });
      }
      if (seenC.has(c.id)) ctx.addIssue({ code: 'custom', path: ['candidates', i, 'id'], message: `duplicate candidate id ${c.id}` });
      seenC.add(c.id);
    });
  });

export type WhatIfInput = z.infer<typeof whatIfInputSchema>;

/** `['slots', 0, 'danish', 'spoken']` → `slots[0].danish.spoken`; the root is `$`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '$';
}

/** Parses a what-if file's JSON value; throws `InvalidInput` whose `fields` map JSON paths to messages. */
export function parseWhatIfInput(value: unknown): WhatIfInput {
  const result = whatIfInputSchema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = jsonPath(issue.path);
    (fields[key] ??= []).push(issue.message);
  }
  throw new InvalidInput('The what-if input is invalid', fields);
}

/** Looks up a postal code's coordinates; null when unknown. */
export type PostalCodeLookup = (code: string) => GeoPoint | null;

/**
 * Turns parsed input into matcher types, resolving postal codes through the
 * injected lookup (unless a `location` is given). Unknown postal codes are
 * refused with their JSON paths.
 */
export function resolveWhatIfInput(input: WhatIfInput, lookup: PostalCodeLookup): ResolvedWhatIf {
  const fields: Record<string, string[]> = {};
  const locate = (path: string, code: string, given: GeoPoint | undefined): GeoPoint => {
    if (given) return given;
    const found = lookup(code);
    if (found) return found;
    fields[path] = [`unknown postal code ${code}`];
    return { lat: 0, lon: 0 };
  };
  const slots = input.slots.map((s, i): MatchSlot => ({
    id: s.id,
    type: s.type,
    location: locate(`slots[${i}].postalCode`, s.postalCode, s.location),
    startDate: s.startDate,
    weeks: s.weeks,
    hoursPerWeek: s.hoursPerWeek,
    positions: s.positions,
    skills: s.skills,
    danish: s.danish,
    languages: s.languages,
    occupationUri: s.occupationUri ?? null,
    sector: s.sector ?? null,
  }));
  const candidates = input.candidates.map((c, i): MatchCandidate => ({
    id: c.id,
    birthDate: c.birthDate,
    residenceBasis: c.residenceBasis,
    arrivalDate: c.arrivalDate,
    location: locate(`candidates[${i}].postalCode`, c.postalCode, c.location),
    maxTravelKm: c.maxTravelKm,
    availableFrom: c.availableFrom,
    skills: c.skills,
    languages: c.languages,
    ambitions: c.ambitions,
    waitingSince: c.waitingSince ?? null,
    gender: c.gender ?? null,
    nationality: c.nationality ?? null,
  }));
  if (Object.keys(fields).length > 0) throw new InvalidInput('Unknown postal codes in the what-if input', fields);
  const netJobs = new Map<string, NetJobAnswers | null>();
  for (const s of input.slots) {
    if (s.type !== 'loentilskud') continue;
    netJobs.set(s.id, s.netJobs ? { ...s.netJobs, vacatedOn: s.netJobs.vacatedOn ?? null } : null);
  }
  return { asOf: input.asOf, slots, candidates, netJobs };
}

export type ResolvedWhatIf = {
  asOf: string;
  slots: MatchSlot[];
  candidates: MatchCandidate[];
  /** Løntilskud slots only: the net-job-creation answers (null when the file gives none). */
  netJobs?: ReadonlyMap<string, NetJobAnswers | null>;
};

export type WhatIfOutput = {
  slots: Array<{
    slotId: string;
    ranked: Array<{ candidateId: string; score: number; components: Record<string, number>; reasons: string[]; reasonCodes: Reason[] }>;
    excluded: Array<{ candidateId: string; rule: string; reason: string; source: string }>;
    /** Løntilskud slots only: the slot's own approval checks (net job creation) on its start date. */
    checks?: Verdict[];
  }>;
};

/** Runs the matcher over a resolved what-if input, in the file's slot order, with English reasons. */
export function runWhatIf(resolved: ResolvedWhatIf, opts: { top?: number; weights?: Weights } = {}): WhatIfOutput {
  return {
    slots: resolved.slots.map((slot) => {
      const result = matchSlot(slot, resolved.candidates, { asOf: resolved.asOf, top: opts.top, weights: opts.weights });
      return {
        slotId: result.slotId,
        ranked: result.ranked.map((p) => ({
          candidateId: p.candidateId,
          score: p.score,
          components: roundComponents(p.components),
          reasons: p.reasons.map((r) => renderReason(r)),
          reasonCodes: p.reasons,
        })),
        excluded: result.excluded.map((e) => ({ candidateId: e.candidateId, rule: e.rule, reason: e.reason, source: e.source })),
        ...(resolved.netJobs?.has(slot.id) ? { checks: checkNetJobCreation(resolved.netJobs.get(slot.id) ?? null, slot.startDate) } : {}),
      };
    }),
  };
}

function roundComponents(components: Components): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(components)) out[name] = Math.round(value * 1000) / 1000;
  return out;
}
