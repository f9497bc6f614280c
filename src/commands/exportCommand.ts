import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { type BrowserListPage, type ChromeBrowser, listFleet } from '../api';
import { type ExportFormat, writeBrowserExport } from '../export/browserExport';
import { queryFor } from '../tree/explorerState';
import { BrowsersFolderNode } from '../tree/nodes/browsersFolderNode';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { describeError, isCancellation } from '../util/errors';
import { type ExplorerCommandContext, requireBackend } from './commandContext';

/** Where to export: the clicked folder/OU, else the account-wide listing, with the filter in force there. */
function scopeOf(c: ExplorerCommandContext, clicked: unknown): { orgUnitPath?: string; query?: string } {
  const orgUnitPath = clicked instanceof BrowsersFolderNode || clicked instanceof OrgUnitNode ? clicked.orgUnitPath : undefined;
  return { orgUnitPath, query: queryFor(c.explorer.state, 'browsers', orgUnitPath) };
}

async function* asPages(batches: AsyncIterable<ChromeBrowser[]>): AsyncIterable<BrowserListPage> {
  for await (const browsers of batches) yield { browsers };
}

/** Automation skips the prompts; its `signal` cancels like the notification's Cancel button. */
export interface ExportPreset {
  format: ExportFormat;
  uri: vscode.Uri;
  signal?: AbortSignal;
}

/**
 * Streams the listing into `<name>.partial` and renames it when complete, so a file without that suffix is always
 * whole. Cancelling deletes the partial file; a failure keeps it (nothing fetched is lost) and says so.
 */
export function registerExportCommand(c: ExplorerCommandContext): vscode.Disposable[] {
  return [vscode.commands.registerCommand('cbcm.browser.export', async (clicked?: unknown, _selected?: unknown, preset?: ExportPreset) => {
    const backend = await requireBackend(c.services);
    if (!backend) return undefined;
    const scope = scopeOf(c, clicked);
    const format = preset?.format ?? (await vscode.window.showQuickPick(
      [{ label: 'CSV', format: 'csv' as ExportFormat }, { label: 'JSON', format: 'json' as ExportFormat }],
      { title: `Export browsers${scope.orgUnitPath ? ` in ${scope.orgUnitPath}` : ''}${scope.query ? ` matching ${scope.query}` : ''}` },
    ))?.format;
    if (!format) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const uri = preset?.uri ?? await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `cbcm-browsers-${stamp}.${format}`) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    });
    if (!uri) return undefined;
    const partial = `${uri.fsPath}.partial`;
    const out = fs.createWriteStream(partial, { encoding: 'utf8' });
    let written = 0;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Exporting browsers', cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        preset?.signal?.addEventListener('abort', () => abort.abort());
        try {
          // The whole account is listed in parallel parts (src/api/fleetListing.ts); one OU is a single listing.
          const pages = scope.orgUnitPath !== undefined
            ? backend.listBrowsers({ projection: 'BASIC', maxResults: 100, ...scope }, abort.signal)
            : asPages(listFleet(backend, { projection: 'BASIC', query: scope.query, orgUnits: c.explorer.accountNode?.orgUnits }, abort.signal));
          written = await writeBrowserExport(pages, out, format, (n) => progress.report({ message: `${n.toLocaleString('en')} browsers` }));
          return 'done' as const;
        } catch (error) {
          return isCancellation(error) || abort.signal.aborted ? 'cancelled' as const : error;
        } finally {
          await new Promise<void>((resolve) => out.end(resolve));
        }
      },
    );
    if (outcome === 'done') {
      await fs.promises.rename(partial, uri.fsPath);
      c.services.log.info(`Exported ${written} browsers to ${uri.fsPath}`);
      void vscode.window.showInformationMessage(`Exported ${written.toLocaleString('en')} browsers.`, 'Open')
        .then((open) => open && vscode.window.showTextDocument(uri));
      return { outcome, written, path: uri.fsPath };
    }
    if (outcome === 'cancelled') {
      await fs.promises.rm(partial, { force: true });
      void vscode.window.showInformationMessage('Export cancelled; no file was written.');
      return { outcome, written };
    }
    void vscode.window.showErrorMessage(
      `Export stopped after ${written} browsers: ${describeError(outcome)} What was fetched is in ${partial}.`);
    return { outcome: 'failed', written, path: partial };
  })];
}
