/**
 * GET /api/v1/slots/{id}/matches — consultants: the ranked candidates in
 * their scope; employers (a session, or an organisation API key): the
 * candidates approved for their own slot, as the slot page shows them.
 * 401 without a session or key, 403 for another employer's slot, 404 for an
 * unknown or malformed id.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { z } from 'zod';
import { requireUser } from '~/auth/session.server';
import { NotFound } from '~/lib/errors';
import { jsonError } from '~/lib/http.server';
import { slotMatchesForViewer } from '~/matching/views.server';
import { hasApiKey, slotMatchesResponse } from '~/api/matches.server';

const paramsSchema = z.object({ id: z.uuid() });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (hasApiKey(request)) return slotMatchesResponse(context.services, request, params);
  try {
    const user = await requireUser(request, context, ['consultant', 'employer']);
    const parsed = paramsSchema.safeParse(params);
    if (!parsed.success) throw new NotFound('Slot', params.id);
    const { db, search, clock } = context.services;
    return Response.json(await slotMatchesForViewer({ db, search, clock }, user, parsed.data.id), {
      headers: { 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return jsonError(error, context.services.logger);
  }
}
