/** GET /api/v1/slots/{slotId}: one slot. PUT: replace it. See /api/v1/openapi.json. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { methodNotAllowed } from '~/api/http.server';
import { readSlotResponse, updateSlotResponse } from '~/api/slots.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return readSlotResponse(context.services, request, params);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'PUT') return methodNotAllowed(['GET', 'PUT']);
  return updateSlotResponse(context.services, request, params);
}
