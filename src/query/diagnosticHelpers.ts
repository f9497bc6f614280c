// Small builders shared by the diagnostic rules.
import { isWhitespace } from './lexer';
import type { DiagnosticCode, QueryDiagnostic, QuickFix, Range, Severity } from './types';

export const DIGITS = /^\d+$/;

export function diag(code: DiagnosticCode, severity: Severity, message: string, range: Range, fixes: QuickFix[] = []): QueryDiagnostic {
  return { code, severity, message, range, fixes };
}

export function replace(title: string, range: Range, newText: string, preferred = false): QuickFix {
  return preferred ? { title, edits: [{ range, newText }], preferred } : { title, edits: [{ range, newText }] };
}

/** Deletes a term and the whitespace after it (or before it, for the last term). */
export function removalRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (end < text.length && isWhitespace(text.charCodeAt(end))) end++;
  if (end === text.length) while (start > 0 && isWhitespace(text.charCodeAt(start - 1))) start--;
  return { start, end };
}

/** Wraps a value in double quotes when it holds whitespace (so it stays one term). */
export function quoteIfNeeded(v: string): string {
  for (let i = 0; i < v.length; i++) if (isWhitespace(v.charCodeAt(i))) return `"${v}"`;
  return v;
}
