/**
 * `npm run eval`: ranks the labelled evaluation set (tests/fixtures/eval/)
 * with the matcher, prints one line per slot and ends with
 *   eval ndcg@10=<x> precision@5=<x> violations=<n>
 * Exits 1 if any hard rule is violated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, labelsSchema } from '../app/matching/evaluation.js';
import { matchSlot } from '../app/matching/match.js';
import { parseWhatIfInput, resolveWhatIfInput } from '../app/matching/what-if.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/eval');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));

// Every location in the set is explicit, so no postal code lookup is needed.
const input = resolveWhatIfInput(parseWhatIfInput(readJson('eval-set.json')), () => null);
const labels = labelsSchema.parse(readJson('labels.json'));
const result = evaluate(input, labels);

// Timing on a warm process (the first pass includes JIT compilation): the
// median over five passes of matching every slot against all candidates.
const passes: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  for (const slot of input.slots) matchSlot(slot, input.candidates, { asOf: input.asOf });
  passes.push(performance.now() - started);
}
const elapsed = passes.sort((a, b) => a - b)[2]!;

for (const s of result.slots) {
  process.stdout.write(
    `${s.slotId} ${s.type.padEnd(11)} ranked=${String(s.ranked).padStart(3)} excluded=${String(s.excluded).padStart(3)} ndcg@10=${s.ndcg10.toFixed(3)} precision@5=${s.precision5.toFixed(2)}${s.violations.length ? ` VIOLATIONS: ${s.violations.join('; ')}` : ''}\n`,
  );
}
process.stdout.write(
  `${result.slots.length} slots × ${input.candidates.length} candidates matched in ${elapsed.toFixed(1)} ms, warm median (${(elapsed / result.slots.length).toFixed(2)} ms per slot)\n`,
);
process.stdout.write(`eval ndcg@10=${result.ndcg10.toFixed(3)} precision@5=${result.precision5.toFixed(3)} violations=${result.violations}\n`);
if (result.violations > 0) process.exitCode = 1;
