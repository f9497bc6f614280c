// ESLint (flat config): typescript-eslint's type-checked rules, and the layer boundaries of the architecture
// (README, "Architecture") as no-restricted-imports, so an arrow that runs the wrong way fails `npm run lint`.
// test/unit/lintBoundaries.test.ts proves the boundary rules fire.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders that drive VS Code's UI; the API client and the query language must stay usable without them. */
const UI_FOLDERS = ['tree', 'webview', 'commands', 'language', 'auth', 'export'];
const uiImports = UI_FOLDERS.flatMap((f) => [`**/${f}`, `**/${f}/**`]);

const noVscodeNoUi = {
  paths: [{ name: 'vscode', message: 'src/api and src/query run without VS Code (tests, the bench, the webview): no vscode import.' }],
  patterns: [{ group: uiImports, message: 'src/api and src/query import nothing from the UI folders.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/dist/**', 'node_modules/**', '.vscode-test/**', 'test/**', 'bench/**', 'scripts/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
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
    files: ['src/api/**/*.ts', 'src/query/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noVscodeNoUi] },
  },
  {
    files: ['src/tree/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/webview', '**/webview/**'], message: 'The tree and the webviews talk through commands and services, not imports.' }],
      }],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/tree', '**/tree/**'], message: 'The webviews and the tree talk through commands and services, not imports.' }],
      }],
    },
  },
);
