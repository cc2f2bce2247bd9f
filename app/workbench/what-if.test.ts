import { describe, expect, it } from 'vitest';
import { parseSubmission } from '../lib/form-submission.js';
import { addDays, todayOf } from '../lib/dates.js';
import { getTaxonomy } from '../taxonomy/taxonomy.js';
import { factsFromQuery, movementsBetween, sameFacts, whatIfQuerySchema, type SlotFacts } from './what-if.js';

const [dish, hygiene] = getTaxonomy().skills.map((skill) => skill.uri);
const today = todayOf();

function query(fields: Record<string, string | string[]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  return params;
}

describe('movement between the ranking now and with the changes', () => {
  it('counts places up and down, and names who is new, who stays and who drops out', () => {
    const moves = movementsBetween(['a', 'b', 'c', 'd'], ['c', 'a', 'b', 'e']);
    expect(Object.fromEntries(moves)).toEqual({
      c: { kind: 'up', places: 2 },
      a: { kind: 'down', places: 1 },
      b: { kind: 'down', places: 1 },
      e: { kind: 'new' },
      d: { kind: 'out' },
    });
  });

  it('is "same" for everyone when the order does not change', () => {
    expect([...movementsBetween(['a', 'b'], ['a', 'b']).values()]).toEqual([{ kind: 'same' }, { kind: 'same' }]);
  });
});

describe('the what-if query string', () => {
  it('reads levels, skills and a date; an empty Danish field means no requirement', () => {
    const submission = parseSubmission(
      query({ danishSpoken: 'B1', danishWritten: '', mustSkills: [dish!], niceSkills: [hygiene!], startDate: addDays(today, 30) }),
      whatIfQuerySchema,
    );
    expect(submission.status).toBe('success');
    if (submission.status !== 'success') return;
    expect(factsFromQuery(submission.value)).toEqual({
      danishSpoken: 'B1',
      danishWritten: null,
      mustSkills: [dish],
      niceSkills: [hygiene],
      startDate: addDays(today, 30),
    });
  });

  it.each([
    ['a Danish level out of range', { danishSpoken: 'D1' }, 'danishSpoken', 'danishLevel'],
    ['an unknown skill id', { mustSkills: ['http://data.europa.eu/esco/skill/not-a-skill'] }, 'mustSkills[0]', 'skillUnknown'],
    ['an impossible date', { startDate: '2027-02-30' }, 'startDate', 'date'],
    ['a date far in the future', { startDate: addDays(today, 365 * 6) }, 'startDate', 'dateRange'],
    ['no date at all', { startDate: '' }, 'startDate', 'date'],
    ['one skill both must-have and nice-to-have', { mustSkills: [dish!], niceSkills: [dish!] }, 'niceSkills[0]', 'skillTwice'],
  ])('refuses %s with an error on that field', (_label, fields, field, key) => {
    const submission = parseSubmission(query({ startDate: addDays(today, 30), ...fields }), whatIfQuerySchema);
    expect(submission.status).toBe('error');
    expect(submission.reply().error?.[field]).toEqual([key]);
  });
});

describe('sameFacts', () => {
  const facts: SlotFacts = { danishSpoken: 'A2', danishWritten: null, mustSkills: ['x', 'y'], niceSkills: [], startDate: '2026-04-01' };
  it('compares skills as sets and every other fact as it is', () => {
    expect(sameFacts(facts, { ...facts, mustSkills: ['y', 'x'] })).toBe(true);
    expect(sameFacts(facts, { ...facts, mustSkills: ['x'] })).toBe(false);
    expect(sameFacts(facts, { ...facts, danishSpoken: null })).toBe(false);
    expect(sameFacts(facts, { ...facts, startDate: '2026-04-02' })).toBe(false);
  });
});
