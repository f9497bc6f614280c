// The TextMate grammar and the manifest entries of the cbcm-query language. The grammar is run with
// the real vscode-textmate + oniguruma shipped inside the test VS Code (.vscode-test/code-server),
// so these tests are skipped on a machine where scripts/ensure-test-env.sh has not run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../..');
const vscodeModules = path.join(root, '.vscode-test/code-server/node_modules/code-server/lib/vscode/node_modules');

interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}

async function loadGrammar(): Promise<{ grammar: Grammar; initial: unknown }> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const tm = require(path.join(vscodeModules, 'vscode-textmate'));
  const onig = require(path.join(vscodeModules, 'vscode-oniguruma'));
  await onig.loadWASM(fs.readFileSync(path.join(vscodeModules, 'vscode-oniguruma/release/onig.wasm')).buffer);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p: string[]) => new onig.OnigScanner(p),
      createOnigString: (s: string) => new onig.OnigString(s),
    }),
    loadGrammar: async () => tm.parseRawGrammar(fs.readFileSync(path.join(root, 'syntaxes/cbcmq.tmLanguage.json'), 'utf8'), 'cbcmq.json'),
  });
  return { grammar: await registry.loadGrammar('source.cbcmq'), initial: tm.INITIAL };
}

/** The innermost scope of the token that covers `piece` in `line`. */
function scopeOf(grammar: Grammar, initial: unknown, line: string, piece: string): string {
  const start = line.indexOf(piece);
  const token = grammar.tokenizeLine(line, initial).tokens.find((t) => t.startIndex <= start && start < t.endIndex);
  assert.ok(token);
  assert.strictEqual(line.slice(token.startIndex, token.endIndex), piece, `token boundary for ${piece}`);
  return token.scopes[token.scopes.length - 1];
}

const CASES: { line: string; piece: string; scope: string }[] = [
  { line: '# dialect: tokens', piece: 'dialect', scope: 'keyword.other.directive.dialect.cbcmq' },
  { line: '# dialect: tokens', piece: 'tokens', scope: 'entity.name.type.dialect.cbcmq' },
  { line: '# machine_name:LIX is a comment', piece: ' machine_name:LIX is a comment', scope: 'comment.line.number-sign.cbcmq' },
  { line: 'machine_name:LIX', piece: 'machine_name', scope: 'variable.other.property.field.cbcmq' },
  { line: 'machine_name:LIX', piece: ':', scope: 'punctuation.separator.key-value.cbcmq' },
  { line: 'register:2024-01-01..2024-02-01T10:00:00', piece: '2024-01-01', scope: 'constant.numeric.date.cbcmq' },
  { line: 'register:2024-01-01..2024-02-01T10:00:00', piece: '..', scope: 'keyword.operator.range.cbcmq' },
  { line: 'register:2024-01-01..2024-02-01T10:00:00', piece: '2024-02-01T10:00:00', scope: 'constant.numeric.date.cbcmq' },
  { line: 'os:"Windows 10" x', piece: 'Windows 10', scope: 'string.quoted.double.cbcmq' },
  { line: 'has_device_id_collision:true', piece: 'true', scope: 'constant.language.boolean.cbcmq' },
  { line: 'num_extensions:5', piece: '5', scope: 'constant.numeric.integer.cbcmq' },
  { line: 'a OR b', piece: 'OR', scope: 'keyword.operator.logical.cbcmq' },
  { line: 'machine_name:mach*', piece: '*', scope: 'keyword.operator.wildcard.cbcmq' },
];

describe('cbcm-query grammar', function () {
  let loaded: { grammar: Grammar; initial: unknown } | undefined;
  before(async function () {
    if (!fs.existsSync(path.join(vscodeModules, 'vscode-textmate'))) this.skip();
    loaded = await loadGrammar();
  });
  for (const c of CASES) {
    it(`scopes ${JSON.stringify(c.piece)} in ${JSON.stringify(c.line)}`, () => {
      assert.ok(loaded);
      assert.strictEqual(scopeOf(loaded.grammar, loaded.initial, c.line, c.piece), c.scope);
    });
  }
});

describe('cbcm-query manifest', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  it('declares the language, its extension and configuration', () => {
    const lang = manifest.contributes.languages.find((l: { id: string }) => l.id === 'cbcm-query');
    assert.deepStrictEqual(lang, {
      id: 'cbcm-query',
      aliases: ['CBCM Filter Query'],
      extensions: ['.cbcmq'],
      configuration: './language-configuration.json',
    });
    const config = JSON.parse(fs.readFileSync(path.join(root, lang.configuration), 'utf8'));
    assert.strictEqual(config.comments.lineComment, '#');
  });
  it('declares the grammar with an existing file', () => {
    const grammar = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'cbcm-query');
    assert.strictEqual(grammar.scopeName, 'source.cbcmq');
    const json = JSON.parse(fs.readFileSync(path.join(root, grammar.path), 'utf8'));
    assert.strictEqual(json.scopeName, 'source.cbcmq');
  });
  it('contributes the New Filter Query command and activates on the language', () => {
    const cmd = manifest.contributes.commands.find((c: { command: string }) => c.command === 'cbcm.query.newQueryFile');
    // Manifest strings are localised: the title and category are %keys% of package.nls.json.
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const text = (s: string) => (/^%.+%$/.test(s) ? nls[s.slice(1, -1)] : s);
    assert.deepStrictEqual({ title: text(cmd.title), category: text(cmd.category) }, { title: 'New Filter Query', category: 'CBCM' });
    assert.ok(manifest.activationEvents.includes('onLanguage:cbcm-query'));
  });
});
