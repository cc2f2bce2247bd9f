/**
 * SQL for the shared rate-limit counters. Every change is one statement, so
 * counts from several app processes on one database add up exactly.
 */
import { sql } from 'kysely';
import type { Executor } from '../client.server.js';

export type RateLimitRow = { points: number; expires_at: Date | null };

/**
 * Adds `points` to the counter and returns its new state. A counter whose
 * window has passed (or any counter when `reset` is true) starts again at
 * `points` with the new `expiresAt`; a live counter keeps its expiry.
 */
export async function addRateLimitPoints(
  db: Executor,
  input: { key: string; points: number; expiresAt: Date | null; now: Date; reset: boolean },
): Promise<RateLimitRow> {
  const restart = sql<boolean>`(cast(${input.reset} as boolean) or rate_limits.expires_at <= ${input.now})`;
  return db
    .insertInto('rate_limits')
    .values({ key: input.key, points: input.points, expires_at: input.expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        points: sql<number>`case when ${restart} then excluded.points else rate_limits.points + excluded.points end`,
        expires_at: sql<Date | null>`case when ${restart} then excluded.expires_at else rate_limits.expires_at end`,
      }),
    )
    .returning(['points', 'expires_at'])
    .executeTakeFirstOrThrow();
}

/** The live counter under `key`, if any. */
export async function findRateLimit(db: Executor, key: string, now: Date): Promise<RateLimitRow | undefined> {
  return db
    .selectFrom('rate_limits')
    .select(['points', 'expires_at'])
    .where('key', '=', key)
    .where((eb) => eb.or([eb('expires_at', '>', now), eb('expires_at', 'is', null)]))
    .executeTakeFirst();
}

/** Removes a counter; true when there was one. */
export async function deleteRateLimit(db: Executor, key: string): Promise<boolean> {
  const result = await db.deleteFrom('rate_limits').where('key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Deletes counters that expired before `before`; returns how many. */
export async function deleteExpiredRateLimits(db: Executor, before: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('expires_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
