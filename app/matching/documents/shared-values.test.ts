import { describe, expect, it } from 'vitest';
import { shared, sharedList, sharedPoint } from './shared-values.js';

describe('shared index values', () => {
  it('gives equal lists one frozen list, with shared strings, and keeps different lists apart', () => {
    const first = sharedList(['network-a', 'network-b']);
    const again = sharedList([`network-${'a'}`, 'network-b']);
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first[0]).toBe(shared('network-a'));
    expect(sharedList(['network-b', 'network-a'])).not.toBe(first);
    expect(sharedList(['network-a'])).toEqual(['network-a']);
    expect(sharedList([])).toBe(sharedList([]));
  });

  it('refuses changes to a shared list, which other documents hold too', () => {
    const list = sharedList(['ar:C2:C1']) as string[];
    expect(() => list.push('en:B1:-')).toThrow(TypeError);
    expect(sharedList(['ar:C2:C1'])).toEqual(['ar:C2:C1']);
  });

  it('gives equal positions one frozen point', () => {
    const point = sharedPoint(55.0443, 9.4174);
    expect(sharedPoint(55.0443, 9.4174)).toBe(point);
    expect(point).toEqual({ lat: 55.0443, lng: 9.4174 });
    expect(Object.isFrozen(point)).toBe(true);
    expect(sharedPoint(55.0443, 9.4175)).not.toBe(point);
  });
});
