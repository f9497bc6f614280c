// Quick fixes: the query engine attaches fixes to its diagnostics as data; here they become
// CodeActions. Diagnostics are recomputed for the lines in the requested range (cheap), so no
// state is shared with the diagnostics collection.
import * as vscode from 'vscode';
import { chromeManagementFilterDocument, convertToChromeManagementFilter, diagnose } from '../query';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { documentDialect, LANGUAGE_ID, queryLineAt, SELECTOR, toRange } from './queryDocument';
import { recentValuesFor } from './recentValues';

export function provideQuickFixes(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const dialect = documentDialect(document);
  const recentValues = recentValuesFor(dialect);
  const actions: vscode.CodeAction[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    const q = queryLineAt(document, line);
    if (!q) continue;
    for (const d of diagnose(q.text, dialect, { recentValues })) {
      const dRange = toRange(line, d.range);
      if (!dRange.intersection(range) && !dRange.contains(range)) continue;
      const matching = context.diagnostics.filter((v) => v.source === DIAGNOSTIC_SOURCE && v.code === d.code && v.range.isEqual(dRange));
      for (const fix of d.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(document.uri, toRange(line, e.range), e.newText);
        action.edit = edit;
        action.diagnostics = matching;
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
    }
  }
  return actions;
}

export const CONVERT_COMMAND = 'cbcm.query.convertToChromeManagementFilter';
const CONVERT_KIND = vscode.CodeActionKind.RefactorRewrite.append('chromeManagement');

export const CONVERT_TITLE = 'Convert to Chrome Management filter';

/**
 * "Convert to Chrome Management filter: <filter>" on a browser query line: the title shows the v1 filter exactly as
 * the explorer sends it (e.g. machine_name:LT as machine_name:"*LT*"), and the action opens it in a new document.
 * The title never holds an enrollment-token value: that term is not translated.
 */
export function provideConversions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
  if (documentDialect(document) !== 'browsers') return [];
  const q = queryLineAt(document, range.start.line);
  if (!q) return [];
  const { filter } = convertToChromeManagementFilter(q.text);
  const action = new vscode.CodeAction(
    filter === '' ? vscode.l10n.t('Convert to Chrome Management filter') : vscode.l10n.t('Convert to Chrome Management filter: {0}', filter),
    CONVERT_KIND,
  );
  action.command = { title: action.title, command: CONVERT_COMMAND, arguments: [q.text] };
  return [action];
}

async function openConversion(query?: unknown): Promise<vscode.TextDocument | undefined> {
  let text = typeof query === 'string' ? query : undefined;
  const editor = vscode.window.activeTextEditor;
  if (text === undefined && editor?.document.languageId === LANGUAGE_ID) text = queryLineAt(editor.document, editor.selection.active.line)?.text;
  if (text === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a browser query line of a .cbcmq file, then convert it.'));
    return undefined;
  }
  const content = chromeManagementFilterDocument(text);
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  if (document.getText() !== content) {
    // VS Code can hand out the name of an untitled document closed moments ago and give it that document's old
    // text (seen in the integration suite): the conversion must show what was converted, so put it in.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), content);
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export function registerCodeActions(): vscode.Disposable[] {
  return [
    vscode.Disposable.from(
      vscode.languages.registerCodeActionsProvider(
        SELECTOR,
        {
          provideCodeActions: (document, range, context) => [...provideQuickFixes(document, range, context), ...provideConversions(document, range)],
        },
        {
          providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, CONVERT_KIND],
        },
      ),
      vscode.commands.registerCommand(CONVERT_COMMAND, openConversion),
    ),
  ];
}
