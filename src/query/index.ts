// Public API of the CBCM filter query language (no vscode import: usable from tests, the tree's
// input box and the language adapters alike).
import { diagnose } from './diagnostics';
import type { Dialect } from './types';

export * from './types';
export { parseQuery, splitRange } from './parser';
export { lex } from './lexer';
export { diagnose, removalRange, quoteIfNeeded } from './diagnostics';
export { complete } from './completions';
export { hover } from './hover';
export { format, serialize } from './format';
export { normalizeEnumValues } from './normalize';
export { dialectFromDocument, dialectFromLine, isCommentOrBlank } from './document';
export { DIALECTS, ALL_DIALECTS, BROWSER_FIELDS, TOKEN_FIELDS, dialectSpec, findField } from './fields';
export { recentValuesFromBrowsers } from './fleetValues';
export {
  convertToChromeManagementFilter, convertTokenQueryToChromeManagementFilter, chromeManagementFilterDocument,
} from './chromeManagementFilter';
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
