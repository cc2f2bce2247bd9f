/**
 * The search contract: every engine passes the same tests. The embedded
 * engine always runs; Meilisearch runs when MEILI_HOST (and MEILI_MASTER_KEY
 * or MEILI_API_KEY) point at a server. Results are compared with
 * `matchesFilter`, the plain-TypeScript meaning of a filter, so the engines
 * agree with it and with each other.
 */
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../db/seed/random.js';
import { createEmbeddedEngine } from '../../search/embedded-engine.js';
import type { Filter, IndexSettings, SearchDocument, SearchEngine } from '../../search/engine.js';
import { matchesFilter } from '../../search/match-filter.js';
import { createMeilisearchEngine } from '../../search/meilisearch-engine.js';
import { provisionJobbroKey } from '../../search/create-engine.server.js';

const settings: IndexSettings = {
  fields: {
    id: 'keyword',
    title: 'string',
    summary: 'string',
    municipality: 'keyword',
    programme: 'keyword',
    skills: 'keyword[]',
    languages: 'keyword[]',
    danishLevel: 'number',
    hours: 'number',
    available: 'boolean',
    note: 'keyword',
    location: 'geopoint',
  },
  searchable: ['title', 'summary'],
  filterable: ['municipality', 'programme', 'skills', 'languages', 'danishLevel', 'hours', 'available', 'note', 'location'],
  sortable: ['danishLevel', 'hours', 'title'],
  synonyms: [
    ['dishwasher', 'opvasker'],
    ['cleaner', 'rengøring', 'rengøringsassistent'],
  ],
  typoTolerance: true,
};

type CandidateDoc = SearchDocument & {
  title: string;
  summary: string;
  municipality: string;
  programme: string;
  skills: string[];
  languages: string[];
  danishLevel: number;
  hours: number;
  available: boolean;
  note?: string | null;
  location?: { lat: number; lng: number };
};

const GEO_FIELD = 'location';

const municipalities = ['101', '147', '751', '461', '851', '630'] as const;
const programmes = ['igu', 'praktik', 'loentilskud'] as const;
const skillPool = ['cleaning', 'kitchen', 'warehouse', 'forklift', 'care', 'retail', 'driving', 'welding', 'it', 'sales'] as const;
const languagePool = ['da', 'en', 'ar', 'uk', 'ti', 'fa'] as const;
const words = ['rengøring', 'køkkenhjælp', 'lager', 'pakning', 'butik', 'pleje', 'chauffør', 'svejser'] as const;

function generateCandidates(count: number): CandidateDoc[] {
  // Seeded, so failures reproduce (the project's one generator, as the seeds and factories use).
  const r = createRng(42);
  return Array.from({ length: count }, (_, i) => {
    const skills = [...new Set(Array.from({ length: r.int(0, 4) }, () => r.pick(skillPool)))];
    const languages = [...new Set(Array.from({ length: r.int(0, 3) }, () => r.pick(languagePool)))];
    const doc: CandidateDoc = {
      id: `gen-${String(i).padStart(4, '0')}`,
      title: `${r.pick(words)} ${r.pick(words)}`,
      summary: `kandidat ${i}`,
      municipality: r.pick(municipalities),
      programme: r.pick(programmes),
      skills,
      languages,
      danishLevel: r.int(0, 6),
      hours: r.int(10, 37),
      available: r.next() < 0.6,
    };
    const noteRoll = r.next();
    if (noteRoll < 0.3) doc.note = null;
    else if (noteRoll < 0.6) doc.note = r.pick(['driving-licence', 'night-shifts']);
    if (r.next() < 0.85) doc.location = { lat: 54.8 + r.next() * 2.7, lng: 8.2 + r.next() * 4.4 };
    return doc;
  });
}

