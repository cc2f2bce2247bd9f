import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv for a Danish spreadsheet', () => {
  const csv = toCsv(
    ['Trin', 'Antal', 'Andel'],
    [
      ['Ordinært job', 12, 0.25],
      ['Rengøring; køkken', 3, null],
      ['=SUM(A1)', -1, 1],
    ],
  );
  it('starts with a UTF-8 byte-order mark and separates columns with semicolons', () => {
    expect(csv.startsWith('\uFEFFTrin;Antal;Andel\r\n')).toBe(true);
  });
  it('writes decimals with a comma, quotes a field holding a semicolon, and defuses formulas', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('Ordinært job;12;0,25');
    expect(lines[2]).toBe('"Rengøring; køkken";3;');
    expect(lines[3]).toBe("'=SUM(A1);-1;1");
    expect(lines[4]).toBe('');
  });
});
