import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { createApiKey } from '../employers/api-keys.server.js';
import { assertConforms, openApi31Problems } from './openapi-conformance.js';
import { openApiDocument } from './openapi.js';
import { API_RATE, apiClientOf, apiRateLimits, createApiRateLimiter, type ApiRateLimiter } from './rate-limit.server.js';
import { listSlotsResponse } from './slots.server.js';

const limits = { perKeyPerMinute: 5, perAddressPerMinute: 5 };
/** 5 a minute plus a reserve of 3: eight requests go through. */
const ALLOWED = 8;

let n = 0;
const freshClient = () => apiClientOf(`Bearer jbk_test${(n += 1)}_secret`, '192.0.2.1');

async function takeTimes(limiter: ApiRateLimiter, client: ReturnType<typeof apiClientOf>, times: number) {
  const decisions = [];
  for (let i = 0; i < times; i++) decisions.push(await limiter.take(client));
  return decisions;
}

describe('apiClientOf', () => {
  it('counts a bearer token by its hash (never the secret itself) and anything else by address', () => {
    const client = apiClientOf('Bearer jbk_abc_secretsecret', '192.0.2.1');
    expect(client.kind).toBe('key');
    expect(client.id).not.toContain('secret');
    expect(apiClientOf('bearer jbk_abc_secretsecret', '198.51.100.9')).toEqual(client);
    expect(apiClientOf('Bearer jbk_abc_othersecret', '192.0.2.1').id).not.toBe(client.id);
    expect(apiClientOf(null, '192.0.2.1')).toEqual({ kind: 'address', id: '192.0.2.1' });
    expect(apiClientOf('Basic dXNlcjpwdw==', '192.0.2.1')).toEqual({ kind: 'address', id: '192.0.2.1' });
  });
});

const document = JSON.parse(JSON.stringify(openApiDocument()));

describe('OpenAPI document', () => {
  it('declares 429 with Retry-After and the RateLimit headers on every operation', () => {
    expect(openApi31Problems(document)).toEqual([]);
    const operations = Object.values<Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>(document.paths).flatMap(
      (item) => Object.values(item),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(Object.keys(operation.responses['429']?.headers ?? {})).toEqual([
        'Retry-After',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
      ]);
    }
  });
});

