/**
 * The OpenAPI 3.1 document of /api/v1, generated from the Zod schemas the
 * routes validate with (app/api/schemas.ts), so it cannot drift from them.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  employerMatchListSchema,
  errorBodySchema,
  slotBodySchema,
  slotIdParamsSchema,
  slotListQuerySchema,
  slotListResponseSchema,
  slotResponseSchema,
} from './schemas.js';

function buildDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An organisation API key, `jbk_<prefix>_<secret>`, created under Company → API keys.',
  });
  const security = [{ [bearer.name]: [] }];
  const Slot = slotResponseSchema;
  const SlotInput = slotBodySchema;
  const SlotList = slotListResponseSchema;
  const ErrorBody = errorBodySchema;
  const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
  const integer = (description: string) => ({ description, schema: { type: 'integer' as const, minimum: 0 } });
  // Any /api/v1 call may be refused by the rate limits (app/api/rate-limit.server.ts).
  const rateLimited = {
    429: {
      ...json(ErrorBody, 'Too many requests: wait `Retry-After` seconds (also in `details.retryAfterSeconds`); code `rate_limited`'),
      headers: {
        'Retry-After': integer('Seconds to wait before the next request'),
        'RateLimit-Limit': integer('Requests allowed per minute for this API key'),
        'RateLimit-Remaining': integer('Requests left in the current minute'),
        'RateLimit-Reset': integer('Seconds until the current minute (or block) ends'),
      },
    },
  };
  const errors = (...statuses: Array<400 | 401 | 403 | 404 | 409 | 422>) => ({
    ...Object.fromEntries(
      statuses.map((status) => [
        status,
        json(
          ErrorBody,
          {
            400: 'Invalid input; `details` maps each field path to its messages',
            401: 'Missing, unknown or revoked API key',
            403: 'The slot belongs to another organisation',
            404: 'No such slot in your organisation',
            409: 'Not allowed in the slot’s current status',
            422: 'A rule of the scheme refused it (e.g. the ratio rule); `details.rule` names it',
          }[status],
        ),
      ]),
    ),
    ...rateLimited,
  });

  registry.registerPath({
    method: 'get',
    path: '/api/v1/slots',
    summary: "List your organisation's slots, newest first",
    security,
    request: { query: slotListQuerySchema },
    responses: { 200: json(SlotList, 'The slots'), ...errors(400, 401) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/v1/slots',
    summary: 'Create a slot (as a draft)',
    security,
    request: { body: { required: true, content: { 'application/json': { schema: SlotInput } } } },
    responses: { 201: json(Slot, 'The new slot'), ...errors(400, 401, 422) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/v1/slots/{slotId}',
    summary: 'Read one slot',
    security,
    request: { params: slotIdParamsSchema },
    responses: { 200: json(Slot, 'The slot'), ...errors(401, 404) },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/v1/slots/{slotId}',
    summary: 'Replace a draft or published slot',
    security,
    request: { params: slotIdParamsSchema, body: { required: true, content: { 'application/json': { schema: SlotInput } } } },
    responses: { 200: json(Slot, 'The updated slot'), ...errors(400, 401, 404, 409, 422) },
  });
  for (const [action, summary] of [
    ['publish', 'Publish a draft (candidates see it once your organisation is verified)'],
    ['close', 'Close a slot'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/api/v1/slots/{slotId}/${action}`,
      summary,
      security,
      request: { params: slotIdParamsSchema },
      responses: { 200: json(Slot, 'The slot'), ...errors(401, 404, 409, 422) },
    });
  }

  registry.registerPath({
    method: 'get',
    path: '/api/v1/slots/{slotId}/matches',
    summary: 'The candidates a jobcentre approved for your slot',
    description:
      'What the slot page shows, and no more: skills, Danish level, availability and area. Each candidate is named by a ' +
      'reference that belongs to this slot only; name and contact appear once the candidate has agreed to share them ' +
      'with you for this slot. Every read is logged, and the candidates see that your organisation looked.',
    security,
    request: { params: slotIdParamsSchema },
    responses: { 200: json(employerMatchListSchema, 'The approved candidates'), ...errors(401, 403, 404) },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Jobbro employer API',
      version: '1.0.0',
      description: "Manage your organisation's IGU, virksomhedspraktik and løntilskud slots from your own systems.",
    },
    servers: [{ url: '/' }],
  });
}

let cached: ReturnType<typeof buildDocument> | undefined;

/** The document, built once. */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  cached ??= buildDocument();
  return cached;
}
