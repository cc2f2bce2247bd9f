import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../lib/errors.js';
import { answerSkillLookup, parseSkillLookupQuery } from './lookup-query.server.js';

const params = (s: string) => new URLSearchParams(s);
const call = async (search: string) => answerSkillLookup(new Request(`http://localhost/api/v1/skills?${search}`));

describe('parseSkillLookupQuery', () => {
  it('applies defaults', () => {
    expect(parseSkillLookupQuery(params('q=opvask'))).toEqual({ q: 'opvask', lang: 'da', kinds: undefined, limit: 10 });
    expect(parseSkillLookupQuery(params('q=cook&lang=ar&kind=occupation&limit=5'))).toEqual({
      q: 'cook',
      lang: 'ar',
      kinds: ['occupation'],
      limit: 5,
    });
  });

  it('names each bad field', () => {
    try {
      parseSkillLookupQuery(params(`q=${'x'.repeat(101)}&lang=fr&limit=99&kind=tool`));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInput);
      const fields = error instanceof InvalidInput ? error.fields : {};
      expect(Object.keys(fields).sort()).toEqual(['kind', 'lang', 'limit', 'q']);
    }
    expect(() => parseSkillLookupQuery(params(''))).toThrow(InvalidInput);
    expect(() => parseSkillLookupQuery(params('q=%20%20'))).toThrow(InvalidInput);
  });
});

describe('GET /api/v1/skills', () => {
  it('answers JSON results with labels in the requested language', async () => {
    const response = await call('q=dishwashing&lang=uk&kind=skill');
    expect(response.status).toBe(200);
    const body: { results: { uri: string; label: string; matched: string }[] } = await response.json();
    expect(body.results[0]).toMatchObject({ label: 'працювати з посудомийною машиною', matched: 'dishwashing' });
  });

  it('answers 400 invalid_input with field details for a bad query', async () => {
    const response = await call('lang=xx');
    expect(response.status).toBe(400);
    const body: { error: { code: string; details: Record<string, string[]> } } = await response.json();
    expect(body.error.code).toBe('invalid_input');
    expect(Object.keys(body.error.details).sort()).toEqual(['lang', 'q']);
  });
});
