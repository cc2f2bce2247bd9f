/** POST /api/v1/slots/{slotId}/close. See /api/v1/openapi.json. */
import type { ActionFunctionArgs } from '@remix-run/node';
import { methodNotAllowed } from '~/api/http.server';
import { slotTransitionResponse } from '~/api/slots.server';

export async function loader() {
  return methodNotAllowed(['POST']);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(['POST']);
  return slotTransitionResponse(context.services, request, params, 'close');
}
