import { describe, expect, it } from 'vitest';
import { rememberIn } from './bounded-memo.js';

describe('rememberIn', () => {
  it('makes a value once per key and starts afresh at the limit', () => {
    const cache = new Map<string, number>();
    let made = 0;
    const make = () => ++made;
    expect(rememberIn(cache, 'a', 2, make)).toBe(1);
    expect(rememberIn(cache, 'a', 2, make)).toBe(1);
    expect(rememberIn(cache, 'b', 2, make)).toBe(2);
    expect(cache.size).toBe(2);
    expect(rememberIn(cache, 'c', 2, make)).toBe(3);
    expect([...cache.keys()]).toEqual(['c']);
    expect(rememberIn(cache, 'a', 2, make)).toBe(4);
  });
});