describe.each(databaseKinds)('API rate limits on %s', (kind) => {
  let database: TestDatabase;
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const { db } = database;
    const organisation = await db
      .insertInto('organisations')
      .values({ cvr: '13748136', name: 'Limit A/S', contact_name: 'Ane', contact_email: 'ane@limit.dk' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await db
      .insertInto('users')
      .values({ email: 'ane@limit.dk', role: 'employer', display_name: 'Ane', password_hash: null, locale: null, organisation_id: organisation.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = { organisationId: organisation.id, userId: user.id };
    keyA = (await createApiKey({ db }, actor, { name: 'A' })).secret;
    keyB = (await createApiKey({ db }, actor, { name: 'B' })).secret;
  });
  afterAll(async () => database?.close());
  beforeEach(() => {
    // Only Date: the database drivers and the HTTP server keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T10:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('lets the limit and the burst reserve through, refuses the next with Retry-After, and keeps other keys apart', async () => {
    const limiter = createApiRateLimiter(database, limits);
    const a = freshClient();
    const b = freshClient();
    const decisions = await takeTimes(limiter, a, ALLOWED);
    expect(decisions.map((d) => d.retryAfterSeconds)).toEqual(Array(ALLOWED).fill(0));
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0]);
    vi.setSystemTime(Date.now() + 20_000);
    const refused = await limiter.take(a);
    expect(refused).toMatchObject({ limit: 5, remaining: 0, retryAfterSeconds: 40 });
    // Key A's limit does not touch key B, nor calls from the same address without a key.
    expect(await limiter.take(b)).toMatchObject({ retryAfterSeconds: 0, remaining: 4 });
    expect(await limiter.take(apiClientOf(null, '192.0.2.1'))).toMatchObject({ retryAfterSeconds: 0 });
    // A new minute: the per-minute count starts again (the reserve stays used for 10 minutes).
    vi.setSystemTime(Date.now() + 41_000);
    expect((await takeTimes(limiter, a, 5)).every((d) => d.retryAfterSeconds === 0)).toBe(true);
  });

  it('shares counts between two processes on one database', async () => {
    const first = createApiRateLimiter(database, limits);
    const second = createApiRateLimiter(database, limits);
    const client = freshClient();
    for (let i = 0; i < ALLOWED; i++) {
      expect((await (i % 2 === 0 ? first : second).take(client)).retryAfterSeconds).toBe(0);
    }
    expect((await second.take(client)).retryAfterSeconds).toBeGreaterThan(0);
    expect((await first.take(client)).retryAfterSeconds).toBeGreaterThan(0);
  });

  it('backs off when refused again within the hour: blocked for 2 minutes in every process, then free again', async () => {
    const first = createApiRateLimiter(database, limits);
    const second = createApiRateLimiter(database, limits);
    const client = freshClient();
    await takeTimes(first, client, ALLOWED);
    expect((await first.take(client)).retryAfterSeconds).toBe(60);
    vi.setSystemTime(Date.now() + 61_000);
    // The reserve is still empty, so the sixth request of the new minute is the second offence.
    await takeTimes(first, client, 5);
    expect(await first.take(client)).toMatchObject({ retryAfterSeconds: 120, resetSeconds: 120 });
    expect((await second.take(client)).retryAfterSeconds).toBe(120);
    vi.setSystemTime(Date.now() + 100_000);
    expect((await second.take(client)).retryAfterSeconds).toBe(20);
    vi.setSystemTime(Date.now() + 21_000);
    expect(await second.take(client)).toMatchObject({ retryAfterSeconds: 0, remaining: 4 });
  });

  describe('through the /api/v1 middleware', () => {
    let baseUrl: string;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const logger = pino({ level: 'silent' });
      const deps = { db: database.db, clock: () => new Date(), logger };
      const app = express();
      app.use('/api/v1', apiRateLimits({ db: database.db, env: { apiRateLimits: limits }, logger }));
      // The real /api/v1/slots handler behind it, as the Remix route calls it.
      app.get('/api/v1/slots', async (req, res) => {
        const request = new Request(`http://localhost${req.originalUrl}`, { headers: { Authorization: req.get('authorization') ?? '' } });
        const response = await listSlotsResponse(deps, request);
        res.status(response.status).json(await response.json());
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => new Promise((resolve) => server.close(() => resolve()));
    });
    afterAll(async () => close?.());

    const get = (key: string | null) => fetch(`${baseUrl}/api/v1/slots`, { headers: key ? { Authorization: `Bearer ${key}` } : {} });

    it('answers 429 with Retry-After, RateLimit headers and the API error body; another key still works', async () => {
      for (let i = 0; i < ALLOWED; i++) {
        const ok = await get(keyA);
        expect(ok.status).toBe(200);
        expect(ok.headers.get('RateLimit-Limit')).toBe('5');
        expect(ok.headers.get('RateLimit-Policy')).toBe('5;w=60');
      }
      const refused = await get(keyA);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('Retry-After')).toBe('60');
      expect(refused.headers.get('RateLimit-Remaining')).toBe('0');
      await assertConforms(document, 'GET', '/api/v1/slots', refused);
      expect(await refused.json()).toEqual({
        error: { code: 'rate_limited', message: 'Too many requests; try again in 60 seconds', details: { retryAfterSeconds: 60 } },
      });
      const other = await get(keyB);
      expect(other.status).toBe(200);
      expect(other.headers.get('RateLimit-Remaining')).toBe('4');
      // Without a key the address is counted: the handler answers 401, the limit is separate from key A's.
      expect((await get(null)).status).toBe(401);
    });

    it('counts requests refused for a bad key against the address, then refuses keyed calls from it', async () => {
      for (let i = 0; i < API_RATE.badKeysPerMinute; i++) {
        expect((await get(`jbk_guess${String(i).padStart(7, '0')}_${'x'.repeat(32)}`)).status).toBe(401);
        // The failure is counted once the answer is sent; wait for it so the count is exact.
        await vi.waitFor(async () => {
          const row = await database.db.selectFrom('rate_limits').select('points').where('key', 'like', 'api-bad-key:%').executeTakeFirst();
          expect(row?.points).toBe(i + 1);
        });
      }
      expect((await get(`jbk_guessnext_${'x'.repeat(32)}`)).status).toBe(401);
      // Any key from this address is now refused, even one never seen before (so not its own limit).
      let attempt = 0;
      await vi.waitFor(async () => {
        const refused = await get(`jbk_fresh${String((attempt += 1)).padStart(8, '0')}_${'y'.repeat(32)}`);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
      });
      expect((await get(keyB)).status).toBe(429);
      // Calls without a key count against the address limit only.
      expect((await get(null)).status).toBe(401);
    });
  });
});
