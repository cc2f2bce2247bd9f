/**
 * HTTP edges shared by routes: typed errors to JSON, and body parsing that
 * answers 400 (never 500) for anything a client can get wrong.
 */
import type { Logger } from 'pino';
import type { z } from 'zod';
import { DomainError, InvalidInput, httpStatusOf } from './errors.js';
import { fieldsOf } from './field-errors.js';
import { parseSubmission } from './form-submission.js';

export type ErrorBody = { error: { code: string; message: string; details: unknown } };

/** Bodies above this are refused before parsing; no Jobbro form comes close. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * The JSON answer for an error: typed domain errors keep their status and
 * code; a thrown Response passes through; anything else is a 500 that is
 * logged (the client sees no internals).
 */
export function jsonError(error: unknown, logger?: Pick<Logger, 'error'>): Response {
  if (error instanceof Response) return error;
  if (error instanceof DomainError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details ?? {} } };
    return Response.json(body, { status: httpStatusOf(error) });
  }
  if (logger) logger.error({ err: error }, 'unexpected error');
  else console.error(error);
  const body: ErrorBody = { error: { code: 'internal', message: 'Something went wrong on our side', details: {} } };
  return Response.json(body, { status: 500 });
}

/** Throws (as Remix expects) a 400 JSON Response for an `InvalidInput`. */
function badRequest(error: InvalidInput): never {
  throw jsonError(error);
}

async function readText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES) badRequest(new InvalidInput('The request body is too large'));
  try {
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) badRequest(new InvalidInput('The request body is too large'));
    return text;
  } catch (error) {
    if (error instanceof Response) throw error;
    badRequest(new InvalidInput('The request body could not be read'));
  }
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) badRequest(new InvalidInput('The request has invalid fields', fieldsOf(parsed.error.issues)));
  return parsed.data;
}

/** Parses a JSON body with `schema`; malformed JSON or invalid fields → a thrown 400 with code `invalid_input`. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const text = await readText(request);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    badRequest(new InvalidInput('The request body is not valid JSON'));
  }
  // JSON cannot carry a raw NUL, only the escape `\u0000`: bodies without that text need no walk.
  if (text.includes('\\u0000')) refuseNul(stringsOf(value));
  return validate(schema, value);
}

/** Every string in a JSON value (keys too) with its path; iterative, as bodies may nest deeper than the stack. */
function stringsOf(value: unknown): Array<readonly [string, string]> {
  const found: Array<readonly [string, string]> = [];
  const stack: Array<[string, unknown]> = [['', value]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [path, item] = next;
    if (typeof item === 'string') found.push([path || '_', item]);
    else if (Array.isArray(item)) item.forEach((one, i) => stack.push([path ? `${path}.${i}` : String(i), one]));
    else if (item !== null && typeof item === 'object') {
      for (const [key, one] of Object.entries(item)) {
        const at = path ? `${path}.${key}` : key;
        found.push([at, key]);
        stack.push([at, one]);
      }
    }
  }
  return found;
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a value with one
 * would fail at the INSERT as a 500. No one types it, so every form and JSON
 * body is refused here, once for all routes, naming the fields.
 */
function refuseNul(values: ReadonlyArray<readonly [string, string]>): void {
  const fields: Record<string, string[]> = {};
  for (const [name, value] of values) {
    if (value.includes('\u0000')) fields[name.replaceAll('\u0000', '\uFFFD') || '_'] = ['Text cannot contain the NUL character (U+0000)'];
  }
  if (Object.keys(fields).length > 0) badRequest(new InvalidInput('The request has invalid fields', fields));
}

/**
 * The request's form data; a body that is not a readable form (wrong or
 * missing Content-Type, broken multipart) or that holds a NUL character →
 * a thrown 400, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get('Content-Length') ?? '0');
  if (declared > MAX_BODY_BYTES) badRequest(new InvalidInput('The request body is too large'));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    badRequest(new InvalidInput('The request body is not a readable form'));
  }
  refuseNul([...form.entries()].flatMap(([name, value]) => [[name, name] as const, ...(typeof value === 'string' ? [[name, value] as const] : [])]));
  return form;
}

/**
 * Parses a form whose fields are all hidden (an intent and an id) with
 * `parseSubmission`. Nothing there is the person's to correct beside a
 * field, so invalid fields are a thrown 400 naming them (code
 * `invalid_input`), as the API answers; an unreadable body too.
 */
export async function parseHiddenForm<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const submission = parseSubmission(await readFormData(request), schema);
  if (submission.status !== 'success') badRequest(new InvalidInput('The request has invalid fields', submittedErrors(submission.error)));
  return submission.value;
}

/**
 * For a form with fields the person fills in, read with `parseSubmission`:
 * when a field outside `visible` was refused (an intent, an id: nothing
 * anyone types), the form was tampered with or is out of date and nothing
 * could be shown beside a field, so it is a thrown 400 naming the fields,
 * as `parseHiddenForm` answers. Otherwise it returns and the page shows the
 * errors beside their fields.
 */
export function refuseTamperedForm(errors: Record<string, string[] | null> | null | undefined, visible: ReadonlySet<string>): void {
  const refused = Object.entries(errors ?? {}).flatMap(([name, messages]) => (messages ? [name] : []));
  if (refused.length > 0 && refused.every((name) => visible.has(name))) return;
  badRequest(new InvalidInput('The request has invalid fields', submittedErrors(errors)));
}

/** A refused submission's errors by field (`_` for the form as a whole), as an `InvalidInput` carries them. */
export function submittedErrors(errors: Record<string, string[] | null> | null | undefined): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const [name, messages] of Object.entries(errors ?? {})) if (messages) fields[name || '_'] = messages;
  return fields;
}
