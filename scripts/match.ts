/**
 * What-if matching without the database:
 *   npm run match -- --input FILE.json [--top N] [--postal-codes FILE.json]
 * Prints ranked pairs and exclusions as JSON on stdout. Invalid input goes
 * to stderr as JSON with the path of each problem, and the exit code is 2.
 * The file format is documented in docs/what-if-matcher.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { InvalidInput } from '../app/lib/errors.js';
import type { GeoPoint } from '../app/lib/geo.js';
import { type PostalCodeLookup, parseWhatIfInput, resolveWhatIfInput, runWhatIf } from '../app/matching/what-if.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_POSTAL_CODES = path.join(ROOT, 'db/data/geo/postal-codes.json');

const postalCodesSchema = z.array(z.object({ code: z.string(), lat: z.number(), lon: z.number() }).loose());

function usage(message: string): never {
  process.stderr.write(`${JSON.stringify({ error: message, usage: 'npm run match -- --input FILE.json [--top N] [--postal-codes FILE.json]' })}\n`);
  process.exit(2);
}

function loadPostalCodes(file: string): PostalCodeLookup {
  if (!fs.existsSync(file)) {
    // Inputs that give every location explicitly still work without the file.
    return () => null;
  }
  const rows = postalCodesSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byCode = new Map<string, GeoPoint>(rows.map((r) => [r.code, { lat: r.lat, lon: r.lon }]));
  return (code) => byCode.get(code) ?? null;
}

function main(): void {
  let values: { input?: string; top?: string; 'postal-codes'?: string };
  try {
    ({ values } = parseArgs({
      options: { input: { type: 'string' }, top: { type: 'string' }, 'postal-codes': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (!values.input) usage('--input is required');
  let top: number | undefined;
  if (values.top !== undefined) {
    top = Number(values.top);
    if (!Number.isInteger(top) || top < 0) usage('--top must be a whole number ≥ 0');
  }

  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(values.input, 'utf8'));
  } catch (error) {
    usage(`cannot read ${values.input} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }

  try {
    const input = parseWhatIfInput(raw);
    const resolved = resolveWhatIfInput(input, loadPostalCodes(values['postal-codes'] ?? DEFAULT_POSTAL_CODES));
    process.stdout.write(`${JSON.stringify(runWhatIf(resolved, { top }), null, 2)}\n`);
  } catch (error) {
    if (error instanceof InvalidInput) {
      process.stderr.write(`${JSON.stringify({ error: error.message, fields: error.fields }, null, 2)}\n`);
      process.exit(2);
    }
    throw error;
  }
}

main();
