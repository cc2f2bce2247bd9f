/**
 * GET /api/v1/slots/{slotId}/matches with an organisation API key: the
 * candidates approved for the slot, as the employer's slot page shows them
 * (issue 21.6). Each read is audit logged and shown to the candidates.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import type { SearchEngine } from '../../search/engine.js';
import { slotMatchesForEmployer } from '../matching/views.server.js';
import { apiErrorResponse, parseApiParams, requireApiActor } from './http.server.js';
import { slotIdParamsSchema } from './schemas.js';

export type MatchesApiDeps = { db: Kysely<DB>; search: SearchEngine; clock: () => Date; logger: Pick<Logger, 'error'> };

/** Whether the request carries an organisation API key (`jbk_…`) rather than a session. */
export function hasApiKey(request: Request): boolean {
  return /^Bearer\s+jbk_/i.test(request.headers.get('Authorization') ?? '');
}

export async function slotMatchesResponse(deps: MatchesApiDeps, request: Request, params: Record<string, string | undefined>): Promise<Response> {
  try {
    const actor = await requireApiActor(deps, request);
    const { slotId } = parseApiParams({ slotId: params.slotId ?? params.id }, slotIdParamsSchema);
    return Response.json(await slotMatchesForEmployer(deps, actor, slotId), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return apiErrorResponse(error, deps.logger);
  }
}
