// The localisation mechanism: l10n/bundle.l10n.json is what @vscode/l10n-dev exports from src today (a new
// vscode.l10n.t string without `npm run l10n` fails here), and the manifest's user-facing strings all come from
// package.nls.json (a plain title, or a %key% without its entry, fails here). Runtime strings: a message, title,
// placeholder or prompt written as a literal in src/ instead of through l10n.t fails here, and modules without
// vscode translate through src/util/l10n.ts.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import type { ChromeBrowser } from '../../src/api/types';
import { deleteQuestion } from '../../src/commands/confirmText';
import { bundleTranslator, format, l10n, setTranslator } from '../../src/util/l10n';

const root = path.resolve(__dirname, '../..');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

/** Manifest properties a user reads (command palette, views, settings, walkthrough, menus). */
const USER_FACING = new Set([
  'title',
  'shortTitle',
  'category',
  'name',
  'label',
  'contextualTitle',
  'description',
  'markdownDescription',
  'deprecationMessage',
  'markdownDeprecationMessage',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'altText',
  'contents',
]);

/** Every string under a user-facing property, with its path in the manifest. */
function userFacingStrings(value: unknown, at: string, facing = false): { at: string; text: string }[] {
  if (typeof value === 'string') return facing ? [{ at, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => userFacingStrings(v, `${at}[${i}]`, facing));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      // `default` values and enum values are data, not text, even under a user-facing key.
      if (k === 'default' || k === 'enum') return [];
      return userFacingStrings(v, `${at}.${k}`, USER_FACING.has(k));
    });
  }
  return [];
}

