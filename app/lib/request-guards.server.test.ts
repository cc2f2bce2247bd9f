import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parametersWithControlCharacters, refuseControlCharactersInQuery, refuseUnknownMethods, sameOriginCheck } from './request-guards.server.js';

describe('parametersWithControlCharacters', () => {
  it('names the parameters whose name or value holds a control character', () => {
    expect(parametersWithControlCharacters('q=anna&type=igu')).toEqual([]);
    expect(parametersWithControlCharacters('redirectTo=/%09/evil.example')).toEqual(['redirectTo']);
    expect(parametersWithControlCharacters('q=a%0Ab&page=1&note=%00')).toEqual(['q', 'note']);
    expect(parametersWithControlCharacters('a%01b=1')).toEqual(['a\uFFFDb']);
    expect(parametersWithControlCharacters('q=%7F')).toEqual(['q']);
    expect(parametersWithControlCharacters('q=%C2%85')).toEqual(['q']);
    // Letters of every script are fine.
    expect(parametersWithControlCharacters(`q=${encodeURIComponent('حلا مَنصور — Хала')}`)).toEqual([]);
  });
});

describe('the guards on a real server', () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(refuseUnknownMethods, refuseControlCharactersInQuery, sameOriginCheck);
    app.all('*', (_req, res) => void res.send('ok'));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  /** fetch() refuses TRACE, so a raw request. */
  function raw(
    method: string,
    path: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; allow: string | undefined; body: string }> {
    return new Promise((resolve, reject) => {
      const request = http.request(`${base}${path}`, { method, headers }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('answers 405 with Allow for TRACE and other methods no route uses', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'CONNECT_', 'MKCOL'].filter((m) => http.METHODS.includes(m))) {
      const answer = await raw(method, '/login');
      expect(answer.status, method).toBe(405);
      expect(answer.allow).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    }
    expect((await raw('GET', '/login')).status).toBe(200);
  });

  it('answers 400 naming the parameter for a control character in the query, in JSON on /api/', async () => {
    const page = await raw('GET', '/consultant?q=anna%0A');
    expect(page.status).toBe(400);
    expect(page.body).toContain('q');
    const api = await raw('GET', '/api/v1/slots?status=%09published');
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'invalid_query', details: { status: [expect.any(String)] } } });
    expect((await raw('GET', '/consultant?q=anna')).status).toBe(200);
  });

  it('answers 403 to a single-fetch request from another origin, also with a bearer token, and to a cross-site form post', async () => {
    expect((await raw('POST', '/login.data', { Origin: 'https://evil.example', Authorization: 'Bearer x' })).status).toBe(403);
    expect((await raw('GET', '/candidate.data', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw('POST', '/login', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await raw('POST', '/login', {})).status).toBe(403);
    // Remix compares the Origin with X-Forwarded-Host when a proxy sets it: so does the check.
    expect((await raw('POST', '/login.data', { Origin: base, 'X-Forwarded-Host': 'evil.example' })).status).toBe(403);
    expect((await raw('POST', '/login.data', { Origin: 'https://jobbro.example', 'X-Forwarded-Host': 'jobbro.example' })).status).toBe(200);
    expect((await raw('POST', '/login.data', { Origin: base })).status).toBe(200);
    expect((await raw('GET', '/candidate.data', {})).status).toBe(200);
    expect((await raw('GET', '/candidate.data', { Origin: base })).status).toBe(200);
    expect((await raw('POST', '/api/v1/slots', { Authorization: 'Bearer x' })).status).toBe(200);
  });
});
