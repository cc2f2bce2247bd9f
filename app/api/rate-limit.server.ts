/**
 * Rate limits for /api/v1, counted in the database (table rate_limits) so
 * every app process on one PostgreSQL shares them. A request counts against
 * its API key, or against its client address when it has none (session calls
 * from the browser, the public skill lookup).
 *
 * Each client gets `perMinute` requests a minute, then a burst reserve of
 * half that which refills every 10 minutes, so an integrator's occasional
 * spike goes through. A client that also empties the reserve is refused with
 * 429 and `Retry-After` until its minute ends; when it is refused again within
 * the hour (its reserve is still empty), it is blocked for 2, 4, 8 … up to 15
 * minutes.
 * Requests that fail API-key authentication (401) count against the address;
 * after 60 in a minute, keyed calls from that address are refused, so key
 * guessing costs the database nothing for long.
 *
 * Applied once for every /api/v1 route, as Express middleware in
 * server/app.ts (Remix has no middleware for resource routes), which takes
 * it from the Remix build (app/entry.server.tsx).
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { DB } from '../../db/schema.js';
import type { AppEnv } from '../env.server.js';
import { DatabaseRateLimiter } from '../lib/rate-limit-store.server.js';
import type { ApiErrorBody } from './schemas.js';

export const API_RATE = {
  windowSeconds: 60,
  /** The burst reserve is this share of the per-minute limit… */
  burstShare: 0.5,
  /** …and refills after this long. */
  burstWindowSeconds: 10 * 60,
  maxBlockSeconds: 15 * 60,
  strikeWindowSeconds: 60 * 60,
  badKeysPerMinute: 60,
} as const;

/** Whom a request counts against. A bearer token is a secret, so only its hash is a counter key. */
export type ApiClient = { kind: 'key' | 'address'; id: string };

export type ApiRateDecision = {
  /** Requests per minute for this client. */
  limit: number;
  remaining: number;
  /** Seconds until the current window (or block) ends. */
  resetSeconds: number;
  /** 0 when the request may go on; otherwise how long to wait. */
  retryAfterSeconds: number;
};

export type ApiRateLimiter = {
  /** Counts one request and says whether it may go on. */
  take(client: ApiClient): Promise<ApiRateDecision>;
  /** Counts a request refused for its API key (401) against its address. */
  failedKey(address: string): Promise<void>;
  /** Seconds this process refuses keyed calls from the address after too many bad keys (0: none; memory only, no query). */
  badKeyBlock(address: string): number;
};

export function apiClientOf(authorization: string | null | undefined, address: string): ApiClient {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token) return { kind: 'key', id: createHash('sha256').update(token).digest('base64url').slice(0, 32) };
  return { kind: 'address', id: address };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

type Outcome = { allowed: boolean; res: RateLimiterRes };

async function consume(limiter: DatabaseRateLimiter, key: string): Promise<Outcome> {
  try {
    return { allowed: true, res: await limiter.consume(key) };
  } catch (rejection) {
    // Over the limit: rate-limiter-flexible rejects with its state object; anything else is a real error.
    if (rejection instanceof RateLimiterRes) return { allowed: false, res: rejection };
    throw rejection;
  }
}

