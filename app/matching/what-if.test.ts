import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../lib/errors.js';
import { jsonPath, parseWhatIfInput, resolveWhatIfInput, runWhatIf } from './what-if.js';

const example: unknown = JSON.parse(fs.readFileSync(new URL('../../tests/fixtures/what-if-example.json', import.meta.url), 'utf8'));
const tiny: Array<{ code: string; lat: number; lon: number }> = JSON.parse(
  fs.readFileSync(new URL('../../tests/fixtures/postal-codes-tiny.json', import.meta.url), 'utf8'),
);
const lookup = (code: string) => {
  const row = tiny.find((r) => r.code === code);
  return row ? { lat: row.lat, lon: row.lon } : null;
};

function fieldsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInput) return error.fields;
    throw error;
  }
  throw new Error('expected InvalidInput');
}

describe('what-if input', () => {
  it('parses the example file and ranks its pairs', () => {
    const out = runWhatIf(resolveWhatIfInput(parseWhatIfInput(example), lookup));
    expect(out.slots.map((s) => s.slotId)).toEqual(['slot-kitchen-aabenraa', 'slot-cleaning-soenderborg']);
    const kitchen = out.slots[0]!;
    expect(kitchen.ranked[0]!.candidateId).toBe('cand-amina');
    expect(kitchen.excluded).toEqual([expect.objectContaining({ candidateId: 'cand-farid', rule: 'igu.age', source: 'L 82 2023-24' })]);
    for (const pair of kitchen.ranked) expect(pair.reasons.every((r) => typeof r === 'string')).toBe(true);
  });

  it('names the JSON path of every problem', () => {
    const fields = fieldsOf(() =>
      parseWhatIfInput({
        asOf: '2026-02-30',
        slots: [
          {
            id: 's',
            type: 'job',
            postalCode: '620',
            startDate: '2026-04-01',
            weeks: 4,
            hoursPerWeek: 20,
            positions: 1,
            skills: [],
            danish: { spoken: 'B3', written: 'A1' },
          },
        ],
        candidates: [{ id: 'c' }],
      }),
    );
    expect(Object.keys(fields)).toEqual(
      expect.arrayContaining(['asOf', 'slots[0].type', 'slots[0].postalCode', 'slots[0].danish.spoken', 'candidates[0].birthDate']),
    );
  });

  it('refuses unknown fields (typos) and duplicate ids', () => {
    const parsed = parseWhatIfInput(example);
    const first = parsed.candidates[0]!;
    const fields = fieldsOf(() => parseWhatIfInput({ ...parsed, candidates: [{ ...first, maxTravelkm: 3 }, first] }));
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['candidates[0]', 'candidates[1].id']));
    expect(() => parseWhatIfInput('not an object')).toThrow(InvalidInput);
  });

  it('refuses unknown postal codes with their paths, and accepts an explicit location instead', () => {
    const parsed = parseWhatIfInput(example);
    parsed.candidates[0]!.postalCode = '9999';
    expect(Object.keys(fieldsOf(() => resolveWhatIfInput(parsed, lookup)))).toEqual(['candidates[0].postalCode']);
    parsed.candidates[0]!.location = { lat: 55, lon: 9.4 };
    expect(resolveWhatIfInput(parsed, lookup).candidates[0]!.location).toEqual({ lat: 55, lon: 9.4 });
  });

  it('formats paths', () => {
    expect(jsonPath(['slots', 0, 'danish', 'spoken'])).toBe('slots[0].danish.spoken');
    expect(jsonPath([])).toBe('$');
  });
});
