// ESLint flat config. `npm run lint` runs it, and `npm test` runs `npm run lint` first.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** An import that climbs out of its folder into one of these (or through the `~` alias into app/). */
const climbsInto = (...folders) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})/|^~/`,
  message: `Layers point one way (docs/architecture.md): this folder imports nothing from ${folders.join('/ or ')}/.`,
});

export default tseslint.config(
  { ignores: ['build/', 'server-build/', 'public/build/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat['jsx-runtime'],
  jsxA11y.flatConfigs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
    settings: { react: { version: '18.3' } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two rules of hooks. The plugin's React Compiler rules (immutability, refs, …) are
      // left out: the app does not use the compiler, and they flag per-render memos it relies on.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A leading underscore names what is left out on purpose (`{ id: _id, ...rest }`, unused arguments).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // A timer declared before the callbacks that clear it and set after them is not a constant.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Input schemas reject control characters on purpose, which needs them in a character class.
      'no-control-regex': 'off',
    },
  },
  {
    // Migrations are frozen in time and typed against no schema (Kysely<any>), as Kysely's docs do.
    files: ['db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbsInto('app', 'search')] }] },
  },
  {
    files: ['search/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [climbsInto('app')] }] },
  },
  {
    // The built server takes what it starts from the Remix build (ADR 0011): a value imported here would be a second copy.
    files: ['server/**'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(app|db|search)/|^~/',
              allowTypeImports: true,
              message:
                'The server imports only types from app/, db/ and search/: it takes their values from the Remix build (app/entry.server.tsx, ADR 0011).',
            },
          ],
        },
      ],
    },
  },
);
