/**
 * The consultant's what-if on a slot (issue 24, item 6): the changes a
 * consultant may try (Danish requirement, skills, start date), read from the
 * page's query string, and how each candidate moves between the ranking now
 * and the ranking with the changes. The ranking itself is the matcher's
 * (app/workbench/what-if.server.ts); nothing here ranks.
 */
import { z } from 'zod';
import type { Cefr } from '../../db/schema.js';
import { calendarDate } from '../lib/dates.js';
import { cefrLevels } from '../taxonomy/language-levels.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';

/** The slot facts a what-if may change; every field says the whole new value. */
export type SlotFacts = {
  /** null: no requirement. */
  danishSpoken: Cefr | null;
  danishWritten: Cefr | null;
  /** ESCO skill URIs. */
  mustSkills: string[];
  niceSkills: string[];
  startDate: string;
};

/** Message keys (whatif:errors.*) the form shows next to a field. */
export type WhatIfErrorKey = 'danishLevel' | 'skillUnknown' | 'tooMany' | 'skillTwice' | 'date' | 'dateRange';
const e = (key: WhatIfErrorKey) => ({ message: key });

const skillUri = z.string().refine((uri) => getTaxonomy().skillByUri.has(uri), e('skillUnknown'));

/**
 * The what-if form's query string, parsed with `parseSubmission` (empty
 * fields arrive as undefined: an empty Danish field means no requirement).
 * A start date may be tried from a year back (a published slot may have
 * started) to five years ahead.
 */
export const whatIfQuerySchema = z
  .object({
    danishSpoken: z.enum(cefrLevels, e('danishLevel')).optional(),
    danishWritten: z.enum(cefrLevels, e('danishLevel')).optional(),
    mustSkills: z.array(skillUri).max(20, e('tooMany')).default([]),
    niceSkills: z.array(skillUri).max(20, e('tooMany')).default([]),
    startDate: calendarDate(
      { earliest: { yearsFromToday: -1 }, latest: { yearsFromToday: 5 } },
      { messages: { invalid: 'date', tooEarly: 'dateRange', tooLate: 'dateRange' } satisfies Record<string, WhatIfErrorKey> },
    ),
  })
  .superRefine((query, ctx) => {
    query.niceSkills.forEach((uri, index) => {
      if (query.mustSkills.includes(uri)) ctx.addIssue({ code: 'custom', path: ['niceSkills', index], message: 'skillTwice' });
    });
  });

export function factsFromQuery(query: z.output<typeof whatIfQuerySchema>): SlotFacts {
  return {
    danishSpoken: query.danishSpoken ?? null,
    danishWritten: query.danishWritten ?? null,
    mustSkills: [...new Set(query.mustSkills)],
    niceSkills: [...new Set(query.niceSkills)],
    startDate: query.startDate,
  };
}

/** True when the two sets of facts would rank alike (skills compared as sets). */
export function sameFacts(a: SlotFacts, b: SlotFacts): boolean {
  const sameSet = (x: readonly string[], y: readonly string[]) => x.length === y.length && new Set([...x, ...y]).size === x.length;
  return (
    a.danishSpoken === b.danishSpoken &&
    a.danishWritten === b.danishWritten &&
    a.startDate === b.startDate &&
    sameSet(a.mustSkills, b.mustSkills) &&
    sameSet(a.niceSkills, b.niceSkills)
  );
}

/**
 * Where a candidate stands with the changes compared with now: `up`/`down`
 * by `places`, `same`, `new` (ranked only with the changes) or `out` (ranked
 * now, not with the changes).
 */
export type Movement = { kind: 'up' | 'down'; places: number } | { kind: 'same' | 'new' | 'out' };

/** The movement of every candidate in either ranking, by candidate id. */
export function movementsBetween(now: readonly string[], withChanges: readonly string[]): Map<string, Movement> {
  const rankNow = new Map(now.map((id, index) => [id, index]));
  const movements = new Map<string, Movement>();
  withChanges.forEach((id, index) => {
    const before = rankNow.get(id);
    if (before === undefined) movements.set(id, { kind: 'new' });
    else if (before > index) movements.set(id, { kind: 'up', places: before - index });
    else if (before < index) movements.set(id, { kind: 'down', places: index - before });
    else movements.set(id, { kind: 'same' });
  });
  for (const id of now) if (!movements.has(id)) movements.set(id, { kind: 'out' });
  return movements;
}
