import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSynonymGroups, taxonomySynonymGroups } from './search-synonyms.js';
import { getTaxonomy, locales, occupationUriPattern, sectorIds, skillsForOccupation, skillUriPattern } from './taxonomy.js';

const taxonomy = getTaxonomy();

/** conceptUri → preferredLabel from an ESCO CSV file (RFC 4180, quoted fields may hold commas and newlines). */
function escoLabelsByUri(csv: string): Map<string, string> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
    } else field += c;
  }
  const [header = [], ...body] = rows;
  const uri = header.indexOf('conceptUri');
  const label = header.indexOf('preferredLabel');
  return new Map(body.map((r) => [r[uri] ?? '', (r[label] ?? '').trim()]));
}

describe('taxonomy data', () => {
  it('covers the professions newcomers bring: at least 250 occupations and 1,200 skills', () => {
    expect(taxonomy.occupations.length).toBeGreaterThanOrEqual(250);
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(1200);
    const occupations = new Set(taxonomy.occupations.map((o) => o.labels.en));
    for (const profession of [
      'accountant',
      'primary school teacher',
      'nurse responsible for general care',
      'specialised doctor',
      'civil engineer',
      'hairdresser',
      'tailor',
      'baker',
      'bus driver',
      'electrician',
      'vehicle technician',
      'pharmacist',
      'lawyer',
      'cook',
      'building cleaner',
      'carpenter',
      'welder',
      'warehouse worker',
      'care at home worker',
      'software developer',
    ]) {
      expect(occupations, profession).toContain(profession);
    }
  });

  it('takes every URI and English label from ESCO (the extract in db/data/taxonomy/esco), each concept once', () => {
    for (const [file, items] of [
      ['skills_en.csv', taxonomy.skills],
      ['occupations_en.csv', taxonomy.occupations],
    ] as const) {
      const esco = escoLabelsByUri(readFileSync(new URL(`../../db/data/taxonomy/esco/${file}`, import.meta.url), 'utf8'));
      for (const item of items) expect(esco.get(item.uri), `${item.labels.en} (${item.uri})`).toBe(item.labels.en);
      const englishLabels = items.map((item) => item.labels.en.toLowerCase());
      expect(new Set(englishLabels).size, file).toBe(englishLabels.length);
    }
  });

  it('gives every occupation 4 to 12 suggested skills, none listed twice', () => {
    for (const occupation of taxonomy.occupations) {
      const all = [...occupation.essentialSkills, ...occupation.optionalSkills];
      expect(all.length, occupation.labels.en).toBeGreaterThanOrEqual(4);
      expect(all.length, occupation.labels.en).toBeLessThanOrEqual(12);
      expect(new Set(all).size, occupation.labels.en).toBe(all.length);
    }
  });

  it('has labels that differ from one concept to the next in every language', () => {
    for (const items of [taxonomy.skills, taxonomy.occupations]) {
      for (const locale of locales) {
        const labels = items.map((item) => item.labels[locale].toLocaleLowerCase(locale));
        const repeated = labels.filter((label, i) => labels.indexOf(label) !== i);
        expect(repeated, locale).toEqual([]);
      }
    }
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
