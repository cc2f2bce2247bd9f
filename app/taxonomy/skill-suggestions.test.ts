import { describe, expect, it } from 'vitest';
import { suggestFromCatalogue, suggestSkills, suggestionCatalogue } from './skill-suggestions.js';
import { buildTaxonomy, getTaxonomy } from './taxonomy.js';

const labels = (en: string) => ({ da: `${en} (da)`, en, ar: `${en} (ar)`, uk: `${en} (uk)` });
const synonyms = { da: [], en: [], ar: [], uk: [] };
const skillUri = (n: number) => `http://data.europa.eu/esco/skill/00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const occupationUri = (n: number) => `http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const skill = (n: number) => ({ uri: skillUri(n), kind: 'skill', labels: labels(`skill ${n}`), synonyms, sectors: [] });
const occupation = (n: number, essential: number[], optional: number[]) => ({
  uri: occupationUri(n),
  iscoGroup: '1234',
  sector: 'kitchen',
  labels: labels(`occupation ${n}`),
  synonyms,
  essentialSkills: essential.map(skillUri),
  optionalSkills: optional.map(skillUri),
});

const taxonomy = buildTaxonomy({
  skills: [1, 2, 3, 4, 5, 6].map(skill),
  occupations: [occupation(1, [1, 2], [3, 4]), occupation(2, [5, 3], [1, 6])],
  sectors: [],
  languages: [],
});

describe('suggestSkills', () => {
  it('lists every essential skill of the occupations before any optional one, each once', () => {
    const suggested = suggestSkills(taxonomy, { occupations: [occupationUri(1), occupationUri(2)], have: [], lang: 'en' });
    expect(suggested.map((s) => [s.label, s.relation])).toEqual([
      ['skill 1', 'essential'],
      ['skill 2', 'essential'],
      ['skill 5', 'essential'],
      ['skill 3', 'essential'],
      ['skill 4', 'optional'],
      ['skill 6', 'optional'],
    ]);
  });

  it('leaves out the skills already chosen and labels in the reader’s language', () => {
    const suggested = suggestSkills(taxonomy, { occupations: [occupationUri(1)], have: [skillUri(1), skillUri(4)], lang: 'ar' });
    expect(suggested.map((s) => s.label)).toEqual(['skill 2 (ar)', 'skill 3 (ar)']);
  });

  it('keeps to the limit and ignores unknown occupations', () => {
    expect(suggestSkills(taxonomy, { occupations: [occupationUri(2)], have: [], lang: 'da', limit: 2 }).map((s) => s.uri)).toEqual([
      skillUri(5),
      skillUri(3),
    ]);
    expect(suggestSkills(taxonomy, { occupations: [occupationUri(9)], have: [], lang: 'da' })).toEqual([]);
  });

  it('suggests a nurse’s nursing skills from the shipped taxonomy', () => {
    const shipped = getTaxonomy();
    const nurse = shipped.occupations.find((o) => o.labels.en === 'nurse responsible for general care');
    const suggested = suggestSkills(shipped, { occupations: [nurse?.uri ?? ''], have: [], lang: 'uk' });
    expect(suggested[0]).toMatchObject({ relation: 'essential', label: expect.any(String) });
    expect(suggested.map((s) => shipped.skillByUri.get(s.uri)?.labels.en)).toContain('implement fundamentals of nursing');
  });

  it('a catalogue for the browser suggests exactly what the taxonomy does, for any ticked occupations', () => {
    const catalogue = suggestionCatalogue(taxonomy, 'ar');
    expect(catalogue.skills.map(([, label]) => label)).toEqual([
      'skill 1 (ar)',
      'skill 2 (ar)',
      'skill 3 (ar)',
      'skill 4 (ar)',
      'skill 5 (ar)',
      'skill 6 (ar)',
    ]);
    for (const input of [
      { occupations: [occupationUri(1), occupationUri(2)], have: [] },
      { occupations: [occupationUri(2), occupationUri(1)], have: [skillUri(5)], limit: 3 },
      { occupations: [occupationUri(9)], have: [] },
    ]) {
      expect(suggestFromCatalogue(catalogue, input)).toEqual(suggestSkills(taxonomy, { ...input, lang: 'ar' }));
    }

    const shipped = getTaxonomy();
    const shippedCatalogue = suggestionCatalogue(shipped, 'da');
    const held = shipped.occupations.slice(0, 40).map((o) => o.uri);
    const have = shipped.occupations[3]?.essentialSkills ?? [];
    expect(suggestFromCatalogue(shippedCatalogue, { occupations: held, have, limit: 16 })).toEqual(
      suggestSkills(shipped, { occupations: held, have, lang: 'da', limit: 16 }),
    );
    // Each skill once: a skill named by many occupations is not repeated.
    expect(new Set(shippedCatalogue.skills.map(([uri]) => uri)).size).toBe(shippedCatalogue.skills.length);
  });
});
