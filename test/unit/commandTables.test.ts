// The command tables (src/commands/index.ts) and package.json's contributes.commands name the same commands: each
// contributed command has exactly one handler in the tables, and each table entry is contributed (or is one of
// the internal commands listed below). The tables import vscode, so they are read through the TypeScript checker
// (the ids are the tables' literal keys), not run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.join(__dirname, '..', '..');
const INDEX = path.join(root, 'src', 'commands', 'index.ts');
/** The exports of src/commands/index.ts that hold every table. */
const TABLE_LISTS = ['ACCOUNT_COMMAND_TABLES', 'EXPLORER_COMMAND_TABLES'];

/** Registered outside src/commands by the feature that owns them (webview panels, the query language). */
const REGISTERED_ELSEWHERE = new Set([
  'cbcm.browser.openDetails',
  'cbcm.browser.previewDetails',
  'cbcm.details.save',
  'cbcm.explorer.openFocused',
  'cbcm.inventory.open',
  'cbcm.inventory.openOrgUnit',
  'cbcm.overview.open',
  'cbcm.overview.openOrgUnit',
  // An overview bar's context menu (src/webview/overview/barMenu.ts)
  'cbcm.overview.bar.filter',
  'cbcm.overview.bar.moveAll',
  'cbcm.overview.bar.annotateAll',
  'cbcm.overview.bar.deleteAll',
  'cbcm.query.newQueryFile',
]);

/** In the tables but not in the palette or a menu: other parts of the extension (or callers) run them. */
const INTERNAL = new Set([
  'cbcm.browser.moveDropped', // the tree's drag and drop (src/tree/dragAndDrop.ts)
  'cbcm.explorer.revealBrowsers', // the fleet overview, after a click in a chart
]);

function contributed(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
  return manifest.contributes.commands.map((c) => c.command);
}

/** Per table (in the order of the lists), the command ids it declares. */
function tableIds(): string[][] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  assert.ok(config, 'tsconfig.json did not parse');
  const program = ts.createProgram([INDEX], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(INDEX);
  assert.ok(source, `${INDEX} is not in the program`);
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
  return TABLE_LISTS.flatMap((name) => {
    const symbol = exports.find((e) => e.name === name);
    assert.ok(symbol, `src/commands/index.ts exports no ${name}`);
    const list = checker.getTypeOfSymbol(symbol);
    assert.ok(checker.isTupleType(list), `${name} is not a tuple of tables (declare it "as const")`);
    return checker.getTypeArguments(list as ts.TypeReference).map((table) => checker.getPropertiesOfType(table).map((p) => p.name));
  });
}

describe('command tables', function () {
  this.timeout(120_000);
  let tables: string[][];
  before(() => {
    tables = tableIds();
  });

  it('reads the tables (a table is an object of command ids)', () => {
    const all = tables.flat();
    assert.ok(all.length > 20, `only ${all.length} commands found in the tables`);
    assert.ok(
      all.every((id) => id.startsWith('cbcm.')),
      all.filter((id) => !id.startsWith('cbcm.')).join(', '),
    );
  });

  it('gives every contributed command exactly one handler', () => {
    const count = new Map<string, number>();
    for (const id of tables.flat()) count.set(id, (count.get(id) ?? 0) + 1);
    const twice = [...count].filter(([, n]) => n > 1).map(([id]) => id);
    assert.deepStrictEqual(twice, [], `in more than one table: ${twice.join(', ')}`);
    const missing = contributed().filter((id) => !count.has(id) && !REGISTERED_ELSEWHERE.has(id));
    assert.deepStrictEqual(missing, [], `contributed in package.json but in no command table: ${missing.join(', ')}`);
  });

  it('contributes every command of the tables, except the internal ones', () => {
    const manifest = new Set(contributed());
    const extra = tables.flat().filter((id) => !manifest.has(id) && !INTERNAL.has(id));
    assert.deepStrictEqual(extra, [], `in a command table but not contributed in package.json: ${extra.join(', ')}`);
    const stale = [...INTERNAL, ...REGISTERED_ELSEWHERE].filter((id) => (INTERNAL.has(id) ? !tables.flat().includes(id) : !manifest.has(id)));
    assert.deepStrictEqual(stale, [], `listed in this test but gone: ${stale.join(', ')}`);
  });
});
