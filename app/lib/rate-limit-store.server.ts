/**
 * A rate-limiter-flexible store over our own Kysely database, so every app
 * process on one PostgreSQL (or the one PGlite of the embedded default)
 * shares the same counters: one code path for both.
 *
 * Why not the library's RateLimiterPostgres: it sends `{ name, text, values }`
 * query objects straight to a `pg` client and creates its own table, so it
 * cannot run over PGlite or through Kysely; our SQL lives in
 * db/queries/rate-limits.ts and our tables in migrations. The library's store
 * abstraction does the rest (consume, get, block, delete, in-memory blocks).
 *
 * Times are the app's clock (`Date.now()`), as in the library's own stores;
 * app servers keep their clocks in step (NTP) well within a second.
 */
import type { Kysely } from 'kysely';
import { RateLimiterRes } from 'rate-limiter-flexible';
// The index does not export the base class at run time (see rate-limiter-flexible.d.ts beside this file).
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js';
import { addRateLimitPoints, deleteExpiredRateLimits, deleteRateLimit, findRateLimit, type RateLimitRow } from '../../db/queries/rate-limits.js';
import type { DB } from '../../db/schema.js';

/** Dead counters are deleted at most this often per limiter (the delete uses an index on expires_at). */
const CLEAN_UP_EVERY_MS = 5 * 60 * 1000;

export type DatabaseRateLimiterOptions = {
  db: Kysely<DB>;
  /** Names the counter family; keys are stored as `<keyPrefix>:<key>`. */
  keyPrefix: string;
  /** Points per window. */
  points: number;
  /** Window in seconds (0: counters never expire). */
  duration: number;
  /**
   * Once a key has consumed this many points, this process refuses it from
   * memory until its window ends, without asking the database (sheds load
   * during abuse). Must be ≥ points; 0 turns it off.
   */
  inMemoryBlockOnConsumed?: number;
};

export class DatabaseRateLimiter extends RateLimiterStoreAbstract {
  private readonly db: Kysely<DB>;
  private lastCleanUp = Date.now();
  /** Milliseconds this process still refuses the stored key (`getKey(key)`) from memory; 0 when not blocked. Untyped in the library's .d.ts. */
  declare getInMemoryBlockMsBeforeExpire: (rlKey: string) => number;

  constructor(options: DatabaseRateLimiterOptions) {
    super({
      storeClient: options.db,
      keyPrefix: options.keyPrefix,
      points: options.points,
      duration: options.duration,
      inMemoryBlockOnConsumed: options.inMemoryBlockOnConsumed ?? 0,
    });
    this.db = options.db;
  }

  /** Deletes every expired counter (of any limiter); returns how many. */
  async cleanUp(): Promise<number> {
    this.lastCleanUp = Date.now();
    return deleteExpiredRateLimits(this.db, new Date(this.lastCleanUp));
  }

  // The methods below are the store contract of RateLimiterStoreAbstract (untyped in its .d.ts).

  _upsert(rlKey: string, points: number, msDuration: number, forceExpire = false): Promise<RateLimitRow> {
    const now = Date.now();
    if (now - this.lastCleanUp >= CLEAN_UP_EVERY_MS) {
      // Not on the request's path and not critical: a dead counter is restarted by the next count anyway.
      this.cleanUp().catch(() => undefined);
    }
    return addRateLimitPoints(this.db, {
      key: rlKey,
      points,
      expiresAt: msDuration > 0 ? new Date(now + msDuration) : null,
      now: new Date(now),
      reset: forceExpire,
    });
  }

  async _get(rlKey: string): Promise<RateLimitRow | null> {
    return (await findRateLimit(this.db, rlKey, new Date())) ?? null;
  }

  _delete(rlKey: string): Promise<boolean> {
    return deleteRateLimit(this.db, rlKey);
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: RateLimitRow): RateLimiterRes {
    // Same reading as the library's SQL stores: a counter equal to this change was (re)started by it.
    const isFirstInDuration = changedPoints === row.points;
    const consumedPoints = isFirstInDuration ? changedPoints : row.points;
    const msBeforeNext = row.expires_at ? Math.max(new Date(row.expires_at).getTime() - Date.now(), 0) : -1;
    return new RateLimiterRes(Math.max(this.points - consumedPoints, 0), msBeforeNext, consumedPoints, isFirstInDuration);
  }
}
