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

  it('keeps src/query below src/api: not even a type of src/api', async () => {
    for (const code of [
      "import type { BrowserSortKey } from '../api/types';\nexport type X = BrowserSortKey;\n",
      "import { listFleet } from '../api';\nexport const y = listFleet;\n",
    ]) {
      const found = await restrictedImports('src/query/lintFixture.ts', code);
      assert.strictEqual(found.length, 1, code);
      assert.match(found[0], /below src\/api/);
    }
    assert.deepStrictEqual(
      await restrictedImports(
        'src/query/lintFixture.ts',
        "import type { BrowserSortKey } from '../model/browserSortKeys';\nexport type X = BrowserSortKey;\n",
      ),
      [],
      'the shared sort keys are importable',
    );
    assert.deepStrictEqual(
      await restrictedImports(
        'src/api/lintFixture.ts',
        "import { convertToChromeManagementFilter } from '../query/chromeManagementFilter';\nexport const y = convertToChromeManagementFilter;\n",
      ),
      [],
      'src/api builds on src/query',
    );
  });

  it('refuses a command module in a webview', async () => {
    const found = await restrictedImports(
      'src/webview/inventory/lintFixture.ts',
      "import type { ViewScopeArgument } from '../../commands/columnExportCommand';\nexport type X = ViewScopeArgument;\n",
    );
    assert.strictEqual(found.length, 1);
    assert.match(found[0], /executeCommand/);
    assert.strictEqual(
      (await restrictedImports('src/webview/lintFixture.ts', "import { x } from '../commands';\nexport const y = x;\n")).length,
      1,
      'the kit too',
    );
  });

  it('keeps the webview panels apart: a feature folder imports the kit, not another feature', async () => {
    const found = await restrictedImports(
      'src/webview/inventory/lintFixture.ts',
      "import { OverviewPanel } from '../overview/overviewPanel';\nexport const y = OverviewPanel;\n",
    );
    assert.strictEqual(found.length, 1);
    assert.match(found[0], /do not import each other/);
    assert.strictEqual(
      (await restrictedImports('src/webview/overview/lintFixture.ts', "import type { X } from '../details/protocol';\nexport type Y = X;\n")).length,
      1,
    );
    assert.strictEqual(
      (await restrictedImports('src/webview/lintFixture.ts', "import type { X } from './overview/protocol';\nexport type Y = X;\n")).length,
      1,
      'the kit is below them',
    );
    assert.deepStrictEqual(
      await restrictedImports(
        'src/webview/inventory/lintFixture.ts',
        "import { ScopedPanels } from '../scopedPanels';\nimport { scopeLabel } from '../../overview/figures';\nimport { loadInventory } from '../../inventory/loader';\nimport { x } from './inventoryProtocol';\nexport const y = [ScopedPanels, scopeLabel, loadInventory, x];\n",
      ),
      [],
      'the kit, the domain folders (src/overview, src/inventory) and its own files',
    );
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

  it('lints the tests, the benchmarks and the scripts with the promise rules too', async () => {
    const project = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
    for (const file of [
      'test/unit/lintBoundaries.test.ts',
      'test/vscode/e2e/overview.e2e.ts',
      'test/vscode/suite/overview.test.ts',
      'bench/run.ts',
      'scripts/benchTable.ts',
    ]) {
      assert.strictEqual(await project.isPathIgnored(path.join(root, file)), false, `${file} is linted`);
      const config = (await project.calculateConfigForFile(path.join(root, file))) as { rules: Record<string, unknown[]> };
      for (const rule of ['@typescript-eslint/no-floating-promises', '@typescript-eslint/no-misused-promises']) {
        assert.deepStrictEqual(config.rules[rule]?.[0], 2, `${rule} is an error in ${file}`);
      }
    }
  });
});
