// Quick fixes: the query engine attaches fixes to its diagnostics as data; here they become
// CodeActions. Diagnostics are recomputed for the lines in the requested range (cheap), so no
// state is shared with the diagnostics collection.
import * as vscode from 'vscode';
import { diagnose } from '../query';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { documentDialect, queryLineAt, SELECTOR, toRange } from './queryDocument';
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

export function registerCodeActions(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(SELECTOR, { provideCodeActions: provideQuickFixes }, {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}
