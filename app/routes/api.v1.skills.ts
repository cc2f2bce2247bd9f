/**
 * GET /api/v1/skills?q=…&lang=da|en|ar|uk&kind=skill|occupation&limit=1–50
 * Finds skills and occupations by any label or synonym in any language; labels
 * are returned in `lang`. Public (no login): the taxonomy holds no personal data.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { answerSkillLookup } from '~/taxonomy/lookup-query.server';

export async function loader({ request }: LoaderFunctionArgs) {
  return answerSkillLookup(request);
}
