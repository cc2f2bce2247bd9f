/**
 * GET /candidate/profile/experience/suggestions?occupation=<uri>&occupation=<uri>
 * The experience step's suggested skills for the occupations ticked and not yet
 * saved, as JSON ({ suggestions }): the page asks as the ticks change, instead
 * of carrying every occupation's skills. 400 naming `occupation` for an unknown
 * URI or too many.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireUser } from '~/auth/session.server';
import { experienceSuggestions, parseSuggestionsQuery } from '~/candidates/experience-suggestions.server';
import { loadOwnProfile } from '~/candidates/profile.server';
import { resolveLocale } from '~/i18n/i18next.server';
import { jsonError } from '~/lib/http.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context, ['candidate']);
  let occupations: string[];
  try {
    occupations = parseSuggestionsQuery(new URL(request.url).searchParams);
  } catch (error) {
    return jsonError(error);
  }
  const [lang, profile] = await Promise.all([resolveLocale(request, context), loadOwnProfile(context.services, user)]);
  const suggestions = experienceSuggestions({ occupations, have: profile.skills.map((s) => s.skill_uri), lang });
  // The candidate's own skills are left out: nothing for a shared cache.
  return Response.json({ suggestions }, { headers: { 'Cache-Control': 'private, no-store' } });
}
