import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, noStore } from './no-store.server.js';

describe('cacheControlFor', () => {
  it('is no-store unless the route declared its answer public', () => {
    expect(cacheControlFor(undefined)).toBe('no-store');
    expect(cacheControlFor('private, max-age=60')).toBe('no-store');
    expect(cacheControlFor('max-age=300')).toBe('no-store');
    expect(cacheControlFor('no-store')).toBe('no-store');
    expect(cacheControlFor('public, max-age=300')).toBe('public, max-age=300');
  });
});

describe('noStore on a real server', () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(noStore);
    app.get('/page', (_req, res) => void res.send('<p>Zenobia</p>'));
    // Like Remix's adapter: the route's own headers are appended.
    app.get('/private', (_req, res) => void res.append('Cache-Control', 'private, max-age=600').send('x'));
    app.get('/public', (_req, res) => void res.append('Cache-Control', 'public, max-age=300').send('x'));
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends no-store when the route says nothing or something private, and keeps a public declaration', async () => {
    const header = async (path: string) => (await fetch(`${base}${path}`)).headers.get('Cache-Control');
    expect(await header('/page')).toBe('no-store');
    expect(await header('/private')).toBe('no-store');
    expect(await header('/public')).toBe('public, max-age=300');
  });
});
