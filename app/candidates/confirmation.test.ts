import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../lib/errors.js';
import { assertConfirmed, isConfirmed, UNCONFIRMED_RULE } from './confirmation.js';

describe('the confirmation rule', () => {
  it('a pending candidate, or one never confirmed, is not confirmed', () => {
    expect(isConfirmed({ status: 'pending', confirmed_at: null })).toBe(false);
    expect(isConfirmed({ status: 'active', confirmed_at: null })).toBe(false);
    expect(() => assertConfirmed({ status: 'pending', confirmed_at: null })).toThrow(RuleViolation);
    expect(() => assertConfirmed({ status: 'active', confirmed_at: null })).toThrow(expect.objectContaining({ rule: UNCONFIRMED_RULE }));
  });
  it('an active candidate confirmed by a jobcentre is confirmed', () => {
    expect(isConfirmed({ status: 'active', confirmed_at: '2026-01-01T10:00:00Z' })).toBe(true);
    expect(() => assertConfirmed({ status: 'active', confirmed_at: new Date() })).not.toThrow();
  });
  it('a paused candidate keeps their confirmation but is not in matching', () => {
    expect(isConfirmed({ status: 'inactive', confirmed_at: '2026-01-01T10:00:00Z' })).toBe(false);
    expect(() => assertConfirmed({ status: 'inactive', confirmed_at: '2026-01-01T10:00:00Z' })).not.toThrow();
  });
});
