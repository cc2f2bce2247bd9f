import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../lib/errors.js';
import { generateCvr, generatePNumber } from '../../db/seed/factories.js';
import { createRng } from '../../db/seed/random.js';
import { isPostalCodeFormat, isValidCvr, isValidPNumber, parseCvr, parsePNumber } from './cvr.js';

describe('CVR numbers', () => {
  it.each(['13748136', '10150817', '25313763', 'DK13748136', ' 13 74 81 36 '])('accepts %s', (value) => {
    expect(isValidCvr(value)).toBe(true);
  });

  it.each([
    ['13748137', 'check digit'],
    ['13748135', 'check digit'],
    ['1374813', '8 digits'],
    ['137481366', '8 digits'],
    ['1374813a', '8 digits'],
    ['', '8 digits'],
    ['00000000', 'begin with 0'],
  ])('rejects %s (%s)', (value, reason) => {
    expect(isValidCvr(value)).toBe(false);
    expect(() => parseCvr(value)).toThrow(reason);
  });

  it('parses to bare digits and throws InvalidInput naming the field', () => {
    expect(parseCvr('DK 1374 8136')).toBe('13748136');
    try {
      parseCvr('12345678');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      expect(error instanceof InvalidInput ? error.fields.cvr : []).toHaveLength(1);
    }
  });
});

describe('P-numbers and postal codes', () => {
  it('checks only the form of a P-number', () => {
    expect(isValidPNumber('1003388394')).toBe(true);
    expect(isValidPNumber('1234567890')).toBe(true);
    expect(isValidPNumber('123456789')).toBe(false);
    expect(parsePNumber(' 1003388394 ')).toBe('1003388394');
    expect(() => parsePNumber('12')).toThrow('10 digits');
  });

  it('checks the form of a postal code', () => {
    expect(isPostalCodeFormat('6200')).toBe(true);
    expect(isPostalCodeFormat('620')).toBe(false);
    expect(isPostalCodeFormat('62000')).toBe(false);
    expect(isPostalCodeFormat('62a0')).toBe(false);
  });
});

describe('the seed factories', () => {
  it('generate CVR numbers this check accepts and well-formed P-numbers', () => {
    const rng = createRng(11);
    for (let i = 0; i < 500; i++) {
      expect(isValidCvr(generateCvr(rng))).toBe(true);
      expect(isValidPNumber(generatePNumber(rng))).toBe(true);
    }
  });
});
