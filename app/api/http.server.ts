/**
 * The JSON API's edges: who is asking (an organisation API key), body and
 * query parsing with English messages for every field path, and errors as
 * `{ error: { code, message, details } }` with a 4xx status.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { authenticateApiKey } from '../employers/api-keys.server.js';
import type { EmployerActor } from '../employers/organisations.server.js';
import { RatioRuleViolation } from '../employers/slots.server.js';
import en from '../i18n/locales/en/employer.json';
import { InvalidInput } from '../lib/errors.js';
import { fieldsOf, jsonError, parseJsonBody } from '../lib/http.server.js';
import type { ApiErrorBody } from './schemas.js';
import { englishRatioRuleText } from '../employers/ratio-rule-text.js';

const messages: Record<string, string> = en.errors;

/** A message key (employer:errors.*) in English; anything else as it is. */
function english(message: string): string {
  return messages[message] ?? message;
}

/** The organisation the request's API key speaks for. */
export async function requireApiActor(deps: { db: Kysely<DB>; clock: () => Date }, request: Request): Promise<EmployerActor> {
  return authenticateApiKey(deps, request.headers.get('Authorization'));
}

/** Parses the JSON body with `schema`; throws `InvalidInput` naming every bad field path. */
export async function parseApiBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const raw = await parseJsonBody(request, z.unknown());
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput('The request has invalid fields', fieldsOf(parsed.error.issues, english));
  return parsed.data;
}

/** Parses URL search params or route params with `schema`. */
export function parseApiParams<S extends z.ZodType>(values: Record<string, string | undefined>, schema: S): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new InvalidInput('The request has invalid parameters', fieldsOf(parsed.error.issues, english));
  return parsed.data;
}

/** Any error as the API's JSON error answer. */
export function apiErrorResponse(error: unknown, logger: Pick<Logger, 'error'>): Response {
  if (error instanceof InvalidInput) {
    const fields = Object.fromEntries(Object.entries(error.fields).map(([path, list]) => [path, list.map(english)]));
    const body: ApiErrorBody = { error: { code: error.code, message: error.message, details: fields } };
    return Response.json(body, { status: 400 });
  }
  if (error instanceof RatioRuleViolation) {
    const message = englishRatioRuleText({ capacity: error.capacity, used: error.used });
    const body: ApiErrorBody = {
      error: {
        code: error.code,
        message,
        details: { rule: error.rule, source: error.source, capacity: error.capacity, used: error.used, fields: { positions: [message] } },
      },
    };
    return Response.json(body, { status: 422 });
  }
  return jsonError(error, logger);
}

/** 405 for a method the route does not serve. */
export function methodNotAllowed(allowed: string[]): Response {
  const body: ApiErrorBody = { error: { code: 'method_not_allowed', message: `Use ${allowed.join(' or ')}`, details: {} } };
  return Response.json(body, { status: 405, headers: { Allow: allowed.join(', ') } });
}
