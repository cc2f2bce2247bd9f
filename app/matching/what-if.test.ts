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
    expect(out.slots.map((s) => s.slotId)).toEqual(['slot-kitchen-aabenraa', 'slot-cleaning-soenderborg', 'slot-warehouse-haderslev']);
    const kitchen = out.slots[0]!;
    expect(kitchen.ranked[0]!.candidateId).toBe('cand-amina');
    expect(kitchen.excluded).toEqual([expect.objectContaining({ candidateId: 'cand-farid', rule: 'igu.age', source: 'L 82 2023-24' })]);
    for (const pair of kitchen.ranked) expect(pair.reasons.every((r) => typeof r === 'string')).toBe(true);
  });

  it('checks net job creation for a løntilskud slot on its start date, and only for løntilskud', () => {
    const out = runWhatIf(resolveWhatIfInput(parseWhatIfInput(example), lookup));
    expect(out.slots[0]!.checks).toBeUndefined();
    // Vacated 2025-11-28, start 2026-04-01: before the window (2026-01-01 on), and 14.5 FTE > 12.
    expect(out.slots[2]!.checks?.map((v) => [v.rule, v.ok])).toEqual([
      ['loentilskud.headcount_growth', true],
      ['loentilskud.vacated_post', true],
    ]);
    const input = structuredClone(parseWhatIfInput(example));
    const warehouse = input.slots[2]!;
    warehouse.netJobs = { fteNow: 12, fte12mAgo: 12, fillsVacancy: true, vacatedOn: '2026-01-01' };
    expect(
      runWhatIf(resolveWhatIfInput(input, lookup))
        .slots[2]!.checks?.filter((v) => !v.ok)
        .map((v) => v.rule),
    ).toEqual(['loentilskud.headcount_growth', 'loentilskud.vacated_post']);
    delete warehouse.netJobs;
    expect(runWhatIf(resolveWhatIfInput(input, lookup)).slots[2]!.checks).toEqual([
      expect.objectContaining({ rule: 'loentilskud.net_jobs_unanswered', ok: false }),
    ]);
  });

  it('refuses net-job answers that are out of range, incomplete or on another scheme', () => {
    const base = parseWhatIfInput(example);
    const withSlots = (slots: unknown[]) => ({ ...base, slots });
    const [kitchen, cleaning, warehouse] = base.slots;
    const fields = fieldsOf(() =>
      parseWhatIfInput(
        withSlots([
          { ...kitchen, netJobs: { fteNow: 3, fte12mAgo: 2, fillsVacancy: false } },
          { ...cleaning },
          { ...warehouse, netJobs: { fteNow: 20_000.5, fte12mAgo: -1, fillsVacancy: true } },
        ]),
      ),
    );
    expect(Object.keys(fields).sort()).toEqual([
      'slots[0].netJobs',
      'slots[2].netJobs.fte12mAgo',
      'slots[2].netJobs.fteNow',
      'slots[2].netJobs.vacatedOn',
    ]);
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
