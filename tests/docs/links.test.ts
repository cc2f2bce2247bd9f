/**
 * Every link a reader may follow must lead somewhere: relative links in the
 * Markdown files, repository paths cited in Markdown and in code comments
 * (`app/…`, `docs/…`), "ADR 0007"-style citations and bare upper-case
 * document names (`README.md`). A moved or deleted file otherwise leaves
 * comments pointing at nothing, as the domain rules and a renamed ADR once did.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeadLinks } from './links.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('links in docs and comments', () => {
  it('every relative link, cited path and ADR number resolves', () => {
    expect(findDeadLinks(root)).toEqual([]);
  });

  it('reports each kind of dead link it checks', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'links-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs/decisions'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'docs/decisions/0001-one.md'), '# One\n');
      fs.writeFileSync(
        path.join(dir, 'README.md'),
        'See [one](docs/decisions/0001-one.md), [gone](docs/gone.md#part), [web](https://example.org) and `app/missing.ts`.\n',
      );
      fs.writeFileSync(
        path.join(dir, 'app/rule.ts'),
        '// As ADR 0001 and ADR 0002 say (DOMAIN.md, README.md); see docs/decisions/0001-one.md.\nconst url = "app/not-a-comment.ts";\n',
      );
      expect(findDeadLinks(dir).sort()).toEqual([
        'README.md: app/missing.ts',
        'README.md: docs/gone.md',
        'app/rule.ts: ADR 0002',
        'app/rule.ts: DOMAIN.md',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
