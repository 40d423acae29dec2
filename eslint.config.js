// @ts-check
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that ships to the browser. */
const BROWSER = ['src/app/**', 'src/features/**', 'src/components/**'];
/** Code that must run in both Node and the browser. */
const SHARED = ['src/shared/**'];

/** formats/ first (read/ asks it which files are notes), then read/, parse/, enrich/, emit/. */
const STAGES = ['formats', 'read', 'parse', 'enrich', 'emit'];
const ORCHESTRATION = ['compile.ts', 'compile-file.ts', 'worker-pool.ts', 'compile-worker.ts'];

function compilerStageZones() {
  return STAGES.map((stage, at) => ({
    target: `./src/pipeline/${stage}`,
    from: [
      ...STAGES.slice(at + 1).map((later) => `./src/pipeline/${later}`),
      ...ORCHESTRATION.map((file) => `./src/pipeline/${file}`),
    ],
    message: `src/pipeline/${stage} is an earlier stage: it never imports a later one (or compile.ts).`,
  }));
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'tests/e2e/screenshots/',
      '.generated/',
      'bench-results/',
      'content/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JS config files are outside tsconfig: lint them without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: [...BROWSER],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'src/pipeline/**',
      'src/build/**',
      'scripts/**',
      'tests/**',
      '*.config.{js,ts}',
      '.ci/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },

  // Boundaries (DESIGN.md): the app never imports the compiler; shared code imports neither.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./src/app', './src/features', './src/components'],
              from: ['./src/pipeline', './src/build'],
              message: 'The app never imports the compiler; move what both need to src/shared.',
            },
            {
              target: './src/shared',
              from: [
                './src/app',
                './src/features',
                './src/components',
                './src/pipeline',
                './src/build',
              ],
              message:
                'src/shared runs in Node and the browser and depends on nothing else in src.',
            },
            {
              target: './src/pipeline',
              from: './src/build',
              message: 'The compiler knows nothing of the build (Vite, the prerenderer, the CLI).',
            },
            // The compiler's stages, in the order data flows: a stage imports only earlier ones.
            ...compilerStageZones(),
          ],
        },
      ],
    },
  },
  {
    // A feature uses another only through that feature's index.ts (what it offers), or not at all.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index$)',
              message:
                "Import another feature through its index ('../talks'), and export what it needs there.",
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycles anywhere: src/, scripts/, tests/ (type-only imports aside: they vanish
    // when compiled).
    files: ['**/*.{ts,tsx}'],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      // Follow imports into TypeScript files too (the plugin reads only .js by default).
      'import/extensions': ['.ts', '.tsx', '.js'],
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: [...BROWSER, ...SHARED],
    plugins: { import: importPlugin },
    rules: {
      // fs, path, node:*… : this code must also run in a browser.
      'import/no-nodejs-modules': 'error',
    },
  },
);
