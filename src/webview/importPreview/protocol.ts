// The message protocol between the CSV-import preview (extension host) and its webview script
// (media/src/importPreview.ts). Both sides import this file: no `vscode` or Node imports. The rows stay in the
// extension host (a compact store, src/operations/importPreview.ts); the webview asks for the page it shows
// (rows `offset` to `offset + limit` of those with the statuses it lists) and answers Apply with the lines the
// admin excluded. Every message is checked by a guard; anything else is dropped.
import type { RowStatus } from '../../operations/csvImport';
import { isCount, isObject, isOneOf, isRequestId, isString, type ReadyMessage, type RequestId } from '../messageGuards';

export const ROW_STATUSES: readonly RowStatus[] = ['change', 'unchanged', 'noMatch', 'ambiguous', 'invalid', 'duplicate'];

/** The most rows one page request may ask for (a screen shows a few dozen). */
export const MAX_PAGE_ROWS = 1_000;

export interface PreviewRowView {
  line: number;
  key: string;
  status: RowStatus;
  /** Machine name or device id of the matched browser. */
  browser?: string;
  /** "Asset ID: A-1 → A-2; Org unit: /Lab → /HR", or the problem. */
  text: string;
  /** After Apply: "done", or why the row failed or was not tried. */
  result?: string;
}

// ---------------------------------------------------------------- extension → webview

export type ImportExtensionMessage =
  /** After `ready`: what the file holds; the rows come page by page. */
  | { type: 'init'; file: string; counts: Record<RowStatus, number> }
  /** The reply to `page`: `total` rows have the asked statuses; `rows` are those from `offset` on. */
  | { type: 'page'; requestId: RequestId; offset: number; total: number; rows: PreviewRowView[] }
  /** The reply to `apply`, paired with it by `requestId`; the rows' results come with the next pages. */
  | { type: 'applied'; requestId: RequestId; summary: string }
  | { type: 'busy'; busy: boolean };

// ---------------------------------------------------------------- webview → extension

export type ImportWebviewMessage =
  | ReadyMessage
  | { type: 'page'; requestId: RequestId; statuses: RowStatus[]; offset: number; limit: number }
  | { type: 'apply'; requestId: RequestId; excluded: number[] }
  | { type: 'cancel' };

// ---------------------------------------------------------------- guards

const isRowStatus = isOneOf(ROW_STATUSES);

function isRowView(v: unknown): v is PreviewRowView {
  return (
    isObject(v) &&
    isCount(v.line) &&
    isString(v.key) &&
    isRowStatus(v.status) &&
    isString(v.text) &&
    (v.browser === undefined || isString(v.browser)) &&
    (v.result === undefined || isString(v.result))
  );
}

function isCounts(v: unknown): v is Record<RowStatus, number> {
  return isObject(v) && ROW_STATUSES.every((s) => isCount(v[s]));
}

/** Validates a message the webview posted; undefined means "drop it". */
export function parseImportWebviewMessage(v: unknown): ImportWebviewMessage | undefined {
  if (!isObject(v) || !isString(v.type)) return undefined;
  switch (v.type) {
    case 'ready':
    case 'cancel':
      return { type: v.type };
    case 'page':
      if (!isRequestId(v.requestId) || !isCount(v.offset) || !isCount(v.limit) || v.limit > MAX_PAGE_ROWS) return undefined;
      if (!Array.isArray(v.statuses) || !v.statuses.every(isRowStatus)) return undefined;
      return { type: 'page', requestId: v.requestId, statuses: v.statuses, offset: v.offset, limit: v.limit };
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
    case 'init':
      return isString(v.file) && isCounts(v.counts) ? { type: 'init', file: v.file, counts: v.counts } : undefined;
    case 'page':
      if (!isRequestId(v.requestId) || !isCount(v.offset) || !isCount(v.total) || !Array.isArray(v.rows) || !v.rows.every(isRowView))
        return undefined;
      return { type: 'page', requestId: v.requestId, offset: v.offset, total: v.total, rows: v.rows };
    case 'applied':
      return isRequestId(v.requestId) && isString(v.summary) ? { type: 'applied', requestId: v.requestId, summary: v.summary } : undefined;
    case 'busy':
      return typeof v.busy === 'boolean' ? { type: 'busy', busy: v.busy } : undefined;
    default:
      return undefined;
  }
}
