/**
 * `npm test`: format check (Prettier), lint (ESLint, including the layer rule), typecheck, the production build, every Vitest suite (the
 * security suites drive the build's routes), then the Playwright journeys
 * against the same build. Stops at the first failing stage and ends
 * with one plain line, `tests: N passed, N failed, N skipped`, summed over
 * both runners from their JSON reports.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const reportDir = path.resolve('test-results');
fs.mkdirSync(reportDir, { recursive: true });
const vitestReport = path.join(reportDir, 'vitest.json');
const playwrightReport = path.join(reportDir, 'playwright.json');
fs.rmSync(vitestReport, { force: true });
fs.rmSync(playwrightReport, { force: true });

const totals = { passed: 0, failed: 0, skipped: 0 };

function run(stage: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${stage}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const vitestSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().default(0),
});
const playwrightSchema = z.object({ stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }) });

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function countVitest(): void {
  const parsed = vitestSchema.safeParse(readJson(vitestReport));
  if (!parsed.success) return;
  totals.passed += parsed.data.numPassedTests;
  totals.failed += parsed.data.numFailedTests;
  totals.skipped += parsed.data.numPendingTests + parsed.data.numTodoTests;
}

function countPlaywright(): void {
  const parsed = playwrightSchema.safeParse(readJson(playwrightReport));
  if (!parsed.success) return;
  totals.passed += parsed.data.stats.expected + parsed.data.stats.flaky;
  totals.failed += parsed.data.stats.unexpected;
  totals.skipped += parsed.data.stats.skipped;
}

function finish(ok: boolean): never {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok ? 0 : 1);
}

const npx = 'npx';
if (!run('format', npx, ['prettier', '--check', '.', '--log-level', 'warn'])) {
  totals.failed += 1;
  finish(false);
}
if (!run('lint', npx, ['eslint', '.', '--max-warnings', '0'])) {
  totals.failed += 1;
  finish(false);
}
if (!run('typecheck', npx, ['tsc', '--noEmit'])) {
  totals.failed += 1;
  finish(false);
}
if (!run('build', 'npm', ['run', 'build'])) {
  totals.failed += 1;
  finish(false);
}
const unitOk = run('unit and integration tests', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
countVitest();
if (!unitOk) {
  if (totals.failed === 0) totals.failed += 1;
  finish(false);
}
const e2eOk = run('browser tests', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport });
countPlaywright();
if (!e2eOk && totals.failed === 0) totals.failed += 1;
finish(e2eOk);