function randomLeaf(r: Rng): Filter {
  switch (r.int(0, 8)) {
    case 0:
      return { field: 'municipality', eq: r.pick(municipalities) };
    case 1:
      return { field: 'skills', eq: r.pick(skillPool) };
    case 2:
      return { field: 'languages', in: [r.pick(languagePool), r.pick(languagePool)] };
    case 3:
      return { field: 'programme', in: [r.pick(programmes)] };
    case 4: {
      const low = r.int(0, 5);
      return { field: 'danishLevel', gte: low, lte: low + r.int(0, 3) };
    }
    case 5:
      return r.next() < 0.5 ? { field: 'hours', gt: r.int(10, 30) } : { field: 'hours', lt: r.int(15, 37) };
    case 6:
      return { field: 'available', eq: r.next() < 0.5 };
    case 7:
      return { field: r.pick(['note', 'location']), exists: r.next() < 0.5 };
    default:
      return { geo: { lat: 55 + r.next() * 2, lng: 9 + r.next() * 3, meters: r.int(20, 120) * 1_000 } };
  }
}

function randomFilter(r: Rng, depth: number): Filter {
  const roll = r.next();
  if (depth <= 0 || roll < 0.4) return randomLeaf(r);
  if (roll < 0.65) return { and: Array.from({ length: r.int(2, 3) }, () => randomFilter(r, depth - 1)) };
  if (roll < 0.9) return { or: Array.from({ length: r.int(2, 3) }, () => randomFilter(r, depth - 1)) };
  return { not: randomFilter(r, depth - 1) };
}

const texts: CandidateDoc[] = [
  {
    id: 't1',
    title: 'Rengøring på hotel',
    summary: 'Erfaring med rengøring og vask af linned',
    municipality: '101',
    programme: 'igu',
    skills: ['cleaning'],
    languages: ['ar'],
    danishLevel: 2,
    hours: 30,
    available: true,
  },
  {
    id: 't2',
    title: 'Køkkenhjælp i kantine',
    summary: 'Opvasker med erfaring fra storkøkken',
    municipality: '751',
    programme: 'praktik',
    skills: ['kitchen'],
    languages: ['ti', 'en'],
    danishLevel: 1,
    hours: 25,
    available: true,
  },
  {
    id: 't3',
    title: 'Smørrebrød og catering',
    summary: 'Laver smørrebrød til frokost',
    municipality: '461',
    programme: 'loentilskud',
    skills: ['kitchen', 'sales'],
    languages: ['uk'],
    danishLevel: 3,
    hours: 37,
    available: false,
  },
  {
    id: 't4',
    title: 'Lagerarbejde',
    summary: 'Truckcertifikat og pakning',
    municipality: '851',
    programme: 'igu',
    skills: ['warehouse', 'forklift'],
    languages: ['fa', 'da'],
    danishLevel: 4,
    hours: 37,
    available: true,
  },
  {
    id: 't5',
    title: 'Opvaskeren søges til restaurant',
    summary: 'Aftenvagter',
    municipality: '101',
    programme: 'praktik',
    skills: ['kitchen'],
    languages: [],
    danishLevel: 0,
    hours: 20,
    available: true,
  },
];

const hostileValues = [
  'a"b',
  '"',
  '\\',
  'x\\',
  '\\"',
  '[x]',
  ']',
  '[',
  'OR',
  'AND',
  'TO',
  'NOT',
  'EXISTS',
  'IN',
  '1 TO 5',
  "') OR id EXISTS OR ('",
  '" OR id EXISTS OR "',
  '_geoRadius(0, 0, 1)',
  'æøå ÆØÅ',
  '',
];

type EngineCase = { name: string; create: () => Promise<{ engine: SearchEngine; cleanup: () => Promise<void> }> };

const engineCases: EngineCase[] = [{ name: 'embedded', create: async () => ({ engine: createEmbeddedEngine(), cleanup: async () => undefined }) }];

