/**
 * Offline evaluation of the matcher against the labelled set in
 * tests/fixtures/eval/ (made by scripts/make-eval-set.ts). Used by
 * `npm run eval` and by eval.test.ts.
 *
 * - nDCG@10 with gains good = 3, acceptable = 1, wrong = 0 (2^rel − 1 for
 *   rel 2/1/0), the ideal ranking taken from all labelled pairs of the slot.
 * - precision@5: share of the top 5 that are good or acceptable.
 * - violations: hard-rule breaches, counted against the set's own,
 *   independently computed `eligible` lists: a ranked pair that fails a hard
 *   rule, an excluded pair that passes them all, or a candidate missing a
 *   must-have ranked above one who has them all.
 */
import { z } from 'zod';
import { matchSlot } from './match.js';
import type { Weights } from './score.js';
import type { MatchCandidate, MatchSlot } from './types.js';

export const labelsSchema = z.object({
  asOf: z.string(),
  labels: z.array(
    z.object({
      slotId: z.string(),
      type: z.enum(['igu', 'praktik', 'loentilskud']),
      good: z.array(z.string()),
      acceptable: z.array(z.string()),
      eligible: z.array(z.string()),
      designed: z.array(z.object({ candidateId: z.string(), archetype: z.string(), label: z.enum(['good', 'acceptable', 'wrong']) })),
    }),
  ),
});
export type EvalLabels = z.infer<typeof labelsSchema>;

export type SlotEvaluation = {
  slotId: string;
  type: string;
  ranked: number;
  excluded: number;
  ndcg10: number;
  precision5: number;
  violations: string[];
};

export type Evaluation = { slots: SlotEvaluation[]; ndcg10: number; precision5: number; violations: number };

const GAIN = { good: 3, acceptable: 1 } as const;

function dcg(gains: readonly number[]): number {
  let sum = 0;
  gains.forEach((g, i) => {
    sum += g / Math.log2(i + 2);
  });
  return sum;
}

/** Runs the matcher on every labelled slot and scores the rankings. */
export function evaluate(
  input: { asOf: string; slots: readonly MatchSlot[]; candidates: readonly MatchCandidate[] },
  labels: EvalLabels,
  weights?: Weights,
): Evaluation {
  const slotsById = new Map(input.slots.map((s) => [s.id, s]));
  const skillsOf = new Map(input.candidates.map((c) => [c.id, new Set(c.skills.map((k) => k.esco))]));
  const results: SlotEvaluation[] = [];

  for (const label of labels.labels) {
    const slot = slotsById.get(label.slotId);
    if (!slot) throw new Error(`labels name an unknown slot ${label.slotId}`);
    const result = matchSlot(slot, input.candidates, { asOf: input.asOf, weights });
    const gain = new Map<string, number>();
    for (const id of label.acceptable) gain.set(id, GAIN.acceptable);
    for (const id of label.good) gain.set(id, GAIN.good);
    const eligible = new Set(label.eligible);
    const required = slot.skills.filter((s) => s.required).map((s) => s.esco);
    const hasAll = (id: string) => {
      const skills = skillsOf.get(id);
      return required.every((uri) => skills?.has(uri));
    };

    const violations: string[] = [];
    let seenMissing: string | null = null;
    for (const pair of result.ranked) {
      if (!eligible.has(pair.candidateId)) violations.push(`${pair.candidateId} ranked but fails a hard rule`);
      if (!hasAll(pair.candidateId)) seenMissing ??= pair.candidateId;
      else if (seenMissing) violations.push(`${pair.candidateId} has every must-have but ranks below ${seenMissing}, who lacks one`);
    }
    for (const ex of result.excluded) {
      if (eligible.has(ex.candidateId)) violations.push(`${ex.candidateId} excluded by ${ex.rule} but passes every hard rule`);
    }

    const top = result.ranked.slice(0, 10).map((p) => gain.get(p.candidateId) ?? 0);
    const ideal = [...gain.values()].sort((a, b) => b - a).slice(0, 10);
    const idcg = dcg(ideal);
    const ndcg10 = idcg === 0 ? 1 : dcg(top) / idcg;
    const precision5 = result.ranked.slice(0, 5).filter((p) => (gain.get(p.candidateId) ?? 0) > 0).length / 5;
    results.push({
      slotId: label.slotId,
      type: label.type,
      ranked: result.ranked.length,
      excluded: result.excluded.length,
      ndcg10,
      precision5,
      violations,
    });
  }

  const mean = (f: (s: SlotEvaluation) => number) => (results.length === 0 ? 0 : results.reduce((sum, s) => sum + f(s), 0) / results.length);
  return {
    slots: results,
    ndcg10: mean((s) => s.ndcg10),
    precision5: mean((s) => s.precision5),
    violations: results.reduce((n, s) => n + s.violations.length, 0),
  };
}
