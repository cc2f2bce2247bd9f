/**
 * The server bundle loaded as scripts/app-server.ts loads it, under tsx in a
 * child process as in production (npx remix build first; npm test does it):
 * node keeps no source map for it, and source maps stay on for the rest.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILD_FILE } from '../../tests/setup/app-harness.js';

/** What node holds for the bundle after importing it one way or the other, as seen in a fresh tsx process. */
function sourceMapAfter(how: 'plain import' | 'importWithoutSourceMap'): { mappingsChars: number; sourceMapsEnabled: boolean } {
  const helper = pathToFileURL(new URL('./import-without-source-map.ts', import.meta.url).pathname).href;
  const build = pathToFileURL(BUILD_FILE).href;
  const script = `
    import { findSourceMap } from 'node:module';
    const { importWithoutSourceMap } = await import(${JSON.stringify(helper)});
    ${how === 'plain import' ? `await import(${JSON.stringify(build)});` : `await importWithoutSourceMap(${JSON.stringify(build)});`}
    const map = findSourceMap(${JSON.stringify(build)});
    console.log(JSON.stringify({ mappingsChars: map?.payload.mappings.length ?? 0, sourceMapsEnabled: process.sourceMapsEnabled }));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1)!);
}

describe('loading the server bundle', () => {
  it('under tsx, a plain import leaves node a source map of the whole bundle', () => {
    const plain = sourceMapAfter('plain import');
    expect(plain.mappingsChars).toBeGreaterThan(1_000_000);
  });

  it('importWithoutSourceMap leaves none, and source maps stay enabled for other modules', () => {
    expect(sourceMapAfter('importWithoutSourceMap')).toEqual({ mappingsChars: 0, sourceMapsEnabled: true });
  });
});
