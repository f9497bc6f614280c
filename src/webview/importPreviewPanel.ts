// The preview of "Import Annotations from CSV": every row with the browser it matched and current → new per
// field, filterable by status, rows excludable. Nothing is sent until the admin presses Apply and confirms the
// exact count; then the run reports per row, and the failed rows can be saved as a CSV to fix and import again.
import * as vscode from 'vscode';
import type { PreviewRow, ParsedImport } from '../operations/csvImport';
import { ANNOTATION_LABELS } from './annotationMerge';
import { renderShell } from './html';
import { webviewOptions } from './deviceDetailsPanel';
import { parseImportWebviewMessage, type ImportExtensionMessage, type PreviewRowView } from './importPreviewProtocol';

export const IMPORT_VIEW_TYPE = 'cbcm.importPreview';

const label = (f: string) => (f === 'orgUnitPath' ? 'Org unit' : ANNOTATION_LABELS[f as keyof typeof ANNOTATION_LABELS] ?? f);

export function rowView(r: PreviewRow, browserLabel: (id: string) => string | undefined): PreviewRowView {
  const text = r.problem ?? (r.changes.length ? r.changes.map((c) => `${label(c.field)}: ${c.from || '∅'} → ${c.to || '∅'}`).join('; ') : 'already holds these values');
  return { line: r.line, key: r.key, status: r.status, browser: r.deviceId ? browserLabel(r.deviceId) ?? r.deviceId : undefined, text };
}

export interface ImportPreviewHandlers {
  /** The admin pressed Apply: confirm, run, and return per-line results (undefined: not confirmed). */
  apply(excluded: ReadonlySet<number>): Promise<{ results: { line: number; result: string }[]; summary: string } | undefined>;
}

export class ImportPreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private applying = false;

  static open(extensionUri: vscode.Uri, file: string, parsed: ParsedImport, rows: PreviewRowView[], handlers: ImportPreviewHandlers): ImportPreviewPanel {
    const panel = vscode.window.createWebviewPanel(IMPORT_VIEW_TYPE, `Import Preview: ${file}`, vscode.ViewColumn.Active, { ...webviewOptions(extensionUri), retainContextWhenHidden: true });
    return new ImportPreviewPanel(panel, extensionUri, file, parsed, rows, handlers);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly file: string,
    readonly parsed: ParsedImport,
    private readonly rows: PreviewRowView[],
    private readonly handlers: ImportPreviewHandlers,
  ) {
    const w = panel.webview;
    w.html = renderShell({
      cspSource: w.cspSource,
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dist', 'importPreview.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'importPreview.css')).toString(),
      title: `Import Preview: ${file}`,
      loadingText: 'Loading the import preview…',
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      w.onDidReceiveMessage((m) => this.onMessage(m)),
    );
  }

  private post(m: ImportExtensionMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const m = parseImportWebviewMessage(raw);
    if (!m) return; // unknown or malformed: dropped (and never logged with its contents)
    if (m.type === 'ready') this.post({ type: 'rows', file: this.file, rows: this.rows });
    else if (m.type === 'cancel') this.panel.dispose();
    else if (m.type === 'apply' && !this.applying) {
      this.applying = true;
      this.post({ type: 'busy', busy: true });
      try {
        const outcome = await this.handlers.apply(new Set(m.excluded));
        if (outcome) this.post({ type: 'applied', ...outcome });
      } finally {
        this.applying = false;
        this.post({ type: 'busy', busy: false });
      }
    }
  }

  dispose(): void {
    this.disposables.splice(0).forEach((d) => d.dispose());
  }
}
