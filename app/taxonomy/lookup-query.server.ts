/**
 * GET /api/v1/skills: the query parsed with Zod at the boundary, and the JSON
 * answer (the route only calls {@link answerSkillLookup}).
 */
import { z } from 'zod';
import { InvalidInput } from '../lib/errors.js';
import { jsonError } from '../lib/http.server.js';
import { lookupTaxonomy, type LookupQuery } from './lookup.js';

export const skillLookupQuerySchema = z.object({
  q: z.string().trim().min(1, 'Type at least one character').max(100, 'At most 100 characters'),
  lang: z.enum(['da', 'en', 'ar', 'uk']).default('da'),
  kind: z.enum(['skill', 'occupation']).optional(),
  limit: z.coerce.number().int('A whole number').min(1).max(50).default(10),
});

/** Parses URL search parameters into a lookup query; throws InvalidInput naming each bad field. */
export function parseSkillLookupQuery(params: URLSearchParams): LookupQuery {
  const raw: Record<string, string> = {};
  for (const key of ['q', 'lang', 'kind', 'limit']) {
    const value = params.get(key);
    if (value !== null && !(key !== 'q' && value === '')) raw[key] = value;
  }
  const parsed = skillLookupQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fields[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message);
    throw new InvalidInput('The skill lookup query is invalid', fields);
  }
  const { q, lang, kind, limit } = parsed.data;
  return { q, lang, kinds: kind ? [kind] : undefined, limit };
}

/** `{ results }` for a lookup request, or a 400 `invalid_input` JSON error naming the bad fields. */
export function answerSkillLookup(request: Request): Response {
  try {
    const query = parseSkillLookupQuery(new URL(request.url).searchParams);
    return Response.json({ results: lookupTaxonomy(query) }, { headers: { 'Cache-Control': 'public, max-age=300' } });
  } catch (error) {
    return jsonError(error);
  }
}