describe('Localisation mechanism', () => {
  const manifest = readJson('package.json') as {
    l10n?: string;
    displayName: string;
    description: string;
    contributes: unknown;
    scripts: Record<string, string>;
  };
  const nls = readJson('package.nls.json') as Record<string, string>;

  it('declares the l10n folder, ships it and regenerates it with npm run l10n', () => {
    assert.strictEqual(manifest.l10n, './l10n');
    assert.strictEqual(manifest.scripts.l10n, 'node scripts/l10n-export.mjs --outDir l10n');
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!l10n/*.json'), '.vscodeignore must keep l10n/*.json in the .vsix');
  });

  it('l10n/bundle.l10n.json is up to date with the l10n.t strings in src and media/src (run `npm run l10n`)', function () {
    this.timeout(120_000);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcm-l10n-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n-export.mjs'), '--outDir', out], { stdio: 'pipe' });
      const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      const shipped = readJson('l10n/bundle.l10n.json') as Record<string, string>;
      assert.deepStrictEqual(shipped, fresh);
      assert.ok(Object.keys(fresh).length > 0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('every %key% in package.json has its entry in package.nls.json', () => {
    const text = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const missing = [...text.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]).filter((key) => !(key in nls));
    assert.deepStrictEqual(missing, []);
  });

  it('every user-facing manifest string is a %key% (no plain titles, names or descriptions)', () => {
    const strings = [
      { at: 'displayName', text: manifest.displayName },
      { at: 'description', text: manifest.description },
      ...userFacingStrings(manifest.contributes, 'contributes'),
    ];
    const plain = strings.filter((s) => !/^%[^%]+%$/.test(s.text)).map((s) => `${s.at} = ${s.text}`);
    assert.deepStrictEqual(plain, []);
  });
});

/** Calls whose string arguments are shown to the admin (a message, its buttons, a status-bar text). */
const MESSAGE_CALLS = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'setStatusBarMessage']);
/** Properties (in an object literal, or assigned: `pick.title = …`) that VS Code shows as they are. */
const TEXT_PROPERTIES = new Set([
  'title',
  'placeHolder',
  'placeholder',
  'prompt',
  'saveLabel',
  'openLabel',
  'loadingText',
  'tooltip',
  'validationMessage',
]);
/** Code whose text stays English by design (CONTRIBUTING, Localisation). */
const ENGLISH_FOLDERS = /^src\/(api|query)\//;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Words an admin reads, written as a literal: a string or template with a word followed by a space ("Delete ",
 * "Use This Key"). Identifiers, settings values and examples (`'consent'`, `'admin@example.com'`) have none.
 */
function isProse(node: ts.Node): boolean {
  const words = /[A-Za-z]{2,}\s/;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return words.test(node.text);
  if (ts.isTemplateExpression(node)) return words.test([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
  // 'Exported ' + summary: concatenated prose is still prose (and cannot be translated whole).
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return isProse(node.left) || isProse(node.right);
  if (ts.isParenthesizedExpression(node)) return isProse(node.expression);
  if (ts.isConditionalExpression(node)) return isProse(node.whenTrue) || isProse(node.whenFalse);
  return false;
}

/** Every prose literal shown through VS Code's UI without l10n.t, as `file:line what: text`. */
function untranslatedText(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const flag = (node: ts.Node, what: string) =>
    found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${what}: ${node.getText().slice(0, 100)}`);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text;
      if (MESSAGE_CALLS.has(name)) for (const arg of node.arguments) if (isProse(arg)) flag(arg, name);
      // progress.report({ message: … })
      const [arg] = node.arguments;
      if (name === 'report' && arg && ts.isObjectLiteralExpression(arg)) {
        for (const p of arg.properties)
          if (ts.isPropertyAssignment(p) && p.name.getText() === 'message' && isProse(p.initializer)) flag(p.initializer, 'report message');
      }
    }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TEXT_PROPERTIES.has(node.name.text) && isProse(node.initializer)) {
      flag(node.initializer, node.name.text);
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      TEXT_PROPERTIES.has(node.left.name.text) &&
      isProse(node.right)
    ) {
      flag(node.right, node.left.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('Localisation of runtime strings', () => {
  afterEach(() => setTranslator(undefined));

  it('src/ shows no message, button, title, placeholder, prompt or progress text that bypasses l10n.t', () => {
    const found = tsFiles(path.join(root, 'src'))
      .map((f) => path.relative(root, f).split(path.sep).join('/'))
      .filter((rel) => !ENGLISH_FOLDERS.test(rel))
      .flatMap((rel) => untranslatedText(rel, fs.readFileSync(path.join(root, rel), 'utf8')));
    assert.deepStrictEqual(found, []);
  });

  it('the scan catches the forms it looks for, and leaves translated text, identifiers and examples alone', () => {
    const code = `
      vscode.window.showWarningMessage(\`Export stopped: \${why}\`, 'Show Change History');
      vscode.window.setStatusBarMessage('Copied to the clipboard', 2000);
      pick.title = found ? vscode.l10n.t('Find Browser: 1 match') : 'Find Browser: no match';
      const options = { placeHolder: \`Type to search \${what}\`, prompt: 'consent', placeholder: 'admin@example.com' };
      progress.report({ message: \`\${n} of \${total}\` + ' rows done' });
      progress.report({ message: \`rows \${n} of \${total}\` });
      vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', summary), l10n.t('Open'));`;
    const found = untranslatedText('x.ts', code).map((f) => f.replace(/^x\.ts:\d+ /, '').replace(/:.*/, ''));
    assert.deepStrictEqual(found, [
      'showWarningMessage',
      'showWarningMessage',
      'setStatusBarMessage',
      'title',
      'placeHolder',
      'report message',
      'report message',
    ]);
  });

  it('modules without vscode speak through the translator activate() installs (English until then)', () => {
    const browsers = [{ deviceId: 'd1', machineName: 'PC-1' }, { deviceId: 'd2' }] as ChromeBrowser[];
    assert.strictEqual(deleteQuestion(browsers).message, 'Delete 2 browsers?');
    setTranslator(bundleTranslator({ 'Delete {0} browsers?': '{0} Browser löschen?', "Don't Delete": 'Nicht löschen', Delete: 'Löschen' }));
    const q = deleteQuestion(browsers);
    assert.strictEqual(q.message, '2 Browser löschen?');
    assert.deepStrictEqual(q.buttons, ['Nicht löschen', 'Löschen']);
    assert.strictEqual(q.action, 'Löschen');
    // A message the bundle lacks stays English, with its arguments filled in.
    assert.strictEqual(l10n.t('Move {0} browsers to {1}?', 3, '/Sales'), 'Move 3 browsers to /Sales?');
    setTranslator(undefined);
    assert.strictEqual(deleteQuestion(browsers).message, 'Delete 2 browsers?');
  });

  it('format fills {0}, {1}… as vscode.l10n.t does and leaves other braces as they are', () => {
    assert.strictEqual(format('{1} then {0}, {0} again; {2} and {x}', ['a', 2]), '2 then a, a again; {2} and {x}');
    assert.strictEqual(format('Unclosed "{" at {0}; write "{{"', [4]), 'Unclosed "{" at 4; write "{{"');
  });
});
