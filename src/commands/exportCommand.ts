import * as vscode from 'vscode';
import { type BrowserListPage, type ChromeBrowser, listFleet } from '../api';
import type { ExportFormat } from '../export/browserExport';
import type { ExportDestination } from '../export/exportDestination';
import type { CbcmBackend } from '../api/backend';
import { describeSort } from '../tree/browserSort';
import { type BrowserSort, queryFor } from '../tree/explorerState';
import { BrowsersFolderNode } from '../tree/nodes/browsersFolderNode';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { describeError, isCancellation } from '../util/errors';
import { type ExplorerCommandContext, requireBackend } from './commandContext';
import type { CommandTable } from './commandTable';
import { automationArgs } from './automation';
import { displayLocale } from '../util/displayLocale';
import { clock } from '../util/clock';
import { exportModule } from './exportModule';

interface ExportScope {
  orgUnitPath?: string;
  query?: string;
  /** The explorer's sort: the file lists browsers in the order the tree shows them. */
  sort?: BrowserSort;
}

/** Where to export: the clicked folder/OU, else the account-wide listing, with the filter and sort in force there. */
function scopeOf(c: ExplorerCommandContext, clicked: unknown): ExportScope {
  const orgUnitPath = clicked instanceof BrowsersFolderNode || clicked instanceof OrgUnitNode ? clicked.orgUnitPath : undefined;
  return { orgUnitPath, query: queryFor(c.explorer.state, 'browsers', orgUnitPath), sort: c.explorer.state.sort };
}

async function* asPages(batches: AsyncIterable<ChromeBrowser[]>): AsyncIterable<BrowserListPage> {
  for await (const browsers of batches) yield { browsers };
}

/**
 * The listing to export. A sorted export is one listing in that order (the API sorts; pages come one after the
 * other). Unsorted, the whole account is listed in parallel parts (src/api/fleetListing.ts), much faster, in no
 * particular order — the tree shows the API's default order then, which parallel parts cannot reproduce.
 */
function exportPages(c: ExplorerCommandContext, backend: CbcmBackend, scope: ExportScope, signal: AbortSignal): AsyncIterable<BrowserListPage> {
  const { orgUnitPath, query, sort } = scope;
  if (orgUnitPath !== undefined || sort) {
    return backend.listBrowsers(
      { projection: 'BASIC', maxResults: 100, orgUnitPath, query, orderBy: sort?.orderBy, sortOrder: sort?.sortOrder },
      signal,
    );
  }
  return asPages(listFleet(backend, { projection: 'BASIC', query, orgUnits: c.explorer.accountNode?.orgUnits }, signal));
}

/** Passes pages through, keeping each browser's id and org unit: a complete unfiltered export counts org units. */
async function* tallied(pages: AsyncIterable<BrowserListPage>, seen: ChromeBrowser[]): AsyncIterable<BrowserListPage> {
  for await (const page of pages) {
    for (const b of page.browsers) seen.push({ deviceId: b.deviceId, orgUnitPath: b.orgUnitPath });
    yield page;
  }
}

/**
 * The file to write: a doubled extension from the save dialog ("x.csv.csv") becomes one. If that name already
 * exists, the dialog never asked about it, so this asks before replacing it (undefined: the admin declined).
 */
async function resolveTarget(chosen: vscode.Uri, format: ExportFormat, mayReplaceUnasked: boolean): Promise<vscode.Uri | undefined> {
  const fixedPath = (await exportModule()).targetPath(chosen.path, format);
  if (fixedPath === chosen.path) return chosen;
  const fixed = chosen.with({ path: fixedPath });
  const exists = await vscode.workspace.fs.stat(fixed).then(
    () => true,
    () => false,
  );
  if (!exists || mayReplaceUnasked) return fixed;
  const replaceButton = vscode.l10n.t('Replace');
  const replace = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists. Replace it?', describeTarget(fixed)),
    {
      modal: true,
      detail: vscode.l10n.t('The save dialog returned {0}; the export is written as {1} instead.', describeTarget(chosen), describeTarget(fixed)),
    },
    replaceButton,
  );
  return replace === replaceButton ? fixed : undefined;
}

/** Automation skips the prompts; its `signal` cancels like the notification's Cancel button. */
export interface ExportPreset {
  format: ExportFormat;
  uri: vscode.Uri;
  signal?: AbortSignal;
}

