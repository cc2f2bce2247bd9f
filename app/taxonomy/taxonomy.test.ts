import { describe, expect, it } from 'vitest';
import { buildSynonymGroups, taxonomySynonymGroups } from './search-synonyms.js';
import { getTaxonomy, locales, occupationUriPattern, sectorIds, skillsForOccupation, skillUriPattern } from './taxonomy.js';

const taxonomy = getTaxonomy();

describe('taxonomy data', () => {
  it('has at least 60 occupations and 400 skills', () => {
    expect(taxonomy.occupations.length).toBeGreaterThanOrEqual(60);
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(400);
  });

  it('keeps well-formed, unique ESCO URIs', () => {
    const skillUris = taxonomy.skills.map((s) => s.uri);
    const occupationUris = taxonomy.occupations.map((o) => o.uri);
    expect(skillUris.every((u) => skillUriPattern.test(u))).toBe(true);
    expect(occupationUris.every((u) => occupationUriPattern.test(u))).toBe(true);
    expect(new Set(skillUris).size).toBe(skillUris.length);
    expect(new Set(occupationUris).size).toBe(occupationUris.length);
  });

  it('gives every occupation an ISCO-08 group, a known sector and essential skills that exist', () => {
    for (const occupation of taxonomy.occupations) {
      expect(occupation.iscoGroup, occupation.labels.en).toMatch(/^[0-9]{4}$/);
      expect(sectorIds).toContain(occupation.sector);
      expect(occupation.essentialSkills.length, occupation.labels.en).toBeGreaterThan(0);
      for (const uri of [...occupation.essentialSkills, ...occupation.optionalSkills]) {
        expect(taxonomy.skillByUri.has(uri), `${occupation.labels.en} → ${uri}`).toBe(true);
      }
    }
  });

  it('has a non-empty label in all four languages for every label set', () => {
    const labelSets = [...taxonomy.skills, ...taxonomy.occupations, ...taxonomy.sectors, ...taxonomy.languages].map((x) => x.labels);
    for (const labels of labelSets) {
      for (const locale of locales) expect(labels[locale]?.trim(), JSON.stringify(labels)).toBeTruthy();
    }
  });

  it('covers every sector with occupations', () => {
    const covered = new Set(taxonomy.occupations.map((o) => o.sector));
    expect([...covered].sort()).toEqual([...sectorIds].sort());
  });

  it('lists the languages newcomers speak with ISO 639 codes', () => {
    const codes = taxonomy.languages.map((l) => l.code);
    for (const code of ['ar', 'ti', 'prs', 'ps', 'fa', 'so', 'kmr', 'ckb', 'uk', 'ru', 'tr', 'ur', 'en', 'fr', 'da']) {
      expect(codes).toContain(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('proposes the usual skills for an occupation', () => {
    const kitchenAssistant = taxonomy.occupations.find((o) => o.labels.da === 'køkkenmedhjælper');
    expect(kitchenAssistant).toBeDefined();
    const { essential, optional } = skillsForOccupation(kitchenAssistant?.uri ?? '');
    expect(essential.map((s) => s.labels.en)).toContain('comply with food safety and hygiene');
    expect(optional.length).toBeGreaterThan(0);
    expect(skillsForOccupation('http://data.europa.eu/esco/occupation/unknown')).toEqual({ essential: [], optional: [] });
  });
});

describe('taxonomySynonymGroups', () => {
  const groups = taxonomySynonymGroups();

  it('groups a skill across languages so "dishwashing" meets "opvask"', () => {
    const group = groups.find((g) => g.includes('dishwashing'));
    expect(group).toEqual(expect.arrayContaining(['betjene opvaskemaskine', 'غسل الصحون', 'миття посуду']));
    expect(groups.find((g) => g.includes('dishwasher'))).toEqual(expect.arrayContaining(['opvasker', 'opvask']));
  });

  it('keeps groups bounded and unambiguous', () => {
    const total = groups.reduce((n, g) => n + g.length, 0);
    expect(total).toBeLessThan(10_000);
    expect(groups.every((g) => g.length >= 2 && g.length <= 20)).toBe(true);
    const seen = new Map<string, number>();
    for (const g of groups) for (const term of g) seen.set(term, (seen.get(term) ?? 0) + 1);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('is deterministic', () => {
    expect(buildSynonymGroups(taxonomy)).toEqual(groups);
  });
});
