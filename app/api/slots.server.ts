/**
 * The /api/v1/slots handlers: request in, JSON Response out. Each checks the
 * API key, parses with the schemas in the OpenAPI document, calls one
 * employer domain function and maps errors to JSON. The Remix routes only
 * pass their request through, so tests call these directly.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import { changeSlotStatus, createSlot, getSlot, listSlots, updateSlot, type SlotTransition } from '../employers/slots.server.js';
import { apiErrorResponse, parseApiBody, parseApiParams, requireApiActor } from './http.server.js';
import { slotBodySchema, slotIdParamsSchema, slotListQuerySchema } from './schemas.js';

export type ApiDeps = { db: Kysely<DB>; clock: () => Date; logger: Pick<Logger, 'error'> };
type Params = Record<string, string | undefined>;

async function handle(deps: ApiDeps, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    return apiErrorResponse(error, deps.logger);
  }
}

export function listSlotsResponse(deps: ApiDeps, request: Request): Promise<Response> {
  return handle(deps, async () => {
    const actor = await requireApiActor(deps, request);
    const query = parseApiParams(Object.fromEntries(new URL(request.url).searchParams), slotListQuerySchema);
    return Response.json({ slots: await listSlots(deps, actor, query) });
  });
}

export function createSlotResponse(deps: ApiDeps, request: Request): Promise<Response> {
  return handle(deps, async () => {
    const actor = await requireApiActor(deps, request);
    const input = await parseApiBody(request, slotBodySchema);
    return Response.json(await createSlot(deps, actor, input, { publish: false }), { status: 201 });
  });
}

export function readSlotResponse(deps: ApiDeps, request: Request, params: Params): Promise<Response> {
  return handle(deps, async () => {
    const actor = await requireApiActor(deps, request);
    const { slotId } = parseApiParams(params, slotIdParamsSchema);
    return Response.json(await getSlot(deps, actor, slotId));
  });
}

export function updateSlotResponse(deps: ApiDeps, request: Request, params: Params): Promise<Response> {
  return handle(deps, async () => {
    const actor = await requireApiActor(deps, request);
    const { slotId } = parseApiParams(params, slotIdParamsSchema);
    const input = await parseApiBody(request, slotBodySchema);
    return Response.json(await updateSlot(deps, actor, slotId, input));
  });
}

export function slotTransitionResponse(deps: ApiDeps, request: Request, params: Params, transition: SlotTransition): Promise<Response> {
  return handle(deps, async () => {
    const actor = await requireApiActor(deps, request);
    const { slotId } = parseApiParams(params, slotIdParamsSchema);
    return Response.json(await changeSlotStatus(deps, actor, slotId, transition));
  });
}
