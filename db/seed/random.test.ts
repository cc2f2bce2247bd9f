import { describe, expect, it } from 'vitest';
import { createRng } from './random.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(createRng(1).next()).not.toBe(createRng(2).next());
  });

  it('keeps helpers within their bounds', () => {
    const rng = createRng(7);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(rng.digits(10)).toMatch(/^\d{10}$/);
    expect(new Set(rng.sample([1, 2, 3, 4], 3)).size).toBe(3);
    expect(() => rng.pick([])).toThrow();
  });

  it('weights picks', () => {
    const rng = createRng(3);
    let a = 0;
    for (let i = 0; i < 4000; i++)
      if (
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        a++;
    expect(a / 4000).toBeGreaterThan(0.7);
    expect(a / 4000).toBeLessThan(0.8);
  });
});
