// Messages between the CSV-import preview and the extension. Rows are sent once, compactly; the webview
// renders only what is on screen (100,000 rows stay fast) and answers with the lines the admin excluded.
import type { RowStatus } from '../operations/csvImport';

export interface PreviewRowView {
  line: number;
  key: string;
  status: RowStatus;
  /** Machine name or device id of the matched browser. */
  browser?: string;
  /** "Asset ID: A-1 → A-2; Org unit: /Lab → /HR", or the problem. */
  text: string;
}

export type ImportExtensionMessage =
  | { type: 'rows'; file: string; rows: PreviewRowView[] }
  /** After apply: per line, "done" or the reason it failed / was not tried. */
  | { type: 'applied'; results: { line: number; result: string }[]; summary: string }
  | { type: 'busy'; busy: boolean };

export type ImportWebviewMessage =
  | { type: 'ready' }
  | { type: 'apply'; excluded: number[] }
  | { type: 'cancel' };

export function parseImportWebviewMessage(m: unknown): ImportWebviewMessage | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  const v = m as { type?: unknown; excluded?: unknown };
  if (v.type === 'ready' || v.type === 'cancel') return { type: v.type };
  if (v.type === 'apply' && Array.isArray(v.excluded) && v.excluded.every((x) => Number.isInteger(x))) {
    return { type: 'apply', excluded: v.excluded as number[] };
  }
  return undefined;
}
