// The preview of "Import Annotations from CSV": every row with the browser it matched and current → new per
// field, filterable by status, rows excludable. Nothing is sent until the admin presses Apply and confirms the
// exact count; then the run reports per row, and the failed rows can be saved as a CSV to fix and import again.
import type * as vscode from 'vscode';
import { ANNOTATION_LABELS } from '../../model/annotations';
import type { PreviewRow, ParsedImport } from '../../operations/csvImport';
import type { Services } from '../../services';
import { l10n } from '../../util/l10n';
import { createWebviewPanel, PanelHost, type PanelPage } from '../panelHost';
import { parseImportWebviewMessage, type ImportExtensionMessage, type ImportWebviewMessage, type LineResult, type PreviewRowView } from './protocol';

export const IMPORT_VIEW_TYPE = 'cbcm.importPreview';
const importPage = (): PanelPage => ({ script: 'importPreview', loadingText: l10n.t('Loading the import preview…') });

const label = (f: string) => (f === 'orgUnitPath' ? l10n.t('Org unit') : (ANNOTATION_LABELS[f as keyof typeof ANNOTATION_LABELS] ?? f));

export function rowView(r: PreviewRow, browserLabel: (id: string) => string | undefined): PreviewRowView {
  const text =
    r.problem ??
    (r.changes.length
      ? r.changes.map((c) => `${label(c.field)}: ${c.from || '∅'} → ${c.to || '∅'}`).join('; ')
      : l10n.t('already holds these values'));
  return { line: r.line, key: r.key, status: r.status, browser: r.deviceId ? (browserLabel(r.deviceId) ?? r.deviceId) : undefined, text };
}

export interface ImportPreviewHandlers {
  /** The admin pressed Apply: confirm, run, and return per-line results (undefined: not confirmed). */
  apply(excluded: ReadonlySet<number>): Promise<{ results: LineResult[]; summary: string } | undefined>;
}

/** Kept alive while hidden (retainContextWhenHidden): the rows are sent once, after the first `ready`. */
export class ImportPreviewPanel implements vscode.Disposable {
  private readonly host: PanelHost<ImportWebviewMessage, ImportExtensionMessage>;
  private applying = false;

  static open(services: Services, file: string, parsed: ParsedImport, rows: PreviewRowView[], handlers: ImportPreviewHandlers): ImportPreviewPanel {
    const panel = createWebviewPanel(services, IMPORT_VIEW_TYPE, l10n.t('Import Preview: {0}', file), { retainContextWhenHidden: true });
    return new ImportPreviewPanel(panel, services, file, parsed, rows, handlers);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    services: Services,
    private readonly file: string,
    readonly parsed: ParsedImport,
    private readonly rows: PreviewRowView[],
    private readonly handlers: ImportPreviewHandlers,
  ) {
    this.host = new PanelHost(panel, services, {
      name: 'Import preview',
      page: importPage(),
      parse: parseImportWebviewMessage,
      ready: () => this.host.post({ type: 'rows', file: this.file, rows: this.rows }),
      handle: (m) => this.handle(m),
      closed: () => this.dispose(),
    });
  }

  private async handle(m: Exclude<ImportWebviewMessage, { type: 'ready' }>): Promise<void> {
    if (m.type === 'cancel') {
      this.dispose();
      return;
    }
    if (this.applying) return;
    this.applying = true;
    this.host.post({ type: 'busy', busy: true });
    try {
      const outcome = await this.handlers.apply(new Set(m.excluded));
      if (outcome) this.host.post({ type: 'applied', requestId: m.requestId, ...outcome });
    } finally {
      this.applying = false;
      this.host.post({ type: 'busy', busy: false });
    }
  }

  dispose(): void {
    this.host.dispose();
  }
}
