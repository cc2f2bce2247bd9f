import { describe, expect, it } from 'vitest';
import { decimalNumber, parseDecimalText } from './numbers.js';

describe('numbers typed into forms', () => {
  it('reads plain decimals, with a point or the Danish comma', () => {
    expect(parseDecimalText('12')).toBe(12);
    expect(parseDecimalText(' 12.5 ')).toBe(12.5);
    expect(parseDecimalText('12,25')).toBe(12.25);
    expect(parseDecimalText('-3')).toBe(-3);
    expect(parseDecimalText('0')).toBe(0);
  });

  it('refuses what Number() would take but a person does not write', () => {
    for (const text of ['1e5', '0x10', '0b11', '0o7', 'Infinity', '-Infinity', 'NaN', '', ' ', '1 000', '1.000,5', '+5', '.5', '5.', '12abc', '١٢']) {
      expect(parseDecimalText(text), text).toBeNaN();
    }
  });

  it('bounds a field and names the problem with one message', () => {
    const fte = decimalNumber({ min: 0, max: 20_000, message: 'fte' });
    expect(fte.parse('12,5')).toBe(12.5);
    expect(fte.parse(7)).toBe(7);
    for (const value of ['1e5', '0x10', 'Infinity', '-1', '20000.01', Infinity, -1, Number.NaN, '', null]) {
      const result = fte.safeParse(value);
      expect(result.success, String(value)).toBe(false);
      if (!result.success) expect(result.error.issues.map((issue) => issue.message)).toEqual(['fte']);
    }
    const seats = decimalNumber({ min: 1, max: 200, integer: true, message: 'seats' });
    expect(seats.safeParse('2.5').success).toBe(false);
    expect(seats.parse('20')).toBe(20);
  });
});
