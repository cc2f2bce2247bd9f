/**
 * Icons render everywhere (issue 25, item 7): emoji used as icons show as
 * empty boxes on machines without an emoji font, as jobcentre PCs may be,
 * so every route module and component draws its icons as SVG (lucide-react)
 * with a text label. This reads their source, comments left out, and every
 * translation, and fails on any pictographic character (Unicode
 * Extended_Pictographic: 📍 🚌 🔒 👁 ⚠ ✍ ⏱ …), and on arrows written as
 * text in the candidate's pages, which do not turn round in Arabic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const appDir = path.resolve(import.meta.dirname, '..');

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(file, keep);
    return keep(file) ? [file] : [];
  });
}

/** The code without its comments (block, line and JSX comments), line numbers kept. */
function withoutComments(source: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return source.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|[^:'"`\\])\/\/.*$/gm, (_all, before: string) => before);
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const TEXT_ARROW = /[←→⟵⟶⬅➡]/u;

function offences(file: string, pattern: RegExp): string[] {
  const source = file.endsWith('.json') ? fs.readFileSync(file, 'utf8') : withoutComments(fs.readFileSync(file, 'utf8'));
  return source
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${path.relative(appDir, file)}:${i + 1}: ${line.trim().slice(0, 80)}`] : []));
}

const sourceFiles = filesUnder(appDir, (file) => /\.(tsx|ts)$/.test(file) && !/\.test\.tsx?$/.test(file));
const translationFiles = filesUnder(path.join(appDir, 'i18n/locales'), (file) => file.endsWith('.json'));

describe('icons', () => {
  it('finds the files it scans', () => {
    expect(sourceFiles.some((file) => file.endsWith(path.join('routes', 'candidate.profile.place.tsx')))).toBe(true);
    expect(translationFiles.length).toBeGreaterThan(20);
  });

  it('no route module, component or translation draws an emoji', () => {
    expect([...sourceFiles, ...translationFiles].flatMap((file) => offences(file, PICTOGRAPHIC))).toEqual([]);
  });

  it('no candidate page writes an arrow as text (an SVG arrow turns round in right-to-left)', () => {
    const candidateFiles = sourceFiles.filter((file) => /routes[/\\]candidate\.|candidates[/\\]ui\.tsx$/.test(file));
    expect(candidateFiles.length).toBeGreaterThan(5);
    expect(candidateFiles.flatMap((file) => offences(file, TEXT_ARROW))).toEqual([]);
  });

  it('leaves comments out but keeps strings', () => {
    expect(withoutComments('const a = 1; // 📍 here\n/* 🚌 */ const b = "🚗";')).not.toMatch(/📍|🚌/);
    expect(withoutComments('const b = "🚗"; const u = "http://x";')).toContain('🚗');
    expect(withoutComments('const u = "http://x";')).toContain('http://x');
  });
});
