// Reads a cbcm-query TextDocument as the query engine sees it: its dialect and its query lines.
import * as vscode from 'vscode';
import { dialectFromDocument, isCommentOrBlank, type Dialect, type Range } from '../query';

export const LANGUAGE_ID = 'cbcm-query';
export const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

export function documentDialect(document: vscode.TextDocument): Dialect {
  const first = document.lineCount > 0 ? document.lineAt(0).text : '';
  return dialectFromDocument(first, document.fileName);
}

export interface QueryLine {
  line: number;
  text: string;
}

/** Query lines (non-blank, not comments); each line is one query. */
export function queryLines(document: vscode.TextDocument): QueryLine[] {
  const out: QueryLine[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!isCommentOrBlank(text)) out.push({ line, text });
  }
  return out;
}

/** A query line, or undefined for comments and blank lines. */
export function queryLineAt(document: vscode.TextDocument, line: number): QueryLine | undefined {
  const text = document.lineAt(line).text;
  return isCommentOrBlank(text) ? undefined : { line, text };
}

/** Query offsets are offsets within the line, so conversion is direct. */
export function toRange(line: number, r: Range): vscode.Range {
  return new vscode.Range(line, r.start, line, r.end);
}
