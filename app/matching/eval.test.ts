import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, labelsSchema } from './evaluation.js';
import { matchSlot } from './match.js';
import { parseWhatIfInput, resolveWhatIfInput } from './what-if.js';

const read = (file: string): unknown => JSON.parse(fs.readFileSync(new URL(`../../tests/fixtures/eval/${file}`, import.meta.url), 'utf8'));

const input = resolveWhatIfInput(parseWhatIfInput(read('eval-set.json')), () => null);
const labels = labelsSchema.parse(read('labels.json'));

describe('labelled evaluation set', () => {
  it('is big enough and covers every scheme and archetype', () => {
    expect(input.slots.length).toBeGreaterThanOrEqual(40);
    expect(input.candidates.length).toBeGreaterThanOrEqual(400);
    expect(new Set(labels.labels.map((l) => l.type))).toEqual(new Set(['igu', 'praktik', 'loentilskud']));
    const archetypes = new Set(labels.labels.flatMap((l) => l.designed.map((d) => d.archetype)));
    expect(archetypes.size).toBeGreaterThanOrEqual(14);
  });

  it('has no hard-rule violations', () => {
    const result = evaluate(input, labels);
    expect(result.slots.flatMap((s) => s.violations)).toEqual([]);
    expect(result.violations).toBe(0);
  });

  it('ranks well against the labels (guards against regressions in the weights)', () => {
    const result = evaluate(input, labels);
    expect(result.ndcg10).toBeGreaterThan(0.9);
    expect(result.precision5).toBeGreaterThan(0.9);
  });

  it('never puts a designed "wrong" pair in the top 5 of its slot', () => {
    for (const slot of input.slots) {
      const label = labels.labels.find((l) => l.slotId === slot.id)!;
      const wrong = new Set(label.designed.filter((d) => d.label === 'wrong').map((d) => d.candidateId));
      expect(wrong.size).toBeGreaterThanOrEqual(4);
      const top5 = matchSlot(slot, input.candidates, { asOf: input.asOf, top: 5 }).ranked.map((p) => p.candidateId);
      expect(top5.filter((id) => wrong.has(id))).toEqual([]);
    }
  });
});

describe('the labels', () => {
  it('are made by a judge that imports none of the matcher’s rules, so they do not repeat what they judge', () => {
    const generator = fs.readFileSync(new URL('../../scripts/make-eval-set.ts', import.meta.url), 'utf8');
    const imports = [...generator.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((from) => /app\/(matching|rules)\//.test(from ?? ''))).toEqual([]);
  });
});
