/**
 * The skills suggested on the experience step: for the occupations saved (the
 * step's loader) and for those ticked before a save (the step's suggestions
 * route, asked by the page as the ticks change). One choice for both, so that
 * the list the page is drawn with and the one it fetches agree.
 */
import { z } from 'zod';
import { InvalidInput } from '../lib/errors.js';
import { suggestSkillsFor, type SkillSuggestion } from '../taxonomy/skill-suggestions.server.js';
import { getTaxonomy, type Locale } from '../taxonomy/taxonomy.js';
import { MAX_OCCUPATIONS } from './profile-schemas.js';

export type { SkillSuggestion } from '../taxonomy/skill-suggestions.server.js';

/** How many suggested skills the step shows at once. */
export const EXPERIENCE_SUGGESTIONS = 16;

/**
 * The step's suggestions for `occupations`, without the skills the candidate
 * has. The occupations are taken in the taxonomy's order, whatever order they
 * were saved or ticked in, so that the same ticks give the same list.
 */
export function experienceSuggestions(input: { occupations: Iterable<string>; have: Iterable<string>; lang: Locale }): SkillSuggestion[] {
  const wanted = new Set(input.occupations);
  const occupations = getTaxonomy().occupations.flatMap((o) => (wanted.has(o.uri) ? [o.uri] : []));
  return suggestSkillsFor({ occupations, have: input.have, lang: input.lang, limit: EXPERIENCE_SUGGESTIONS });
}

const suggestionsQuerySchema = z.object({
  occupation: z
    .array(z.string().refine((uri) => getTaxonomy().occupationByUri.has(uri), 'Not an occupation of the taxonomy'))
    .max(MAX_OCCUPATIONS, `At most ${MAX_OCCUPATIONS} occupations`),
});

/** The ticked occupations of `?occupation=<uri>&occupation=<uri>`; throws InvalidInput naming `occupation`. */
export function parseSuggestionsQuery(params: URLSearchParams): string[] {
  const parsed = suggestionsQuerySchema.safeParse({ occupation: params.getAll('occupation') });
  if (!parsed.success) {
    throw new InvalidInput('The occupations asked for are invalid', { occupation: parsed.error.issues.map((issue) => issue.message) });
  }
  return parsed.data.occupation;
}
