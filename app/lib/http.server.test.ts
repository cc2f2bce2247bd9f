import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Forbidden, InvalidInput, NotFound } from './errors.js';
import { jsonError, parseHiddenForm, parseJsonBody, readFormData } from './http.server.js';

const schema = z.object({ title: z.string().min(1), positions: z.number().int().positive() });

function jsonRequest(body: string): Request {
  return new Request('http://localhost/api/slots', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
}

async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error('expected a thrown Response');
}

describe('parseJsonBody', () => {
  it('returns the parsed value for a valid body', async () => {
    await expect(parseJsonBody(jsonRequest('{"title":"Kok","positions":2}'), schema)).resolves.toEqual({ title: 'Kok', positions: 2 });
  });

  it('answers 400 invalid_input for malformed JSON', async () => {
    const response = await thrownResponse(parseJsonBody(jsonRequest('{"title": "Kok",'), schema));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('answers 400 with the failing fields for a well-formed but invalid body', async () => {
    const response = await thrownResponse(parseJsonBody(jsonRequest('{"title":"","positions":-1}'), schema));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.details).sort()).toEqual(['positions', 'title']);
  });

  it('answers 400 for an empty body and for a body that is too large', async () => {
    expect((await thrownResponse(parseJsonBody(jsonRequest(''), schema))).status).toBe(400);
    const big = new Request('http://localhost/api/slots', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '5000000' },
      body: 'x',
    });
    expect((await thrownResponse(parseJsonBody(big, schema))).status).toBe(400);
  });
});

describe('parseHiddenForm', () => {
  const formSchema = z.object({ lng: z.enum(['da', 'en']), tags: z.array(z.string()).optional() });

  it('parses a urlencoded form, repeated names as arrays', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'lng=en&tags=a&tags=b',
    });
    await expect(parseHiddenForm(request, formSchema)).resolves.toEqual({ lng: 'en', tags: ['a', 'b'] });
  });

  it('answers 400 for invalid fields and for a body that is not a form', async () => {
    const invalid = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'lng=xx',
    });
    expect((await thrownResponse(parseHiddenForm(invalid, formSchema))).status).toBe(400);
    const notAForm = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=nope' },
      body: 'garbage',
    });
    const response = await thrownResponse(parseHiddenForm(notAForm, formSchema));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalid_input');
  });
});

// PostgreSQL text cannot hold U+0000: a note or title with one answered 500 at the INSERT (found by the fuzz suite).
describe('the NUL character', () => {
  const NUL_MESSAGE = 'Text cannot contain the NUL character (U+0000)';
  const formRequest = (body: BodyInit) =>
    new Request('http://localhost/x', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });

  it('is refused in a form field, naming the field, before the schema runs', async () => {
    const response = await thrownResponse(parseHiddenForm(formRequest('lng=en&note=a%00b'), z.object({ lng: z.string(), note: z.string() })));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid_input', details: { note: [NUL_MESSAGE] } });
  });

  it('is refused as a raw byte after invalid UTF-8, in a field name, and in forms read without a schema', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('note='), 0xff, 0xfe, 0xc3, 0x28, 0x00]);
    const raw = await thrownResponse(readFormData(formRequest(bytes)));
    expect((await raw.json()).error.details).toEqual({ note: [NUL_MESSAGE] });
    const name = await thrownResponse(readFormData(formRequest('a%00b=1')));
    expect((await name.json()).error.details).toEqual({ 'a\uFFFDb': [NUL_MESSAGE] });
  });

  it('is refused anywhere in a JSON body, with the path', async () => {
    const response = await thrownResponse(parseJsonBody(jsonRequest('{"title":"Kok","skills":[{"uri":"x\\u0000"}]}'), z.unknown()));
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toEqual({ 'skills.0.uri': [NUL_MESSAGE] });
  });

  it('leaves other text, a lone escaped backslash-zero included, alone', async () => {
    await expect(parseJsonBody(jsonRequest('{"title":"\\\\u0000 ok"}'), z.object({ title: z.string() }))).resolves.toEqual({ title: '\\u0000 ok' });
    const form = await readFormData(formRequest('note=%5Cu0000+%E2%80%AEx'));
    expect(form.get('note')).toBe('\\u0000 \u202Ex');
  });
});

describe('jsonError', () => {
  it('maps typed errors to their status and code', async () => {
    const notFound = jsonError(new NotFound('Slot', 'abc'));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: 'not_found', message: 'Slot abc was not found', details: {} } });
    expect(jsonError(new Forbidden()).status).toBe(403);
    const invalid = jsonError(new InvalidInput('bad', { title: ['required'] }));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.details).toEqual({ title: ['required'] });
  });

  it('passes a thrown Response through unchanged', () => {
    const response = new Response(null, { status: 302 });
    expect(jsonError(response)).toBe(response);
  });

  it('hides unknown errors behind a 500 and logs them', async () => {
    const logger = { error: vi.fn() };
    const response = jsonError(new Error('database password is hunter2'), logger);
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('hunter2');
    expect(logger.error).toHaveBeenCalledOnce();
  });
});
