import { describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from './embedded-engine.js';
import type { IndexSettings, SearchDocument } from './engine.js';

/**
 * The embedded engine tokenizes long label texts (a slot's skill labels in
 * four languages, joined by ' · ') part by part, with a cache; the words,
 * and so matches and relevance, must be those of the text read whole.
 */
const settings: IndexSettings = {
  fields: { id: 'keyword', title: 'string', skillText: 'string' },
  searchable: ['title', 'skillText'],
  filterable: [],
  sortable: [],
  synonyms: [],
  typoTolerance: true,
};

const labels = [
  'Opvasker · Dishwasher · غسال الصحون · Посудомийник',
  'Rengøringsassistent · Cleaner · عامل نظافة · Прибиральник',
  'Køkkenmedhjælper · Kitchen assistant · مساعد مطبخ · Помічник кухаря',
  'Lagerarbejder · Warehouse worker · عامل مستودع · Складський працівник',
  'Pædagogmedhjælper · Childcare assistant · مساعد رعاية أطفال · Помічник вихователя',
  'Opvasker · Dishwasher again, with ΣΟΦΟΣ and Ärzte',
];

function documents(separator: string): SearchDocument[] {
  return Array.from({ length: 64 }, (_, i) => {
    // Every subset of the labels in turn, in an order that differs by document; most over 200 characters.
    const chosen = labels.filter((_, j) => (i >> j) % 2 === 1);
    const rotated = [...chosen.slice(i % Math.max(1, chosen.length)), ...chosen.slice(0, i % Math.max(1, chosen.length))];
    return {
      id: `s${String(i).padStart(2, '0')}`,
      title: i % 3 === 0 ? 'Opvasker søges' : 'Hjælp i køkkenet',
      skillText: rotated.join(' · ').replaceAll(' · ', separator),
    };
  });
}

/** Every word of the labels, each a query of its own. */
const words = [
  ...new Set(
    labels
      .join(' ')
      .split(/[^\p{L}\p{M}\p{N}]+/u)
      .filter((word) => word !== ''),
  ),
];

describe('embedded engine text', () => {
  it('finds and ranks long label texts as if they were read whole', async () => {
    const split = createEmbeddedEngine();
    const whole = createEmbeddedEngine();
    await split.configureIndex('slots', settings);
    await whole.configureIndex('slots', settings);
    await split.upsert('slots', documents(' · '));
    // Without the label separator every text is read whole.
    await whole.upsert('slots', documents(' , '));
    expect(documents(' , ').some((document) => String(document.skillText).includes(' · '))).toBe(false);
    expect(documents(' · ').some((document) => String(document.skillText).length > 200)).toBe(true);
    for (const q of [...words, 'kitchen assistant', 'σοφος', 'rengøringsasistent', 'lager']) {
      const a = await split.search('slots', { q, limit: 40 });
      const b = await whole.search('slots', { q, limit: 40 });
      expect(a.total, q).toBeGreaterThan(0);
      expect(
        a.hits.map((hit) => hit.id),
        q,
      ).toEqual(b.hits.map((hit) => hit.id));
      expect(a.total, q).toBe(b.total);
    }
  });
});

describe('embedded engine and the taxonomy lookup agree on words', () => {
  const slots: SearchDocument[] = [
    { id: 'forklift', title: 'Lagerjob', skillText: 'køre gaffeltruck · قيادة الرافعة الشوكية · керувати навантажувачем' },
    { id: 'cleaning', title: 'Rengøring på kontor', skillText: 'udføre rengøringsopgaver · أداء مهام التنظيف' },
    { id: 'accounts', title: 'Bogholder', skillText: 'bogføring · المحاسبة · бухгалтерія' },
  ];

  it.each([
    ['رافعة شوكية', 'forklift'],
    ['بالرافعة', 'forklift'],
    ['رافعه', 'forklift'],
    ['rengoring', 'cleaning'],
    ['rengoering kontor', 'cleaning'],
    ['محاسبة', 'accounts'],
    ['бухгалтерії', 'accounts'],
  ])('finds %j in a slot written otherwise', async (q, id) => {
    const engine = createEmbeddedEngine();
    await engine.configureIndex('slots', settings);
    await engine.upsert('slots', slots);
    const result = await engine.search('slots', { q, limit: 5 });
    expect(result.hits.map((hit) => hit.id)).toEqual([id]);
  });
});
