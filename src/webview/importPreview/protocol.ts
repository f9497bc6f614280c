// The message protocol between the CSV-import preview (extension host) and its webview script
// (media/src/importPreview.ts). Both sides import this file: no `vscode` or Node imports. Rows are sent once,
// compactly; the webview renders only what is on screen (100,000 rows stay fast) and answers with the lines the
// admin excluded. Every message is checked by a guard; anything else is dropped.
import type { RowStatus } from '../../operations/csvImport';
import { isCount, isObject, isOneOf, isRequestId, isString, type ReadyMessage, type RequestId } from '../messageGuards';

export const ROW_STATUSES: readonly RowStatus[] = ['change', 'unchanged', 'noMatch', 'ambiguous', 'invalid', 'duplicate'];

export interface PreviewRowView {
  line: number;
  key: string;
  status: RowStatus;
  /** Machine name or device id of the matched browser. */
  browser?: string;
  /** "Asset ID: A-1 → A-2; Org unit: /Lab → /HR", or the problem. */
  text: string;
}

/** Per line, "done" or the reason it failed / was not tried. */
export interface LineResult {
  line: number;
  result: string;
}

// ---------------------------------------------------------------- extension → webview

export type ImportExtensionMessage =
  | { type: 'rows'; file: string; rows: PreviewRowView[] }
  /** The reply to `apply`, paired with it by `requestId`. */
  | { type: 'applied'; requestId: RequestId; results: LineResult[]; summary: string }
  | { type: 'busy'; busy: boolean };

// ---------------------------------------------------------------- webview → extension

export type ImportWebviewMessage = ReadyMessage | { type: 'apply'; requestId: RequestId; excluded: number[] } | { type: 'cancel' };

// ---------------------------------------------------------------- guards

const isRowStatus = isOneOf(ROW_STATUSES);

function isRowView(v: unknown): v is PreviewRowView {
  return (
    isObject(v) && isCount(v.line) && isString(v.key) && isRowStatus(v.status) && isString(v.text) && (v.browser === undefined || isString(v.browser))
  );
}

function isLineResult(v: unknown): v is LineResult {
  return isObject(v) && isCount(v.line) && isString(v.result);
}

/** Validates a message the webview posted; undefined means "drop it". */
export function parseImportWebviewMessage(v: unknown): ImportWebviewMessage | undefined {
  if (!isObject(v) || !isString(v.type)) return undefined;
  switch (v.type) {
    case 'ready':
    case 'cancel':
      return { type: v.type };
    case 'apply':
      if (!isRequestId(v.requestId) || !Array.isArray(v.excluded) || !v.excluded.every(isCount)) return undefined;
      return { type: 'apply', requestId: v.requestId, excluded: v.excluded };
    default:
      return undefined;
  }
}

/** Validates a message the extension posted; undefined means "drop it". */
export function parseImportExtensionMessage(v: unknown): ImportExtensionMessage | undefined {
  if (!isObject(v) || !isString(v.type)) return undefined;
  switch (v.type) {
    case 'rows':
      return isString(v.file) && Array.isArray(v.rows) && v.rows.every(isRowView) ? { type: 'rows', file: v.file, rows: v.rows } : undefined;
    case 'applied':
      if (!isRequestId(v.requestId) || !isString(v.summary) || !Array.isArray(v.results) || !v.results.every(isLineResult)) return undefined;
      return { type: 'applied', requestId: v.requestId, results: v.results, summary: v.summary };
    case 'busy':
      return typeof v.busy === 'boolean' ? { type: 'busy', busy: v.busy } : undefined;
    default:
      return undefined;
  }
}