export function createApiRateLimiter(deps: { db: Kysely<DB> }, limits: AppEnv['apiRateLimits']): ApiRateLimiter {
  const { db } = deps;
  const tiers = (kind: ApiClient['kind'], perMinute: number) => {
    const burst = Math.max(1, Math.ceil(perMinute * API_RATE.burstShare));
    return {
      perMinute,
      burst,
      // In-memory blocks let this process refuse an exhausted client without a query until its window ends.
      main: new DatabaseRateLimiter({
        db,
        keyPrefix: `api-${kind}`,
        points: perMinute,
        duration: API_RATE.windowSeconds,
        inMemoryBlockOnConsumed: perMinute + 1,
      }),
      reserve: new DatabaseRateLimiter({
        db,
        keyPrefix: `api-${kind}-burst`,
        points: burst,
        duration: API_RATE.burstWindowSeconds,
        inMemoryBlockOnConsumed: burst + 1,
      }),
    };
  };
  const byKind = { key: tiers('key', limits.perKeyPerMinute), address: tiers('address', limits.perAddressPerMinute) };
  const strikes = new DatabaseRateLimiter({ db, keyPrefix: 'api-strike', points: 1_000, duration: API_RATE.strikeWindowSeconds });
  const badKeys = new DatabaseRateLimiter({
    db,
    keyPrefix: 'api-bad-key',
    points: API_RATE.badKeysPerMinute,
    duration: API_RATE.windowSeconds,
    inMemoryBlockOnConsumed: API_RATE.badKeysPerMinute + 1,
  });

  return {
    async take(client) {
      const tier = byKind[client.kind];
      const main = await consume(tier.main, client.id);
      const resetSeconds = seconds(main.res.msBeforeNext);
      if (main.allowed) return { limit: tier.perMinute, remaining: main.res.remainingPoints, resetSeconds, retryAfterSeconds: 0 };
      const reserve = await consume(tier.reserve, client.id);
      if (reserve.allowed) return { limit: tier.perMinute, remaining: 0, resetSeconds, retryAfterSeconds: 0 };
      // A strike for the one request that the database counted as crossing a limit (exactly limit + 1;
      // refusals from memory count 0), so one strike per offence however many processes serve the client.
      const crossed = main.res.consumedPoints === tier.perMinute + 1 || reserve.res.consumedPoints === tier.burst + 1;
      if (!crossed) return { limit: tier.perMinute, remaining: 0, resetSeconds, retryAfterSeconds: resetSeconds };
      const strike = await consume(strikes, `${client.kind}:${client.id}`);
      // The first offence waits for its window to end; repeated ones within the hour are blocked for longer.
      if (strike.res.consumedPoints < 2) return { limit: tier.perMinute, remaining: 0, resetSeconds, retryAfterSeconds: resetSeconds };
      const blockSeconds = Math.min(API_RATE.windowSeconds * 2 ** (strike.res.consumedPoints - 1), API_RATE.maxBlockSeconds);
      await tier.main.block(client.id, blockSeconds);
      return { limit: tier.perMinute, remaining: 0, resetSeconds: blockSeconds, retryAfterSeconds: blockSeconds };
    },
    async failedKey(address) {
      await consume(badKeys, address);
    },
    badKeyBlock(address) {
      const ms = badKeys.getInMemoryBlockMsBeforeExpire(badKeys.getKey(address));
      return ms > 0 ? seconds(ms) : 0;
    },
  };
}

/** The JSON body of a 429, in the API's error shape. */
export function rateLimitedBody(retryAfterSeconds: number): ApiErrorBody {
  return {
    error: {
      code: 'rate_limited',
      message: `Too many requests; try again in ${retryAfterSeconds} seconds`,
      details: { retryAfterSeconds },
    },
  };
}

function setRateLimitHeaders(res: Response, decision: ApiRateDecision): void {
  // The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), as most API gateways send them.
  res.setHeader('RateLimit-Limit', String(decision.limit));
  res.setHeader('RateLimit-Remaining', String(decision.remaining));
  res.setHeader('RateLimit-Reset', String(decision.resetSeconds));
  res.setHeader('RateLimit-Policy', `${decision.limit};w=${API_RATE.windowSeconds}`);
}

/**
 * Express middleware for /api/v1. When the counters cannot be read (database
 * trouble) the request goes on and the error is logged: the route itself will
 * then answer as well as it can, and limits never turn an outage into 429s.
 */
export function apiRateLimits(services: { db: Kysely<DB>; env: Pick<AppEnv, 'apiRateLimits'>; logger: Pick<Logger, 'error'> }): RequestHandler {
  const limiter = createApiRateLimiter(services, services.env.apiRateLimits);
  return (req: Request, res: Response, next: NextFunction) => {
    limitRequest(limiter, req, res).then(
      (allowed) => {
        if (allowed) next();
      },
      (error: unknown) => {
        services.logger.error({ err: error }, 'API rate limit unavailable; request let through');
        next();
      },
    );
  };
}

async function limitRequest(limiter: ApiRateLimiter, req: Request, res: Response): Promise<boolean> {
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const client = apiClientOf(req.get('authorization'), address);
  const badKeyWait = client.kind === 'key' ? limiter.badKeyBlock(address) : 0;
  const decision: ApiRateDecision =
    badKeyWait > 0
      ? { limit: API_RATE.badKeysPerMinute, remaining: 0, resetSeconds: badKeyWait, retryAfterSeconds: badKeyWait }
      : await limiter.take(client);
  setRateLimitHeaders(res, decision);
  if (decision.retryAfterSeconds > 0) {
    res.setHeader('Retry-After', String(decision.retryAfterSeconds));
    res.status(429).json(rateLimitedBody(decision.retryAfterSeconds));
    return false;
  }
  if (client.kind === 'key') {
    res.on('finish', () => {
      if (res.statusCode === 401) limiter.failedKey(address).catch(() => undefined);
    });
  }
  return true;
}
