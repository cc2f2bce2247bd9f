import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const tiny = path.join(root, 'tests/fixtures/postal-codes-tiny.json');

function run(args: string[]) {
  return spawnSync(tsx, ['scripts/match.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run match', () => {
  it('prints ranked pairs and exclusions for the example file', () => {
    const r = run(['--input', 'tests/fixtures/what-if-example.json', '--top', '1', '--postal-codes', tiny]);
    expect(r.status).toBe(0);
    const out: { slots: Array<{ slotId: string; ranked: unknown[]; excluded: unknown[] }> } = JSON.parse(r.stdout);
    expect(out.slots).toHaveLength(3);
    expect(out.slots[0]!.ranked).toHaveLength(1);
  });

  it('exits 2 with JSON paths on stderr for invalid input', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'what-if-')), 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ asOf: '2026-03-01', slots: [{ id: 's', danish: { spoken: 'Z9' } }], candidates: [] }));
    const r = run(['--input', file, '--postal-codes', tiny]);
    expect(r.status).toBe(2);
    const err: { fields: Record<string, string[]> } = JSON.parse(r.stderr);
    expect(Object.keys(err.fields)).toContain('slots[0].danish.spoken');
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a missing --input or unreadable JSON', () => {
    expect(run([]).status).toBe(2);
    expect(run(['--input', '/nonexistent.json']).status).toBe(2);
  });
});
