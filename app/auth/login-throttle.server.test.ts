import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../tests/setup/database.js';
import { createLoginThrottle, LOGIN_THROTTLE, type LoginThrottle } from './login-throttle.server.js';

let n = 0;
/** A fresh address and e-mail per test, since the suite shares one database. */
function freshAttempt() {
  n += 1;
  return { ip: `203.0.113.${n}`, email: `Amal${n}@Example.dk` };
}

async function failTimes(throttle: LoginThrottle, times: number, who: { ip: string; email: string }) {
  let last: number | null = null;
  for (let i = 0; i < times; i++) last = await throttle.fail(who);
  return last;
}

describe.each(databaseKinds)('login throttle on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => database?.close());
  beforeEach(() => {
    // Only Date: the database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-24T10:00:00Z') });
  });
  afterEach(() => vi.useRealTimers());

  it('allows four wrong passwords, blocks at the fifth for a minute, and says how long', async () => {
    const throttle = createLoginThrottle(database);
    const attempt = freshAttempt();
    expect(await failTimes(throttle, 4, attempt)).toBeNull();
    expect(await throttle.check(attempt)).toBe(0);
    expect(await throttle.fail(attempt)).toBe(60);
    expect(await throttle.check(attempt)).toBe(60);
    // The same e-mail in other letter case is the same pair; another e-mail from the address is not blocked.
    expect(await throttle.check({ ...attempt, email: attempt.email.toLowerCase() })).toBe(60);
    expect(await throttle.check({ ...attempt, email: 'someone@example.dk' })).toBe(0);
  });

  it('shares counts between two processes on one database: failures spread over both block the pair in both', async () => {
    const first = createLoginThrottle(database);
    const second = createLoginThrottle(database);
    const attempt = freshAttempt();
    await failTimes(first, 2, attempt);
    await failTimes(second, 2, attempt);
    expect(await first.check(attempt)).toBe(0);
    expect(await first.fail(attempt)).toBe(60);
    expect(await second.check(attempt)).toBe(60);
    expect(await first.check(attempt)).toBe(60);
  });

  it('lets the block expire, then doubles the next one within a day (back-off)', async () => {
    const first = createLoginThrottle(database);
    const second = createLoginThrottle(database);
    const attempt = freshAttempt();
    expect(await failTimes(first, LOGIN_THROTTLE.failuresPerPair, attempt)).toBe(60);
    vi.setSystemTime(Date.now() + 30_000);
    expect(await second.check(attempt)).toBe(30);
    vi.setSystemTime(Date.now() + 31_000);
    expect(await second.check(attempt)).toBe(0);
    expect(await first.check(attempt)).toBe(0);
    // The block started a fresh count: four more wrong passwords are allowed, the fifth blocks for twice as long.
    expect(await failTimes(second, 4, attempt)).toBeNull();
    expect(await first.fail(attempt)).toBe(120);
  });

  it('caps the back-off at an hour', async () => {
    const throttle = createLoginThrottle(database);
    const attempt = freshAttempt();
    const blocks: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      blocks.push(await failTimes(throttle, LOGIN_THROTTLE.failuresPerPair, attempt));
      vi.setSystemTime(Date.now() + 61 * 60_000);
    }
    expect(blocks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('a successful login clears the count, for every process', async () => {
    const first = createLoginThrottle(database);
    const second = createLoginThrottle(database);
    const attempt = freshAttempt();
    await failTimes(first, 4, attempt);
    await second.succeed(attempt);
    expect(await failTimes(first, 4, attempt)).toBeNull();
    expect(await first.check(attempt)).toBe(0);
  });

  it('limits one address across many e-mails', async () => {
    const throttle = createLoginThrottle(database);
    const { ip } = freshAttempt();
    for (let i = 0; i < LOGIN_THROTTLE.failuresPerAddress; i++) await throttle.fail({ ip, email: `user${i}@example.dk` });
    expect(await throttle.check({ ip, email: 'fresh@example.dk' })).toBe(LOGIN_THROTTLE.windowSeconds);
    expect(await throttle.check({ ip: '198.51.100.1', email: 'fresh@example.dk' })).toBe(0);
  });

  it('deletes expired counters on clean-up and keeps live ones', async () => {
    const throttle = createLoginThrottle(database);
    const old = freshAttempt();
    await throttle.fail(old);
    vi.setSystemTime(Date.now() + 25 * 60 * 60_000);
    const live = freshAttempt();
    await throttle.fail(live);
    const { DatabaseRateLimiter } = await import('../lib/rate-limit-store.server.js');
    await new DatabaseRateLimiter({ db: database.db, keyPrefix: 'any', points: 1, duration: 1 }).cleanUp();
    const keys = (await database.db.selectFrom('rate_limits').select('key').execute()).map((row) => row.key);
    expect(keys.some((key) => key.includes(old.ip))).toBe(false);
    expect(keys.filter((key) => key.includes(live.ip))).toHaveLength(2);
  });
});
