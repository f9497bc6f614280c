// The layer boundaries in eslint.config.mjs really fire: fixture sources placed (virtually) in src/api, src/query,
// src/tree and src/webview are linted with the project's own config through ESLint's API. Type information is
// switched off for these fixtures only (they are not files of the TypeScript project); the boundary rule does not
// need it.
import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const root = path.join(__dirname, '..', '..');

describe('lint: layer boundaries', function () {
  this.timeout(120_000);
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: path.join(root, 'eslint.config.mjs'),
    overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }],
  });

  async function restrictedImports(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
    const fatal = result.messages.filter((m) => m.fatal);
    assert.deepStrictEqual(fatal, [], `${file} did not parse`);
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it('refuses vscode in src/api and src/query', async () => {
    const api = await restrictedImports('src/api/lintFixture.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    assert.strictEqual(api.length, 1, 'src/api importing vscode');
    assert.match(api[0], /no vscode import/);
    assert.strictEqual((await restrictedImports('src/query/lintFixture.ts', "import type { Uri } from 'vscode';\nexport type X = Uri;\n")).length, 1);
  });

  it('refuses UI folders in src/api and src/query', async () => {
    for (const ui of ['../tree/explorerProvider', '../webview/panelHost', '../commands', '../language/diagnostics']) {
      const found = await restrictedImports('src/query/lintFixture.ts', `import { x } from '${ui}';\nexport const y = x;\n`);
      assert.strictEqual(found.length, 1, `src/query importing ${ui}`);
    }
  });

  it('keeps the tree and the webviews apart, both ways', async () => {
    assert.strictEqual(
      (await restrictedImports('src/tree/lintFixture.ts', "import { x } from '../webview/overview/overviewPanel';\nexport const y = x;\n")).length,
      1,
    );
    assert.strictEqual(
      (await restrictedImports('src/webview/overview/lintFixture.ts', "import type { X } from '../../tree';\nexport type Y = X;\n")).length,
      1,
    );
  });

  it('lets the lower layers import each other (the rule is not a blanket ban)', async () => {
    assert.deepStrictEqual(await restrictedImports('src/query/lintFixture.ts', "import { x } from './lexer';\nexport const y = x;\n"), []);
    assert.deepStrictEqual(
      await restrictedImports(
        'src/webview/lintFixture.ts',
        "import * as vscode from 'vscode';\nimport { y } from '../services';\nexport const z = [vscode, y];\n",
      ),
      [],
    );
  });

  it('runs the promise rules of typescript-eslint on the extension', async () => {
    const project = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
    const typed = (await project.calculateConfigForFile(path.join(root, 'src/commands/index.ts'))) as { rules: Record<string, unknown[]> };
    for (const rule of ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']) {
      assert.deepStrictEqual(typed.rules[rule]?.[0], 2, `${rule} is an error`);
    }
  });
});
