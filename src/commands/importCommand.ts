// "CBCM: Import Annotations from CSV…": file → parse (clear errors, nothing lost) → one listing of the account
// → per-row preview in a webview → Apply → modal confirmation with the exact count → conflict-checked writes
// with progress → per-row results, summary, and the failed rows as a CSV to fix and import again.
import * as vscode from 'vscode';
import { csvField } from '../export/csvField';
import { runImport } from '../operations/bulkRun';
import { dryRunQuery } from '../operations/bulkTargets';
import { buildFleetIndex, CsvImportError, parseAnnotationCsv, type ParsedImport } from '../operations/csvImport';
import { matchImport } from '../operations/importPreview';
import type { BulkSummary } from '../operations/bulkRun';
import { describeError, isCancellation } from '../util/errors';
import { lazyModule } from '../util/lazyModule';
import { reportBulk, saveText, summaryLine } from './bulkReport';
import { requireBackend, type ExplorerCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';
import { displayLocale } from '../util/displayLocale';

/** Far above any real inventory sheet (100,000 rows are ~10 MB); stops a wrong file before it is read whole. */
const MAX_CSV_BYTES = 100 * 1024 * 1024;

/** The preview's webview host, loaded the first time a preview opens (esbuild.js splits at the `import()`). */
const previewModule = lazyModule(() => import('../webview/importPreview/importPreviewPanel'));

interface ImportAutomation {
  uri?: vscode.Uri;
  confirmed?: boolean;
}

/** Automation's `{ uri, confirmed }` counts only outside Production. */
function importCsvCommand(c: ExplorerCommandContext, arg?: unknown): Promise<BulkSummary | undefined> {
  const production = c.services.context.extensionMode === vscode.ExtensionMode.Production;
  return importCsv(c, production || typeof arg !== 'object' || arg === null ? {} : arg);
}

export const importCommands = {
  'cbcm.annotations.importCsv': importCsvCommand,
} satisfies CommandTable<ExplorerCommandContext>;

async function readCsv(uri: vscode.Uri): Promise<ParsedImport | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_CSV_BYTES)
      throw new CsvImportError(
        vscode.l10n.t('The file is {0} MB; the limit is 100 MB. Split it into smaller files.', (stat.size / 1048576).toFixed(0)),
      );
    return parseAnnotationCsv(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
  } catch (e) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not import {0}: {1}', uri.path.split('/').pop() ?? '', e instanceof CsvImportError ? e.message : describeError(e)),
    );
    return undefined;
  }
}

/** The failed rows (by line) in the import's own format (plus a reason column the import ignores), to fix and retry. */
export function failedRowsCsv(parsed: ParsedImport, failed: ReadonlyMap<number, string>): string {
  const header = [parsed.key, ...parsed.fields, ...(parsed.hasOrgUnit ? ['orgUnitPath'] : []), 'reason'];
  const lines = parsed.rows
    .filter((src) => failed.has(src.line))
    .map((src) =>
      [src.key, ...parsed.fields.map((f) => src.values[f] ?? ''), ...(parsed.hasOrgUnit ? [src.orgUnitPath ?? ''] : []), failed.get(src.line)!]
        .map(csvField)
        .join(','),
    );
  return [header.map(csvField).join(','), ...lines].join('\r\n') + '\r\n';
}

