// Keeps a DiagnosticCollection in sync with open cbcm-query documents (lightly debounced).
import * as vscode from 'vscode';
import { diagnose, dialectFromLine, type QueryDiagnostic, type Severity } from '../query';
import { documentDialect, LANGUAGE_ID, queryLines, toRange } from './queryDocument';
import { recentValuesFor } from './recentValues';

const DEBOUNCE_MS = 150;
export const DIAGNOSTIC_SOURCE = 'CBCM query';
const DIALECT_LINE = /^\s*#\s*dialect\s*:/i;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVscodeDiagnostic(line: number, d: QueryDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(line, d.range), d.message, SEVERITY[d.severity]);
  diagnostic.code = d.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

export function computeDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  const dialect = documentDialect(document);
  const recentValues = recentValuesFor(dialect);
  const out: vscode.Diagnostic[] = [];
  if (document.lineCount > 0) {
    const first = document.lineAt(0).text;
    if (DIALECT_LINE.test(first) && !dialectFromLine(first)) {
      const d = new vscode.Diagnostic(
        document.lineAt(0).range,
        "Unknown dialect: write '# dialect: browsers' or '# dialect: tokens'.",
        vscode.DiagnosticSeverity.Warning,
      );
      d.source = DIAGNOSTIC_SOURCE;
      d.code = 'unknown-dialect';
      out.push(d);
    }
  }
  for (const q of queryLines(document)) {
    for (const d of diagnose(q.text, dialect, { recentValues })) out.push(toVscodeDiagnostic(q.line, d));
  }
  return out;
}

export function registerDiagnostics(): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection(LANGUAGE_ID);
  const timers = new Map<string, NodeJS.Timeout>();
  const update = (document: vscode.TextDocument) => {
    if (document.languageId === LANGUAGE_ID) collection.set(document.uri, computeDiagnostics(document));
  };
  const schedule = (document: vscode.TextDocument) => {
    if (document.languageId !== LANGUAGE_ID) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        update(document);
      }, DEBOUNCE_MS),
    );
  };
  vscode.workspace.textDocuments.forEach(update);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      clearTimeout(timers.get(document.uri.toString()));
      timers.delete(document.uri.toString());
      collection.delete(document.uri);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  ];
}
