// The cbcm-query language inside a real VS Code: a .cbcmq file gets the language, diagnostics,
// completions, hover, quick fixes, formatting and the "Run in CBCM Explorer" CodeLens.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, testingApi } from './helpers';

const BROWSERS_DOC = [
  '# Stale lab machines',
  'machine_name:LIX register:2024-01-01..',
  'Machine_Name:LIX OR register:2024-02-30 ',
  '   location:Montreal    user:alice',
].join('\n');

const TOKENS_DOC = ['# dialect: tokens', 'token_state:revoked '].join('\n');

let dir: string;

async function openFile(name: string, content: string): Promise<vscode.TextDocument> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document);
  return document;
}

async function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    if (predicate(diagnostics)) return diagnostics;
    if (Date.now() > deadline) assert.fail(`diagnostics never matched; got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('cbcm-query language', () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbcmq-'));
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('gives .cbcmq files the cbcm-query language', async () => {
    const document = await openFile('stale.cbcmq', BROWSERS_DOC);
    assert.strictEqual(document.languageId, 'cbcm-query');
  });

  it('shows diagnostics with ranges on the faulty line only', async () => {
    const document = await openFile('stale.cbcmq', BROWSERS_DOC);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 3);
    const summary = diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);
    assert.deepStrictEqual(summary, [
      ['field-case', 2, 0, 12],
      ['or-unsupported', 2, 17, 19],
      ['bad-time', 2, 29, 39],
    ]);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diagnostics[0].source, 'CBCM query');
  });

  it('updates diagnostics as the document changes', async () => {
    const document = await openFile('edit.cbcmq', 'machine_name:LIX');
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.insert(new vscode.Position(0, 16), ' num_extensions:1..5'));
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length === 1);
    assert.strictEqual(diagnostics[0].code, 'numeric-range');
  });

  it('completes field names after a space', async () => {
    const document = await openFile('complete.cbcmq', BROWSERS_DOC);
    const position = new vscode.Position(1, document.lineAt(1).text.length);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.insert(position, ' '));
    const labels = await completionLabels(document, new vscode.Position(1, position.character + 1));
    for (const field of ['machine_name', 'register', 'last_activity', 'has_device_id_collision'])
      assert.ok(labels.includes(field), `${field} in ${labels.join(',')}`);
  });

  it('completes time templates after a time field', async () => {
    const document = await openFile('time.cbcmq', 'register:');
    const labels = await completionLabels(document, new vscode.Position(0, 9));
    assert.ok(
      labels.some((l) => /^\d{4}-\d{2}-\d{2}\.\.$/.test(l)),
      `a 'date..' template in ${labels.join(',')}`,
    );
  });

  it('uses the tokens dialect from the first line', async () => {
    const document = await openFile('tokens.cbcmq', TOKENS_DOC);
    const labels = await completionLabels(document, new vscode.Position(1, 12));
    for (const v of ['ACTIVE', 'EXPIRED', 'REVOKED']) assert.ok(labels.includes(v), `${v} in ${labels.join(',')}`);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0);
    assert.deepStrictEqual(
      diagnostics.map((d) => d.code),
      ['enum-case'],
    );
  });

  it('completes the dialect names on a first-line # dialect: comment', async () => {
    const document = await openFile('dialect.cbcmq', '# dialect: ');
    const labels = await completionLabels(document, new vscode.Position(0, 11));
    assert.ok(labels.includes('browsers') && labels.includes('tokens'), `dialects in ${labels.join(',')}`);
  });

  it('shows hover documentation for a field', async () => {
    const document = await openFile('stale.cbcmq', BROWSERS_DOC);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(1, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /machine_name/);
    assert.match(text, /machine name/i);
  });

  it('offers quick fixes for a diagnostic', async () => {
    const document = await openFile('stale.cbcmq', BROWSERS_DOC);
    await waitForDiagnostics(document.uri, (d) => d.length >= 3);
    // The file was open already (the hover test): right after it is rewritten, VS Code can still answer from the
    // document it had, so ask again until the fix shows (or 5 s have passed).
    let actions: vscode.CodeAction[] = [];
    let fix: vscode.CodeAction | undefined;
    for (const deadline = Date.now() + 5_000; !fix && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        new vscode.Range(2, 0, 2, 12),
        vscode.CodeActionKind.QuickFix.value,
      );
      fix = actions.find((a) => a.title === "Change to 'machine_name'");
    }
    assert.ok(fix?.edit, `a fix in ${actions.map((a) => a.title).join(',')}`);
    assert.strictEqual(fix.isPreferred, true);
  });

  it('formats spacing on query lines and leaves comments alone', async () => {
    const document = await openFile('format.cbcmq', BROWSERS_DOC);
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, {
      tabSize: 2,
      insertSpaces: true,
    });
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepStrictEqual(document.getText().split('\n'), [
      '# Stale lab machines',
      'machine_name:LIX register:2024-01-01..',
      'Machine_Name:LIX OR register:2024-02-30',
      'location:Montreal user:alice',
    ]);
  });

  it('puts a "Run in CBCM Explorer" lens on every query line with the serialized query', async () => {
    const document = await openFile('stale.cbcmq', BROWSERS_DOC);
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const lenses = all.filter((l) => l.command?.title.startsWith('Run in'));
    assert.deepStrictEqual(
      lenses.map((l) => l.range.start.line),
      [1, 2, 3],
    );
    // Lines without errors also offer to run in the selected org unit only.
    // (The lens names the selected org unit, or says none is: what another suite left selected does not matter.)
    assert.deepStrictEqual(
      all.filter((l) => /^in (selected org unit \(none selected\)|\/.*)$/.test(l.command?.title ?? '')).map((l) => l.range.start.line),
      [1, 3],
    );
    assert.strictEqual(lenses[0].command?.title, 'Run in CBCM Explorer');
    assert.strictEqual(lenses[1].command?.title, 'Run in CBCM Explorer (fix 3 errors first)');
    assert.deepStrictEqual(lenses[2].command?.arguments?.[0], { query: 'location:Montreal user:alice', dialect: 'browsers' });
  });

  it('shows the resolved query of a line with relative times, and runs the relative one (resolved when it runs)', async () => {
    const document = await openFile('relative.cbcmq', ['last_activity:..-90d register:-7d..', 'os_platform:Windows'].join('\n'));
    const all = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const resolved = all.filter((l) => l.command?.title.startsWith('runs as: '));
    assert.deepStrictEqual(
      resolved.map((l) => [l.range.start.line, l.command?.title]),
      [[0, `runs as: last_activity:..${day(90)} register:${day(7)}..`]],
    );
    const run = all.find((l) => l.range.start.line === 0 && l.command?.title === 'Run in CBCM Explorer');
    assert.deepStrictEqual(run?.command?.arguments?.[0], { query: 'last_activity:..-90d register:-7d..', dialect: 'browsers' });
  });

  it('running a lens filters the tree with the serialized query; a query with errors is not run', async () => {
    const state = (await testingApi()).explorer.state;
    const document = await openFile(
      'run.cbcmq',
      ['# dialect: tokens', 'token_state:ACTIVE   device_type:CHROME_BROWSER', 'token_state:GONE'].join('\n'),
    );
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)).filter((l) =>
      l.command?.title.startsWith('Run in'),
    );
    try {
      await vscode.commands.executeCommand(lenses[0].command!.command, ...(lenses[0].command!.arguments ?? []));
      assert.strictEqual(state.tokenFilter?.query, 'token_state:ACTIVE device_type:CHROME_BROWSER');
      await vscode.commands.executeCommand(lenses[1].command!.command, ...(lenses[1].command!.arguments ?? []));
      assert.strictEqual(state.tokenFilter?.query, 'token_state:ACTIVE device_type:CHROME_BROWSER', 'the invalid query did not replace the filter');
    } finally {
      await vscode.commands.executeCommand('cbcm.explorer.clearFilter');
    }
  });

  it('opens a new query file from the command', async () => {
    await vscode.commands.executeCommand('cbcm.query.newQueryFile');
    const document = vscode.window.activeTextEditor?.document;
    assert.strictEqual(document?.languageId, 'cbcm-query');
    assert.match(document.getText(), /# dialect: browsers/);
    // Save As proposes the untitled document's name: a real file name, not "# dialect: browsers.cbcmq".
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.match(document.uri.path, /\/browser-queries(-\d+)?\.cbcmq$/);
    // A second one does not take the same name.
    await vscode.commands.executeCommand('cbcm.query.newQueryFile');
    const second = vscode.window.activeTextEditor?.document;
    assert.notStrictEqual(second?.uri.toString(), document.uri.toString());
    assert.match(second!.uri.path, /\/browser-queries-\d+\.cbcmq$/);
    assert.strictEqual(second!.languageId, 'cbcm-query');
  });
});