// Tests may read the environment directly; the app reads it only in app/env.server.ts.
const meiliHost = process.env.MEILI_HOST;
if (meiliHost) {
  const masterKey = process.env.MEILI_MASTER_KEY || undefined;
  engineCases.push({
    name: 'meilisearch',
    create: async () => {
      const indexPrefix = `contract_${randomBytes(4).toString('hex')}_`;
      const apiKey = masterKey ? await provisionJobbroKey(meiliHost, masterKey, indexPrefix) : process.env.MEILI_API_KEY;
      const engine = createMeilisearchEngine({ host: meiliHost, apiKey, indexPrefix });
      return {
        engine,
        cleanup: async () => {
          const admin = new Meilisearch({ host: meiliHost, apiKey: masterKey ?? apiKey });
          for (const index of ['docs', 'generated', 'hostile', 'scratch']) await admin.deleteIndexIfExists(`${indexPrefix}${index}`);
        },
      };
    },
  });
}

const ids = (result: { hits: Array<{ id: string }> }) => result.hits.map((hit) => hit.id);
const sorted = (values: string[]) => [...values].sort();

describe.each(engineCases)('search engine contract: $name', ({ create }) => {
  let engine: SearchEngine;
  let cleanup: () => Promise<void>;
  const generated = generateCandidates(200);

  beforeAll(async () => {
    ({ engine, cleanup } = await create());
    await engine.configureIndex('docs', settings);
    await engine.configureIndex('generated', settings);
    await engine.configureIndex('hostile', settings);
    await engine.upsert('docs', texts);
    await engine.upsert('generated', generated);
    await engine.upsert(
      'hostile',
      hostileValues.map((value, i) => ({ ...texts[0], id: `h${i}`, municipality: value, skills: [value, 'cleaning'], title: `værdi ${value}` })),
    );
  }, 120_000);
  afterAll(async () => {
    await cleanup?.();
    await engine?.close();
  });

  it('configures idempotently and keeps documents', async () => {
    await engine.configureIndex('docs', settings);
    await engine.configureIndex('docs', settings);
    expect(await engine.count('docs')).toBe(texts.length);
    expect(await engine.healthy()).toBe(true);
  });

  it('upserts, replaces, gets, removes and clears', async () => {
    await engine.configureIndex('scratch', settings);
    await engine.upsert('scratch', [texts[0], texts[1]]);
    expect(await engine.count('scratch')).toBe(2);
    expect(await engine.get('scratch', 't1')).toEqual(texts[0]);
    await engine.upsert('scratch', [{ ...texts[0], title: 'Vinduespudser' }]);
    expect(await engine.count('scratch')).toBe(2);
    expect(await engine.get<CandidateDoc>('scratch', 't1')).toMatchObject({ title: 'Vinduespudser' });
    expect(ids(await engine.search('scratch', { q: 'vinduespudser', limit: 10 }))).toEqual(['t1']);
    expect(ids(await engine.search('scratch', { q: 'hotel', limit: 10 }))).toEqual([]);
    await engine.remove('scratch', ['t1', 'missing']);
    expect(await engine.get('scratch', 't1')).toBeNull();
    expect(await engine.count('scratch')).toBe(1);
    await engine.clear('scratch');
    expect(await engine.count('scratch')).toBe(0);
    await engine.upsert('scratch', [texts[2]]);
    expect(ids(await engine.search('scratch', { q: 'smørrebrød', limit: 10 }))).toEqual(['t3']);
    await engine.clear('scratch');
  });

  it('returns documents as stored, geopoint included', async () => {
    const withPoint = generated.find((doc) => doc.location !== undefined);
    expect(withPoint).toBeDefined();
    if (withPoint) expect(await engine.get('generated', withPoint.id)).toEqual(withPoint);
  });

  it('finds Danish words with æ, ø and å', async () => {
    expect(ids(await engine.search('docs', { q: 'rengøring', limit: 10 }))).toEqual(['t1']);
    expect(ids(await engine.search('docs', { q: 'køkkenhjælp', limit: 10 }))).toEqual(['t2']);
    expect(ids(await engine.search('docs', { q: 'smørrebrød', limit: 10 }))).toEqual(['t3']);
    expect(sorted(ids(await engine.search('docs', { q: 'smørrebrød frokost', limit: 10 })))).toEqual(['t3']);
    expect(ids(await engine.search('docs', { q: 'smørrebrød truckcertifikat', limit: 10 }))).toEqual([]);
  });

  it('finds inflected forms', async () => {
    expect(sorted(ids(await engine.search('docs', { q: 'opvasker', limit: 10 })))).toEqual(['t2', 't5']);
  });

  it('tolerates one typo in words of five letters or more, not in short words', async () => {
    expect(ids(await engine.search('docs', { q: 'rengøing', limit: 10 }))).toEqual(['t1']);
    expect(ids(await engine.search('docs', { q: 'katine', limit: 10 }))).toEqual(['t2']);
    expect(ids(await engine.search('docs', { q: 'vsk', limit: 10 }))).toEqual([]);
  });

  it('finds words in Arabic and Ukrainian (slot texts carry skill labels in da, en, ar and uk)', async () => {
    await engine.configureIndex('scratch', settings);
    await engine.upsert('scratch', [
      { ...texts[1], id: 'm1', title: 'Opvasker til kantine', summary: 'opvask · dishwashing · غسل الصحون · миття посуду' },
      { ...texts[3], id: 'm2', title: 'Lagermedarbejder', summary: 'truckkørsel · قيادة الرافعة الشوكية · керування навантажувачем' },
    ]);
    expect(ids(await engine.search('scratch', { q: 'الصحون', limit: 10 }))).toEqual(['m1']);
    expect(ids(await engine.search('scratch', { q: 'غسل الصحون', limit: 10 }))).toEqual(['m1']);
    expect(ids(await engine.search('scratch', { q: 'الرافعة', limit: 10 }))).toEqual(['m2']);
    expect(ids(await engine.search('scratch', { q: 'посуду', limit: 10 }))).toEqual(['m1']);
    expect(ids(await engine.search('scratch', { q: 'Навантажувачем', limit: 10 }))).toEqual(['m2']);
    expect(ids(await engine.search('scratch', { q: 'посуду', filter: { field: 'programme', eq: 'igu' }, limit: 10 }))).toEqual([]);
    await engine.clear('scratch');
  });

  it('expands synonyms', async () => {
    expect(ids(await engine.search('docs', { q: 'dishwasher', limit: 10 }))).toContain('t2');
    expect(ids(await engine.search('docs', { q: 'cleaner', limit: 10 }))).toEqual(['t1']);
  });

  it('combines full text with filters and counts facets', async () => {
    const result = await engine.search('docs', { q: 'kantine', filter: { field: 'programme', eq: 'praktik' }, limit: 10, facets: ['programme'] });
    expect(ids(result)).toEqual(['t2']);
    expect(result.facets).toEqual({ programme: { praktik: 1 } });
    const none = await engine.search('docs', { q: 'kantine', filter: { field: 'programme', eq: 'igu' }, limit: 10 });
    expect(none.total).toBe(0);
  });

  const explicitFilters: Array<[string, Filter]> = [
    ['eq on a keyword', { field: 'municipality', eq: '101' }],
    ['eq on an array (contains)', { field: 'skills', eq: 'forklift' }],
    ['eq on a boolean', { field: 'available', eq: false }],
    ['eq on a number', { field: 'hours', eq: 37 }],
    ['in on a keyword', { field: 'municipality', in: ['751', '851'] }],
    ['in on an array', { field: 'languages', in: ['ti', 'fa'] }],
    ['a closed range', { field: 'danishLevel', gte: 1, lte: 3 }],
    ['an open range', { field: 'hours', gt: 25, lt: 37 }],
    ['exists', { field: 'note', exists: true }],
    ['not exists', { field: 'location', exists: false }],
    ['geo radius (50 km around Copenhagen)', { geo: { lat: 55.6761, lng: 12.5683, meters: 50_000 } }],
    [
      'and',
      {
        and: [
          { field: 'programme', eq: 'igu' },
          { field: 'available', eq: true },
        ],
      },
    ],
    [
      'or',
      {
        or: [
          { field: 'programme', eq: 'igu' },
          { field: 'danishLevel', gte: 5 },
        ],
      },
    ],
    ['not', { not: { field: 'skills', in: ['kitchen', 'cleaning'] } }],
    ['empty and (everything)', { and: [] }],
    ['empty or (nothing)', { or: [] }],
    ['empty in (nothing)', { field: 'municipality', in: [] }],
  ];

  it.each(explicitFilters)('filters: %s', async (_name, filter) => {
    const expected = generated.filter((doc) => matchesFilter(doc, filter, GEO_FIELD)).map((doc) => doc.id);
    const result = await engine.search('generated', { filter, limit: 1_000 });
    expect(sorted(ids(result))).toEqual(sorted(expected));
    expect(result.total).toBe(expected.length);
  });

  it('returns the same candidate set as the reference for 150 random filters', async () => {
    const r = createRng(7);
    for (let i = 0; i < 150; i += 1) {
      const filter = randomFilter(r, 3);
      const expected = generated.filter((doc) => matchesFilter(doc, filter, GEO_FIELD)).map((doc) => doc.id);
      const result = await engine.search('generated', { filter, limit: 1_000 });
      expect(sorted(ids(result)), JSON.stringify(filter)).toEqual(sorted(expected));
    }
  });

  it('counts facets over every matching document', async () => {
    const filter: Filter = { field: 'available', eq: true };
    const matching = generated.filter((doc) => matchesFilter(doc, filter, GEO_FIELD));
    const expected: Record<string, Record<string, number>> = { municipality: {}, skills: {} };
    for (const doc of matching) {
      expected.municipality[doc.municipality] = (expected.municipality[doc.municipality] ?? 0) + 1;
      for (const skill of new Set(doc.skills)) expected.skills[skill] = (expected.skills[skill] ?? 0) + 1;
    }
    const result = await engine.search('generated', { filter, limit: 1, facets: ['municipality', 'skills'] });
    expect(result.facets).toEqual(expected);
    expect(result.total).toBe(matching.length);
  });

  it('sorts and pages', async () => {
    const byHours = [...generated].sort((a, b) => b.hours - a.hours || (a.id < b.id ? -1 : 1));
    const first = await engine.search('generated', { sort: [{ field: 'hours', direction: 'desc' }], limit: 30 });
    expect(first.hits.map((hit) => hit.document.hours)).toEqual(byHours.slice(0, 30).map((doc) => doc.hours));
    const byId = [...generated].map((doc) => doc.id).sort();
    const page = await engine.search('generated', { limit: 10, offset: 20 });
    expect(ids(page)).toEqual(byId.slice(20, 30));
    expect(page.total).toBe(generated.length);
    const sortedText = await engine.search('docs', { sort: [{ field: 'danishLevel', direction: 'asc' }], limit: 2, offset: 1 });
    expect(ids(sortedText)).toEqual(['t2', 't1']);
  });

  it.each(hostileValues.map((value, i) => [JSON.stringify(value), value, i] as const))(
    'treats %s as a plain value in filters',
    async (_label, value, i) => {
      const eq = await engine.search('hostile', { filter: { field: 'municipality', eq: value }, limit: 100 });
      expect(ids(eq)).toEqual([`h${i}`]);
      const contains = await engine.search('hostile', { filter: { field: 'skills', in: [value] }, limit: 100 });
      expect(ids(contains)).toEqual([`h${i}`]);
      const negated = await engine.search('hostile', { filter: { not: { field: 'municipality', eq: value } }, limit: 100 });
      expect(negated.total).toBe(hostileValues.length - 1);
      await expect(engine.search('hostile', { q: value, limit: 5 })).resolves.toBeDefined();
    },
  );

  it('matches nothing for a hostile value no document has', async () => {
    for (const value of ['" OR "1" = "1', 'NOT a', '] OR [']) {
      expect((await engine.search('hostile', { filter: { field: 'municipality', eq: `${value}-absent` }, limit: 10 })).total).toBe(0);
    }
  });
});
