/**
 * The offers page lists the best offers a step at a time (`?shown=`), so a
 * page view at national scale renders 20 offers instead of 300.
 */
import { describe, expect, it } from 'vitest';
import { OFFERS_STEP, parseShown } from './offers.server.js';

const shown = (query: string) => parseShown(new URLSearchParams(query));

describe('how many offers the page lists', () => {
  it('starts with one step and grows by whole steps up to all retrieved', () => {
    expect(OFFERS_STEP).toBe(20);
    expect(shown('')).toBe(20);
    expect(shown('shown=40')).toBe(40);
    expect(shown('shown=45')).toBe(40);
    expect(shown('shown=300')).toBe(300);
  });

  it('falls back to the first step for anything else, never an error', () => {
    for (const bad of ['shown=', 'shown=abc', 'shown=-20', 'shown=0', 'shown=19', 'shown=301', 'shown=1e9', 'shown=20.5']) {
      expect(shown(bad)).toBe(20);
    }
  });
});
