/** GET /api/v1/slots: the organisation's slots. POST: create a draft. See /api/v1/openapi.json. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { methodNotAllowed } from '~/api/http.server';
import { createSlotResponse, listSlotsResponse } from '~/api/slots.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  return listSlotsResponse(context.services, request);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(['GET', 'POST']);
  return createSlotResponse(context.services, request);
}
