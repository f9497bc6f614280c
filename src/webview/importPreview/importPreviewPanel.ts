// The preview of "Import Annotations from CSV": every row with the browser it matched and current → new per
// field, filterable by status, rows excludable. Nothing is sent until the admin presses Apply and confirms the
// exact count; then the run reports per row, and the failed rows can be saved as a CSV to fix and import again.
// The rows stay here, in the compact ImportPreview; the webview asks for the page on screen and gets only it.
import type * as vscode from 'vscode';
import type { ImportPreview } from '../../operations/importPreview';
import type { Services } from '../../services';
import { l10n } from '../../util/l10n';
import { createWebviewPanel, PanelHost, type PanelPage } from '../panelHost';
import { parseImportWebviewMessage, type ImportExtensionMessage, type ImportWebviewMessage, type PreviewRowView } from './protocol';
import { rowView } from './rowView';

export const IMPORT_VIEW_TYPE = 'cbcm.importPreview';
const importPage = (): PanelPage => ({ script: 'importPreview', loadingText: l10n.t('Loading the import preview…') });

export interface ImportPreviewHandlers {
  /** The admin pressed Apply: confirm, run, and return the summary (undefined: not confirmed). */
  apply(excluded: ReadonlySet<number>): Promise<{ summary: string } | undefined>;
  /** After Apply: row `i`'s "done" or reason, undefined for a row not applied. */
  result(i: number): string | undefined;
}

/** Kept alive while hidden (retainContextWhenHidden) so the filters and the rows left out stay as they were. */
export class ImportPreviewPanel implements vscode.Disposable {
  private readonly host: PanelHost<ImportWebviewMessage, ImportExtensionMessage>;
  private applying = false;

  static open(
    services: Services,
    file: string,
    preview: ImportPreview,
    browserLabel: (id: string) => string | undefined,
    handlers: ImportPreviewHandlers,
  ): ImportPreviewPanel {
    const panel = createWebviewPanel(services, IMPORT_VIEW_TYPE, l10n.t('Import Preview: {0}', file), { retainContextWhenHidden: true });
    return new ImportPreviewPanel(panel, services, file, preview, browserLabel, handlers);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    services: Services,
    private readonly file: string,
    readonly preview: ImportPreview,
    private readonly browserLabel: (id: string) => string | undefined,
    private readonly handlers: ImportPreviewHandlers,
  ) {
    this.host = new PanelHost(panel, services, {
      name: 'Import preview',
      page: importPage(),
      parse: parseImportWebviewMessage,
      ready: () => this.host.post({ type: 'init', file: this.file, counts: this.preview.counts }),
      handle: (m) => this.handle(m),
      closed: () => this.dispose(),
    });
  }

  private view(i: number): PreviewRowView {
    const v = rowView(this.preview.row(i), this.browserLabel);
    const result = this.handlers.result(i);
    return result === undefined ? v : { ...v, result };
  }

  private async handle(m: Exclude<ImportWebviewMessage, { type: 'ready' }>): Promise<void> {
    if (m.type === 'cancel') {
      this.dispose();
      return;
    }
    if (m.type === 'page') {
      // Answered while an apply runs too: the admin may scroll meanwhile.
      const { total, positions } = this.preview.page(m.statuses, m.offset, m.limit);
      this.host.post({ type: 'page', requestId: m.requestId, offset: m.offset, total, rows: positions.map((i) => this.view(i)) });
      return;
    }
    if (this.applying) return;
    this.applying = true;
    this.host.post({ type: 'busy', busy: true });
    try {
      const outcome = await this.handlers.apply(new Set(m.excluded));
      if (outcome) this.host.post({ type: 'applied', requestId: m.requestId, summary: outcome.summary });
    } finally {
      this.applying = false;
      this.host.post({ type: 'busy', busy: false });
    }
  }

  dispose(): void {
    this.host.dispose();
  }
}
