import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLoginThrottle, LOGIN_THROTTLE } from './login-throttle.server.js';

const attempt = { ip: '203.0.113.7', email: 'Amal@Example.dk' };

async function failTimes(throttle: ReturnType<typeof createLoginThrottle>, n: number, who = attempt) {
  let last: number | null = null;
  for (let i = 0; i < n; i++) last = await throttle.fail(who);
  return last;
}

describe('login throttle', () => {
  afterEach(() => vi.useRealTimers());

  it('allows four wrong passwords, blocks at the fifth for a minute, and says how long', async () => {
    const throttle = createLoginThrottle();
    expect(await failTimes(throttle, 4)).toBeNull();
    expect(await throttle.check(attempt)).toBe(0);
    expect(await throttle.fail(attempt)).toBe(60);
    expect(await throttle.check(attempt)).toBeGreaterThan(55);
    // The same e-mail in other letter case is the same pair; another e-mail from the address is not blocked.
    expect(await throttle.check({ ...attempt, email: 'amal@example.dk' })).toBeGreaterThan(0);
    expect(await throttle.check({ ...attempt, email: 'someone@example.dk' })).toBe(0);
  });

  it('doubles the block each time within a day (back-off)', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T10:00:00Z') });
    const throttle = createLoginThrottle();
    expect(await failTimes(throttle, LOGIN_THROTTLE.failuresPerPair)).toBe(60);
    vi.advanceTimersByTime(61_000);
    expect(await throttle.check(attempt)).toBe(0);
    expect(await failTimes(throttle, LOGIN_THROTTLE.failuresPerPair)).toBe(120);
  });

  it('a successful login clears the count', async () => {
    const throttle = createLoginThrottle();
    await failTimes(throttle, 4);
    await throttle.succeed(attempt);
    expect(await failTimes(throttle, 4)).toBeNull();
    expect(await throttle.check(attempt)).toBe(0);
  });

  it('limits one address across many e-mails', async () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < LOGIN_THROTTLE.failuresPerAddress; i++) await throttle.fail({ ip: attempt.ip, email: `user${i}@example.dk` });
    expect(await throttle.check({ ip: attempt.ip, email: 'fresh@example.dk' })).toBeGreaterThan(0);
    expect(await throttle.check({ ip: '198.51.100.1', email: 'fresh@example.dk' })).toBe(0);
  });
});
