/**
 * Login throttling: after 5 wrong passwords for one e-mail from one address
 * within 15 minutes, that pair is blocked — 1 minute the first time, then
 * doubling with each block in the last 24 hours, up to 1 hour. One address
 * gets at most 50 wrong passwords in 15 minutes across all e-mails, so
 * spraying many accounts is slowed too. A successful login clears its pair.
 *
 * Counters live in the database (table rate_limits), so every app process on
 * one PostgreSQL counts the same failures and sees the same blocks.
 */
import type { Kysely } from 'kysely';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { DB } from '../../db/schema.js';
import { DomainError } from '../lib/errors.js';
import { DatabaseRateLimiter } from '../lib/rate-limit-store.server.js';

export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins; try again in ${retryAfterSeconds} seconds`, 'rate_limited', { retryAfterSeconds });
  }
}

export type LoginThrottle = {
  /**
   * Seconds until the pair or the address may try again (0: not blocked).
   * Returns a number rather than throwing: the throttle is created by the
   * server outside the Remix bundle, where error classes are other copies.
   */
  check(attempt: { ip: string; email: string }): Promise<number>;
  /** Counts a wrong password; returns the block in seconds when this failure started one. */
  fail(attempt: { ip: string; email: string }): Promise<number | null>;
  succeed(attempt: { ip: string; email: string }): Promise<void>;
};

export const LOGIN_THROTTLE = {
  failuresPerPair: 5,
  failuresPerAddress: 50,
  windowSeconds: 15 * 60,
  firstBlockSeconds: 60,
  maxBlockSeconds: 60 * 60,
} as const;

const pairKey = (attempt: { ip: string; email: string }) => `${attempt.ip}|${attempt.email.trim().toLowerCase()}`;

function isLimiterAnswer(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes;
}

export function createLoginThrottle(deps: { db: Kysely<DB> }): LoginThrottle {
  const { db } = deps;
  const pairs = new DatabaseRateLimiter({
    db,
    keyPrefix: 'login-pair',
    points: LOGIN_THROTTLE.failuresPerPair,
    duration: LOGIN_THROTTLE.windowSeconds,
  });
  const addresses = new DatabaseRateLimiter({
    db,
    keyPrefix: 'login-address',
    points: LOGIN_THROTTLE.failuresPerAddress,
    duration: LOGIN_THROTTLE.windowSeconds,
  });
  const strikes = new DatabaseRateLimiter({ db, keyPrefix: 'login-strike', points: 1_000, duration: 24 * 60 * 60 });

  async function blockedFor(limiter: DatabaseRateLimiter, key: string, points: number): Promise<number> {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints < points) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async function consume(limiter: DatabaseRateLimiter, key: string): Promise<RateLimiterRes> {
    try {
      return await limiter.consume(key);
    } catch (rejection) {
      // Over the limit: rate-limiter-flexible rejects with its state object.
      if (isLimiterAnswer(rejection)) return rejection;
      throw rejection;
    }
  }

  return {
    async check(attempt) {
      return Math.max(
        await blockedFor(pairs, pairKey(attempt), LOGIN_THROTTLE.failuresPerPair),
        await blockedFor(addresses, attempt.ip, LOGIN_THROTTLE.failuresPerAddress),
      );
    },
    async fail(attempt) {
      const key = pairKey(attempt);
      await consume(addresses, attempt.ip);
      const state = await consume(pairs, key);
      if (state.consumedPoints < LOGIN_THROTTLE.failuresPerPair) return null;
      const strike = await consume(strikes, key);
      const seconds = Math.min(LOGIN_THROTTLE.firstBlockSeconds * 2 ** (strike.consumedPoints - 1), LOGIN_THROTTLE.maxBlockSeconds);
      await pairs.block(key, seconds);
      return seconds;
    },
    async succeed(attempt) {
      await pairs.delete(pairKey(attempt));
    },
  };
}