/** " in /OU matching q", as the titles add it to "Export browsers". */
function whereOf(scope: ExportScope): string {
  const where = scope.orgUnitPath ? vscode.l10n.t(' in {0}', scope.orgUnitPath) : '';
  return scope.query ? where + vscode.l10n.t(' matching {0}', scope.query) : where;
}

/** A local path as the admin knows it; any other target as its URI. */
function describeTarget(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}

/**
 * Streams the listing into a partial file (`<name>.<random>.partial`, created exclusively; see
 * src/export/exportDestination.ts for targets outside the local disk) and puts it in place when complete, so the
 * target is always whole. Cancelling deletes the partial file; a failure keeps it (nothing fetched is lost) and says so.
 */
async function exportBrowsers(c: ExplorerCommandContext, clicked?: unknown, _selected?: unknown, supplied?: unknown): Promise<unknown> {
  // A preset (format, file, signal) is automation: in Production another extension must not pick the file unasked.
  const preset = automationArgs<ExportPreset>(c.services.context.extensionMode, supplied);
  const backend = await requireBackend(c.services);
  if (!backend) return undefined;
  const scope = scopeOf(c, clicked);
  const formats: { label: string; format: ExportFormat }[] = [
    { label: 'CSV', format: 'csv' },
    { label: 'JSON', format: 'json' },
  ];
  const format =
    preset?.format ??
    (
      await vscode.window.showQuickPick(formats, {
        title: vscode.l10n.t('Export browsers{0}', whereOf(scope)),
      })
    )?.format;
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const stamp = clock.date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const chosen =
    preset?.uri ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `cbcm-browsers-${stamp}.${format}`) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
    }));
  if (!chosen) return undefined;
  // Automation (never in Production: see above) may replace a file unasked.
  const uri = await resolveTarget(chosen, format, preset !== undefined);
  if (!uri) return undefined;
  let destination: ExportDestination;
  try {
    destination = await (await exportModule()).openExportDestination(uri);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not start the export next to {0}: {1}', describeTarget(uri), describeError(error)));
    return { outcome: 'failed', written: 0 };
  }
  const out = destination.stream;
  let written = 0;
  const seen: ChromeBrowser[] = [];
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: scope.sort ? vscode.l10n.t('Exporting browsers sorted by {0}', describeSort(scope.sort)) : vscode.l10n.t('Exporting browsers'),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      preset?.signal?.addEventListener('abort', () => abort.abort());
      try {
        const pages = tallied(exportPages(c, backend, scope, abort.signal), seen);
        written = await (
          await exportModule()
        ).writeBrowserExport(pages, out, format, (n) =>
          progress.report({ message: vscode.l10n.t('{0} browsers', n.toLocaleString(displayLocale())) }),
        );
        return 'done' as const;
      } catch (error) {
        return isCancellation(error) || abort.signal.aborted ? ('cancelled' as const) : error;
      }
    },
  );
  if (outcome === 'done') {
    try {
      await destination.finish();
    } catch (error) {
      const partial = await destination.keepPartial();
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'The export of {0} browsers could not be put at {1}: {2} It is in {3}.',
          written,
          describeTarget(uri),
          describeError(error),
          partial,
        ),
      );
      return { outcome: 'failed', written, path: partial };
    }
    if (!scope.query) c.explorer.recordCompleteListing(scope.orgUnitPath, seen);
    c.services.log.info(`Exported ${written} browsers to ${describeTarget(uri)}${scope.sort ? `, sorted by ${describeSort(scope.sort)}` : ''}`);
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Exported {0} browsers.', written.toLocaleString(displayLocale())), vscode.l10n.t('Open'))
      .then((open) => (open ? vscode.window.showTextDocument(uri) : undefined));
    return { outcome, written, path: describeTarget(uri) };
  }
  if (outcome === 'cancelled') {
    await destination.discard();
    void vscode.window.showInformationMessage(vscode.l10n.t('Export cancelled; no file was written.'));
    return { outcome, written };
  }
  const partial = await destination.keepPartial();
  void vscode.window.showErrorMessage(
    vscode.l10n.t('Export stopped after {0} browsers: {1} What was fetched is in {2}.', written, describeError(outcome), partial),
  );
  return { outcome: 'failed', written, path: partial };
}

export const exportCommands = {
  'cbcm.browser.export': exportBrowsers,
} satisfies CommandTable<ExplorerCommandContext>;
