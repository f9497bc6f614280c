// Public API of the CBCM filter query language (no vscode import: usable from tests, the tree's
// input box and the language adapters alike).
import { diagnose } from './diagnostics';
import type { Dialect, DiagnosticCode, QueryDiagnostic } from './types';

export * from './types';
export { parseQuery, splitRange } from './parser';
export { lex } from './lexer';
export { diagnose, removalRange, quoteIfNeeded } from './diagnostics';
export { complete } from './completions';
export { hover } from './hover';
export { format, serialize } from './format';
export { normalizeEnumValues } from './normalize';
export { describeRelativeTime, isRelativeTime, resolveRelativeDates, resolveRelativeTime } from './relativeDates';
export { dialectFromDocument, dialectFromLine, isCommentOrBlank, newQueryFileName } from './document';
export { DIALECTS, ALL_DIALECTS, BROWSER_FIELDS, TOKEN_FIELDS, dialectSpec, findField } from './fields';
export { convertToChromeManagementFilter, convertTokenQueryToChromeManagementFilter, chromeManagementFilterDocument } from './chromeManagementFilter';
export type { FilterConversion } from './chromeManagementFilter';

/**
 * For `showInputBox({ validateInput })`: the first error's message, or undefined when the query can
 * be sent. Warnings do not block (see `validateQueryInputDetailed` for them).
 */
export function validateQueryInput(text: string, dialect: Dialect): string | undefined {
  return diagnose(text, dialect).find((d) => d.severity === 'error')?.message;
}

/** Like validateQueryInput, but also reports the first warning (for InputBoxValidationMessage severity). */
export function validateQueryInputDetailed(text: string, dialect: Dialect): { message: string; severity: 'error' | 'warning' } | undefined {
  const all = diagnose(text, dialect);
  const first = all.find((d) => d.severity === 'error') ?? all.find((d) => d.severity === 'warning');
  return first ? { message: first.message, severity: first.severity === 'error' ? 'error' : 'warning' } : undefined;
}

/**
 * Warnings that mean "the API will not do what you typed": a wildcard is searched as the bare word, `AND` as a
 * word, a leading `-` as the word without it, parentheses as punctuation, a word in a tokens query is ignored,
 * punctuation alone constrains nothing, two values of one field find nothing. A query with one of these is not
 * sent from the explorer without an explicit "Run anyway". (`enum-case` is not here: the value is sent in its
 * documented case, see normalizeEnumValues.)
 */
export const MISLEADING_WARNING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>([
  'partial-word',
  'and-keyword',
  'not-unsupported',
  'grouping-unsupported',
  'free-term-ignored',
  'word-split',
  'conflicting-values',
]);

/** The warnings of MISLEADING_WARNING_CODES in this query, in order. */
export function misleadingWarnings(text: string, dialect: Dialect): QueryDiagnostic[] {
  return diagnose(text, dialect).filter((d) => d.severity === 'warning' && MISLEADING_WARNING_CODES.has(d.code));
}
