/**
 * Throttles what sends mail to an address someone typed: password reset,
 * self-registration and colleague invitations (issue 21.9). Each request
 * counts against the typed e-mail (5 an hour: nobody needs more links than
 * that, and an inbox cannot be flooded) and against the client's address
 * (30 an hour: a script cannot probe or spam many addresses). The answer
 * does not depend on whether the e-mail has an account, so the limit
 * reveals nothing either.
 *
 * Counters live in the database (table rate_limits) like the login
 * throttle's, so every app process counts the same requests.
 */
import type { Kysely } from 'kysely';
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { DB } from '../../db/schema.js';
import { DomainError } from '../lib/errors.js';
import { DatabaseRateLimiter } from '../lib/rate-limit-store.server.js';

export const ACCOUNT_MAIL_LIMITS = { perEmail: 5, perAddress: 30, windowSeconds: 60 * 60 } as const;

export class TooManyAccountMails extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests; try again in ${retryAfterSeconds} seconds`, 'rate_limited', { retryAfterSeconds });
  }
}

export type AccountMailThrottle = {
  /** Counts one request; seconds to wait when over a limit (0: go on). */
  take(request: { ip: string; email: string }): Promise<number>;
};

async function consume(limiter: DatabaseRateLimiter, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (rejection) {
    // Over the limit: rate-limiter-flexible rejects with its state object; anything else is a real error.
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

export function createAccountMailThrottle(deps: { db: Kysely<DB> }): AccountMailThrottle {
  const options = { db: deps.db, duration: ACCOUNT_MAIL_LIMITS.windowSeconds };
  const emails = new DatabaseRateLimiter({ ...options, keyPrefix: 'account-mail-email', points: ACCOUNT_MAIL_LIMITS.perEmail });
  const addresses = new DatabaseRateLimiter({ ...options, keyPrefix: 'account-mail-address', points: ACCOUNT_MAIL_LIMITS.perAddress });
  return {
    async take(request) {
      const byAddress = await consume(addresses, request.ip);
      const byEmail = await consume(emails, request.email.trim().toLowerCase());
      return Math.max(byAddress, byEmail);
    },
  };
}

/** @throws TooManyAccountMails when the request is over a limit. */
export async function assertAccountMailAllowed(throttle: AccountMailThrottle | undefined, request: { ip: string; email: string }): Promise<void> {
  const wait = (await throttle?.take(request)) ?? 0;
  if (wait > 0) throw new TooManyAccountMails(wait);
}