async function importCsv(c: ExplorerCommandContext, auto: ImportAutomation): Promise<BulkSummary | undefined> {
  const backend = await requireBackend(c.services);
  if (!backend) return undefined;
  if (c.services.backends.readOnly) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('This account was signed in read-only. Sign in again with "Read and write" access to import annotations.'),
    );
    return undefined;
  }
  const uri =
    auto.uri ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { CSV: ['csv', 'txt', 'tsv'] },
        title: vscode.l10n.t('Import annotations from a CSV file'),
        openLabel: vscode.l10n.t('Preview Import'),
      })
    )?.[0];
  if (!uri) return undefined;
  const parsed = await readCsv(uri);
  if (!parsed) return undefined;
  const file = uri.path.split('/').pop() ?? 'CSV';

  const matched = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Matching {0} rows of {1} to browsers', parsed.rows.length.toLocaleString(displayLocale()), file),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      try {
        const [all, units] = await Promise.all([
          dryRunQuery(
            backend,
            {},
            {
              withAnnotations: true,
              signal: abort.signal,
              onProgress: (n) => progress.report({ message: vscode.l10n.t('{0} browsers listed', n.toLocaleString(displayLocale())) }),
            },
          ),
          backend.listOrgUnits(abort.signal),
        ]);
        const index = buildFleetIndex(all.targets, parsed.key);
        return { index, preview: matchImport(parsed, index, { orgUnits: new Set(['/', ...units.map((u) => u.orgUnitPath)]) }) };
      } catch (e) {
        if (!isCancellation(e) && !abort.signal.aborted)
          void vscode.window.showErrorMessage(
            vscode.l10n.t("Could not list the account's browsers to match the file: {0}. Nothing was changed.", describeError(e)),
          );
        return undefined;
      }
    },
  );
  if (!matched) return undefined;
  const { index, preview } = matched;
  const counts = preview.counts;
  // After Apply, per row position: 1 applied (done unless `failed` names its line).
  const applied = new Uint8Array(preview.length);
  const failed = new Map<number, string>();
  c.services.log.info(`Import preview of ${file}: ${JSON.stringify(counts)}`);

  let lastSummary: BulkSummary | undefined;
  const apply = async (excluded: ReadonlySet<number>) => {
    const chosen = preview.select(['change']).filter((i) => !excluded.has(preview.line(i)));
    if (chosen.length === 0) return undefined;
    const button = vscode.l10n.t('Apply {0}', chosen.length.toLocaleString(displayLocale()));
    const ok =
      auto.confirmed ||
      (await vscode.window.showWarningMessage(
        vscode.l10n.t('Apply {0} rows of {1}?', chosen.length.toLocaleString(displayLocale()), file),
        {
          modal: true,
          detail:
            (excluded.size
              ? vscode.l10n.t(
                  '{0} browsers get new values ({1} rows left out). {2} rows are not applied (no match, several matches, invalid or duplicate).',
                  chosen.length.toLocaleString(displayLocale()),
                  excluded.size,
                  counts.noMatch + counts.ambiguous + counts.invalid + counts.duplicate,
                )
              : vscode.l10n.t(
                  '{0} browsers get new values. {1} rows are not applied (no match, several matches, invalid or duplicate).',
                  chosen.length.toLocaleString(displayLocale()),
                  counts.noMatch + counts.ambiguous + counts.invalid + counts.duplicate,
                )) +
            '\n\n' +
            vscode.l10n.t(
              'Each browser is read again before it is written; a value changed since the preview is reported, not overwritten. Undo in the change history restores the previous values.',
            ),
        },
        button,
      )) === button;
    if (!ok) return undefined;
    const writer = c.services.operations.writer();
    if (!writer) return undefined;
    const summary = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0}', file), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const rows = (function* () {
          for (const i of chosen) yield preview.row(i);
        })();
        return runImport(
          writer,
          rows,
          (id) => index.byId.get(id),
          chosen.length === 1
            ? vscode.l10n.t('Import 1 row of {0}', file)
            : vscode.l10n.t('Import {0} rows of {1}', chosen.length.toLocaleString(displayLocale()), file),
          {
            signal: abort.signal,
            onProgress: (p) => progress.report({ message: vscode.l10n.t('{0} of {1}', p.finished, p.total) }),
          },
        );
      },
    );
    lastSummary = summary;
    c.explorer.refresh();
    const lineOf = new Map<string, number>();
    for (const i of chosen) {
      lineOf.set(preview.deviceId(i)!, preview.line(i));
      applied[i] = 1;
    }
    for (const f of summary.failed) failed.set(lineOf.get(f.target.deviceId)!, f.reason);
    for (const t of summary.notTried) failed.set(lineOf.get(t.deviceId)!, `not tried${summary.stoppedBy ? ` (${summary.stoppedBy})` : ''}`);
    void (async () => {
      if (failed.size === 0) return reportBulk('Imported', summary, c.services.log);
      c.services.log.info(`${summary.operation?.title}: ${summaryLine('Imported', summary)}`);
      const saveFailed = vscode.l10n.t('Save Failed Rows as CSV…');
      const showHistory = vscode.l10n.t('Show Change History');
      const choice = await vscode.window.showWarningMessage(`${summaryLine('Imported', summary)}.`, saveFailed, showHistory);
      if (choice === saveFailed) await saveText(file.replace(/\.(csv|tsv|txt)$/i, '') + '-failed.csv', failedRowsCsv(parsed, failed));
      if (choice === showHistory) await vscode.commands.executeCommand('cbcm.history.show');
    })();
    return { summary: summaryLine('Imported', summary) };
  };

  const { ImportPreviewPanel } = await previewModule();
  const panel = ImportPreviewPanel.open(c.services, file, preview, (id) => index.byId.get(id)?.machineName, {
    apply,
    result: (i) => (applied[i] ? (failed.get(preview.line(i)) ?? 'done') : undefined),
  });
  if (auto.confirmed) {
    // Automation (outside Production): apply every "change" row right away, as the Apply button would.
    const outcome = await apply(new Set());
    panel.panel.dispose();
    return outcome ? lastSummary : undefined;
  }
  return undefined;
}
