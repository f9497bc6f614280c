// ESLint (flat config): typescript-eslint's type-checked rules, and the layer boundaries of the architecture
// (README, "Architecture") as no-restricted-imports, so an arrow that runs the wrong way fails `npm run lint`.
// test/unit/lintBoundaries.test.ts proves the boundary rules fire.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders that drive VS Code's UI; the API client and the query language must stay usable without them. */
const UI_FOLDERS = ['tree', 'webview', 'commands', 'language', 'auth', 'export'];
const uiImports = UI_FOLDERS.flatMap((f) => [`**/${f}`, `**/${f}/**`]);

const noVscode = { name: 'vscode', message: 'src/api and src/query run without VS Code (tests, the bench, the webview): no vscode import.' };
const noUi = { group: uiImports, message: 'src/api and src/query import nothing from the UI folders.' };

/** The webview features (every folder of src/webview/, a new panel included): they talk through commands, never by import. */
const WEBVIEW_FEATURES = readdirSync(join(import.meta.dirname, 'src', 'webview'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const webviewRules = (patterns) => ({ rules: { 'no-restricted-imports': ['error', { patterns }] } });
const webviewApart = [
  { group: ['**/tree', '**/tree/**'], message: 'The webviews and the tree talk through commands and services, not imports.' },
  { group: ['**/commands', '**/commands/**'], message: 'A webview runs commands by name (executeCommand); it does not import a command module.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/dist/**', 'node_modules/**', '.vscode-test/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: [
      'test/unit/**/*.ts',
      'test/emulator/**/*.ts',
      'test/support/**/*.ts',
      'test/vscode/suite/**/*.ts',
      'test/vscode/electron/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.ts',
    ],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['test/vscode/e2e/**/*.ts', 'test/vscode/harness/**/*.ts'],
    languageOptions: { parserOptions: { project: './test/vscode/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['media/src/**/*.ts'],
    languageOptions: { parserOptions: { project: './media/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  {
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests, benchmarks and scripts: the promise rules and the rest of the recommended set hold (a floating
    // promise in a test is a check that never runs), but they read untyped JSON (responses, result files, the
    // extension's API) and hand methods to assert.throws / mocha, so the `any`-tracking rules would only be noise.
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noUi] }] },
  },
  {
    files: ['src/query/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noVscode],
          patterns: [
            noUi,
            { group: ['**/api', '**/api/**'], message: 'src/query is below src/api (src/api builds on it): it imports nothing of src/api.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/tree/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/webview', '**/webview/**'], message: 'The tree and the webviews talk through commands and services, not imports.' },
          ],
        },
      ],
    },
  },
  // The kit (src/webview/*.ts) is below the features; a feature uses the kit, not another feature.
  {
    files: ['src/webview/*.ts'],
    ...webviewRules([
      ...webviewApart,
      { regex: `^\\./(${WEBVIEW_FEATURES.join('|')})(/|$)`, message: 'The webview kit does not import a feature folder.' },
    ]),
  },
  ...WEBVIEW_FEATURES.map((feature) => ({
    files: [`src/webview/${feature}/**/*.ts`],
    ...webviewRules([
      ...webviewApart,
      {
        regex: `^\\.\\./(${WEBVIEW_FEATURES.filter((f) => f !== feature).join('|')})(/|$)`,
        message: 'Webview panels do not import each other: shared parts belong in the kit (src/webview/*.ts), the rest goes through commands.',
      },
    ]),
  })),
);
