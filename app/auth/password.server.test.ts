import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.server.js';

describe('password hashing', () => {
  it('hashes with argon2id and verifies the right password only', async () => {
    const stored = await hashPassword('demo-jobbro-2026');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'demo-jobbro-2026')).toBe(true);
    expect(await verifyPassword(stored, 'demo-jobbro-2025')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('returns false for a malformed hash', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
