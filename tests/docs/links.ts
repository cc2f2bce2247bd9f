/**
 * Finds the links in a repository's Markdown and code comments that lead
 * nowhere; tests/docs/links.test.ts runs it over this repository.
 */
import fs from 'node:fs';
import path from 'node:path';

const skippedDirectories = new Set(['node_modules', '.git', 'build', 'data', 'test-results', '.cache', 'playwright-report']);
const codeFile = /\.(ts|tsx|js|mjs|cjs)$/;
const topLevel = '(?:app|db|docs|search|scripts|tests|public|patches|\\.ci)';
// A repository path: a top-level folder, then path characters up to a
// placeholder (`<name>`), a glob or the end of the word.
const citedPath = new RegExp(`(?<![\\w./@~-])(${topLevel}/[\\w./@+-]*[\\w/])`, 'g');
const markdownLink = /\]\(([^)\s]+)\)/g;
const adrCitation = /\bADR (\d{4})\b/g;
const bareDocument = /(?<![\w./-])([A-Z][A-Z_]+\.md)\b/g;
const comment = /\/\*[\s\S]*?\*\/|(?<![:\w'"`])\/\/[^\n]*/g;

function* walk(root: string, dir = ''): Generator<string> {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) yield* walk(root, path.join(dir, entry.name));
    } else if (entry.name.endsWith('.md') || codeFile.test(entry.name)) {
      yield path.join(dir, entry.name);
    }
  }
}

/** `file: link` for every link, cited path or ADR number that does not resolve. */
export function findDeadLinks(root: string): string[] {
  const decisionsDir = path.join(root, 'docs/decisions');
  const decisions = fs.existsSync(decisionsDir) ? fs.readdirSync(decisionsDir) : [];
  const dead = new Set<string>();
  for (const file of walk(root)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const isMarkdown = file.endsWith('.md');
    const prose = isMarkdown ? [text] : Array.from(text.matchAll(comment), (m) => m[0]);
    const report = (link: string) => dead.add(`${file}: ${link}`);
    for (const chunk of prose) {
      if (isMarkdown) {
        for (const [, target] of chunk.matchAll(markdownLink)) {
          if (/^[a-z]+:|^#/.test(target)) continue;
          const withoutAnchor = target.replace(/#.*$/, '');
          if (!fs.existsSync(path.resolve(root, path.dirname(file), withoutAnchor))) report(withoutAnchor);
        }
      }
      for (const [, cited] of chunk.matchAll(citedPath)) {
        const withoutFullStop = cited.replace(/\.$/, '');
        if (!fs.existsSync(path.join(root, withoutFullStop))) report(withoutFullStop);
      }
      for (const [citation, number] of chunk.matchAll(adrCitation)) {
        if (!decisions.some((name) => name.startsWith(`${number}-`))) report(citation);
      }
      for (const [, name] of chunk.matchAll(bareDocument)) {
        if (!fs.existsSync(path.join(root, name)) && !fs.existsSync(path.join(root, path.dirname(file), name))) report(name);
      }
    }
  }
  return [...dead];
}
