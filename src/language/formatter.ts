// Document formatting: each query line normalised by the engine; comment lines lose trailing blanks.
import * as vscode from 'vscode';
import { format, isCommentOrBlank } from '../query';
import { documentDialect, SELECTOR } from './queryDocument';

export function formattingEdits(document: vscode.TextDocument): vscode.TextEdit[] {
  const dialect = documentDialect(document);
  const edits: vscode.TextEdit[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const { text, range } = document.lineAt(line);
    const formatted = isCommentOrBlank(text) ? text.trim() : format(text, dialect);
    if (formatted !== text) edits.push(vscode.TextEdit.replace(range, formatted));
  }
  return edits;
}

export function registerFormatter(): vscode.Disposable[] {
  return [vscode.languages.registerDocumentFormattingEditProvider(SELECTOR, { provideDocumentFormattingEdits: formattingEdits })];
}
