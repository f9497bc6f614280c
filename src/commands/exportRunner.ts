import type { Writable } from 'node:stream';
import * as vscode from 'vscode';
import type { ExportDestination } from '../export/exportDestination';
import type { Services } from '../services';
import { describeError, isCancellation } from '../util/errors';
import { clock } from '../util/clock';
import { exportModule } from './exportModule';

/** What an export command hands to the runner: where, what to call it, and how to write it. */
export interface ExportJob {
  uri: vscode.Uri;
  /** The progress notification's title, e.g. "Exporting browsers, one row per extension". */
  title: string;
  /** Automation's cancel (the notification's Cancel button works too). */
  signal?: AbortSignal;
  /** Streams into `out`; resolves to a count for the messages ("1,204 rows from 310 browsers"). */
  write(out: Writable, signal: AbortSignal, report: (message: string) => void): Promise<{ written: number; summary: string }>;
}

export interface ExportOutcome {
  outcome: 'done' | 'cancelled' | 'failed';
  written: number;
  /** Where the file (or what was fetched before a failure) is. */
  path?: string;
}

/** A local path as the admin knows it; any other target as its URI. */
export function describeTarget(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/**
 * Runs an export the way `cbcm.browser.export` does: into a partial file created exclusively next to the target
 * (or staged locally for non-`file:` targets, src/export/exportDestination.ts), put in place only when complete;
 * Cancel deletes it; a failure keeps what was fetched and says where. Logs the count and the path only — never
 * file contents (a token export holds token values).
 */
export async function runExport(services: Services, job: ExportJob): Promise<ExportOutcome> {
  let destination: ExportDestination;
  try {
    destination = await (await exportModule()).openExportDestination(job.uri);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not start the export next to {0}: {1}', describeTarget(job.uri), describeError(error)));
    return { outcome: 'failed', written: 0 };
  }
  let written = 0;
  let summary = '';
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: job.title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      if (job.signal?.aborted) abort.abort();
      job.signal?.addEventListener('abort', () => abort.abort());
      try {
        ({ written, summary } = await job.write(destination.stream, abort.signal, (message) => progress.report({ message })));
        return 'done' as const;
      } catch (error) {
        return isCancellation(error) || abort.signal.aborted ? ('cancelled' as const) : error;
      }
    },
  );
  const target = describeTarget(job.uri);
  if (result === 'done') {
    try {
      await destination.finish();
    } catch (error) {
      const partial = await destination.keepPartial();
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The export ({0}) could not be put at {1}: {2} It is in {3}.', summary, target, describeError(error), partial),
      );
      return { outcome: 'failed', written, path: partial };
    }
    services.log.info(`Exported ${summary} to ${target}`);
    const open = vscode.l10n.t('Open');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Exported {0}.', summary), open)
      .then((choice) => (choice === open ? vscode.window.showTextDocument(job.uri) : undefined));
    return { outcome: 'done', written, path: target };
  }
  if (result === 'cancelled') {
    await destination.discard();
    void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; no file was written.'));
    return { outcome: 'cancelled', written };
  }
  const partial = await destination.keepPartial();
  void vscode.window.showErrorMessage(vscode.l10n.t('Export stopped: {0} What was fetched is in {1}.', describeError(result), partial));
  return { outcome: 'failed', written, path: partial };
}

/** The file name an export proposes: `cbcm-<what>-2026-03-01-10-00-00.<ext>` in the first workspace folder. */
export function proposedUri(what: string, extension: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const stamp = clock.date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return folder ? vscode.Uri.joinPath(folder, `cbcm-${what}-${stamp}.${extension}`) : undefined;
}
