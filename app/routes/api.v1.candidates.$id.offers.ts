/**
 * GET /api/v1/candidates/{id}/offers — the candidate themself, or a
 * consultant of the candidate's jobcentre: slots ranked for the candidate.
 * 401 without a session, 403 for anyone else, 404 for an unknown or
 * malformed id.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { NotFound } from '~/lib/errors';
import { jsonError } from '~/lib/http.server';
import { candidateOffersForViewer } from '~/matching/views.server';

const paramsSchema = z.object({ id: z.uuid() });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  try {
    const user = await requireUser(request, context, ['candidate', 'consultant']);
    const parsed = paramsSchema.safeParse(params);
    if (!parsed.success) throw new NotFound('Candidate', params.id);
    const { db, search, clock } = context.services;
    return Response.json(await candidateOffersForViewer({ db, search, clock }, user, parsed.data.id), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return jsonError(error, context.services.logger);
  }
}
