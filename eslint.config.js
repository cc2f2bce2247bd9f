// ESLint flat config. `npm run lint` runs it, and `npm test` runs `npm run lint` first.
import tseslint from 'typescript-eslint';

/** An import that climbs out of its folder into one of these (or through the `~` alias into app/). */
const climbsInto = (...folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})/|^~/`,
  message: `Layers point one way (docs/architecture.md): this folder imports nothing from ${folders.join('/ or ')}/.`,
});

export default tseslint.config(
  { ignores: ['build/', 'public/build/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', '.cache/'] },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  {
    files: ['db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbsInto('app', 'search')] }] },
  },
  {
    files: ['search/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbsInto('app')] }] },
  },
);
