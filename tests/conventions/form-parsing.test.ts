/**
 * One form-parsing path (issue 22.6): every route action reads its form with
 * `parseSubmission` (app/lib/form-submission.ts: Conform with Zod and
 * Jobbro's strict number reading), directly or through `parseHiddenForm` for
 * forms of hidden fields only. Reading fields by hand (`formData.get`), the
 * older helpers (`formDataToObject`, `parseForm`, `readForm`) or Conform's
 * `parseWithZod` without Jobbro's number reading is a second path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROUTES = path.resolve(import.meta.dirname, '../../app/routes');

const SECOND_PATHS: Array<[string, RegExp]> = [
  ['formData.get', /\bformData\.get(?:All)?\(/],
  ['formDataToObject', /\bformDataToObject\(/],
  ['parseForm', /\bparseForm\(/],
  ['readForm', /\breadForm\(/],
  ['parseWithZod', /\bparseWithZod\(/],
  ['request.formData', /\brequest\.formData\(/],
];

const routeFiles = readdirSync(ROUTES).filter((name) => /\.tsx?$/.test(name) && !name.includes('.test.'));
const sourceOf = (name: string) => readFileSync(path.join(ROUTES, name), 'utf8');

describe('one form-parsing path', () => {
  it('no route reads a form any other way than parseSubmission', () => {
    const offenders = routeFiles.flatMap((name) => {
      const source = sourceOf(name);
      return SECOND_PATHS.filter(([, pattern]) => pattern.test(source)).map(([label]) => `${name}: ${label}`);
    });
    expect(offenders).toEqual([]);
  });

  it('every route that reads a form body parses it with parseSubmission or parseHiddenForm', () => {
    const unparsed = routeFiles.filter((name) => /\breadFormData\(/.test(sourceOf(name)) && !/\bparseSubmission\(/.test(sourceOf(name)));
    expect(unparsed).toEqual([]);
  });
});
