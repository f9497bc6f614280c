import * as vscode from 'vscode';
import { listFleet } from '../api';
import type { ExportColumn } from '../export/columns';
import type { ExportShape } from '../export/rowExport';
import type { ViewScopeArgument } from '../webview/scopedPanels';
import { queryFor } from '../tree/explorerState';
import { BrowsersFolderNode } from '../tree/nodes/browsersFolderNode';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { type ExplorerCommandContext, requireBackend } from './commandContext';
import type { CommandTable } from './commandTable';
import { type ExportOutcome, proposedUri, runExport } from './exportRunner';
import { displayLocale } from '../util/displayLocale';
import { exportModule } from './exportModule';

/** Automation (outside Production only): skips the prompts. Without `columns`, the remembered choice is used. */
export interface ColumnExportPreset {
  shape: ExportShape;
  columns?: string[];
  uri: vscode.Uri;
  signal?: AbortSignal;
}

function isViewScopeArgument(v: unknown): v is ViewScopeArgument {
  if (typeof v !== 'object' || v === null || !('viewScope' in v)) return false;
  const s = v.viewScope as { kind?: unknown; orgUnitPath?: unknown } | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    (s.kind === 'account' || (s.kind === 'orgUnit' && typeof s.orgUnitPath === 'string' && s.orgUnitPath.startsWith('/')))
  );
}

/** The org unit and the query of an export: the clicked node's with the explorer's filter, or a view's scope. */
function exportScope(c: ExplorerCommandContext, clicked: unknown): { orgUnitPath?: string; query?: string } {
  if (isViewScopeArgument(clicked)) return clicked.viewScope.kind === 'orgUnit' ? { orgUnitPath: clicked.viewScope.orgUnitPath } : {};
  const orgUnitPath = clicked instanceof BrowsersFolderNode || clicked instanceof OrgUnitNode ? clicked.orgUnitPath : undefined;
  return { orgUnitPath, query: queryFor(c.explorer.state, 'browsers', orgUnitPath) };
}

function shapes(): { shape: ExportShape; label: string; detail: string }[] {
  return [
    {
      shape: 'browser',
      label: vscode.l10n.t('One row per browser'),
      detail: vscode.l10n.t('Browser columns (BASIC fields; FULL ones make it a FULL listing).'),
    },
    {
      shape: 'profile',
      label: vscode.l10n.t('One row per profile'),
      detail: vscode.l10n.t('Browser and install columns repeated on each profile row. Browsers without profiles have no row.'),
    },
    {
      shape: 'extension',
      label: vscode.l10n.t('One row per extension'),
      detail: vscode.l10n.t('Browser, install and profile columns repeated on each extension row. Profiles without extensions have no row.'),
    },
    {
      shape: 'jsonl',
      label: vscode.l10n.t('JSON Lines: every field of each browser'),
      detail: vscode.l10n.t('One FULL record per line, nothing left out.'),
    },
  ];
}

function levelTitle(level: ExportColumn['level']): string {
  switch (level) {
    case 'browser':
      return vscode.l10n.t('Browser');
    case 'install':
      return vscode.l10n.t('Chrome install');
    case 'profile':
      return vscode.l10n.t('Profile');
    case 'extension':
      return vscode.l10n.t('Extension');
  }
}

/** The columns picker: grouped by level, the remembered choice ticked. undefined: dismissed. */
async function pickColumns(offered: readonly ExportColumn[], remembered: readonly ExportColumn[]): Promise<ExportColumn[] | undefined> {
  type Item = vscode.QuickPickItem & { column?: ExportColumn };
  const items: Item[] = [];
  for (const column of offered) {
    const previous = items.length > 0 ? items[items.length - 1].column : undefined;
    if (!previous || previous.level !== column.level) items.push({ label: levelTitle(column.level), kind: vscode.QuickPickItemKind.Separator });
    const tags = [column.projection === 'FULL' ? 'FULL' : '', column.api !== 'both' ? vscode.l10n.t('{0} only', column.api) : '']
      .filter(Boolean)
      .join(' · ');
    items.push({ label: column.id, description: tags, detail: column.description, picked: remembered.includes(column), column });
  }
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    matchOnDetail: true,
    title: vscode.l10n.t('Columns to export (your choice is remembered for this workspace)'),
  });
  return chosen?.map((i) => i.column).filter((c): c is ExportColumn => c !== undefined);
}

/**
 * `cbcm.browser.exportColumns`: the browsers of the clicked org unit (or the account), with the explorer's filter;
 * or of a view's scope (ViewScopeArgument).
 */
async function exportColumns(
  c: ExplorerCommandContext,
  clicked?: unknown,
  _selected?: unknown,
  supplied?: ColumnExportPreset,
): Promise<ExportOutcome | undefined> {
  const { ExportColumnChoices, columnById, columnsFor, projectionFor, writeJsonLines, writeRowExport } = await exportModule();
  const choices = new ExportColumnChoices(c.services.context.workspaceState);
  const preset = c.services.context.extensionMode === vscode.ExtensionMode.Production ? undefined : supplied;
  const backend = await requireBackend(c.services);
  if (!backend) return undefined;
  const { orgUnitPath, query } = exportScope(c, clicked);
  const where = (orgUnitPath ? vscode.l10n.t(' in {0}', orgUnitPath) : '') + (query ? vscode.l10n.t(' matching {0}', query) : '');

  const shape = preset?.shape ?? (await vscode.window.showQuickPick(shapes(), { title: vscode.l10n.t('Export browsers{0}', where) }))?.shape;
  if (!shape) return undefined;
  let columns: ExportColumn[] = [];
  if (shape !== 'jsonl') {
    const picked = preset
      ? (preset.columns?.map((id) => columnById(id)).filter((col): col is ExportColumn => col !== undefined && columnsFor(shape).includes(col)) ??
        choices.get(shape))
      : await pickColumns(columnsFor(shape), choices.get(shape));
    if (!picked) return undefined;
    if (picked.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Pick at least one column to export.'));
      return undefined;
    }
    columns = picked;
    await choices.set(shape, columns);
  }
  const extension = shape === 'jsonl' ? 'jsonl' : 'csv';
  const uri =
    preset?.uri ??
    (await vscode.window.showSaveDialog({
      defaultUri: proposedUri(`browsers-${shape === 'jsonl' ? 'full' : `per-${shape}`}`, extension),
      filters: shape === 'jsonl' ? { 'JSON Lines': ['jsonl'] } : { CSV: ['csv'] },
    }));
  if (!uri) return undefined;

  const label = shapes()
    .find((s) => s.shape === shape)!
    .label.toLowerCase();
  return runExport(c.services, {
    uri,
    title: vscode.l10n.t('Exporting browsers{0}, {1}', where, label),
    signal: preset?.signal,
    async write(out, signal, report) {
      const batches = listFleet(
        backend,
        {
          projection: shape === 'jsonl' ? 'FULL' : projectionFor(shape, columns),
          query,
          orgUnitPath,
          orgUnits: c.explorer.accountNode?.orgUnits,
        },
        signal,
      );
      const progress = (n: { browsers: number; rows: number }) =>
        report(vscode.l10n.t('{0} rows from {1} browsers', n.rows.toLocaleString(displayLocale()), n.browsers.toLocaleString(displayLocale())));
      const counts = shape === 'jsonl' ? await writeJsonLines(batches, out, progress) : await writeRowExport(batches, out, shape, columns, progress);
      const summary =
        shape === 'browser' || shape === 'jsonl'
          ? vscode.l10n.t('{0} browsers', counts.browsers.toLocaleString(displayLocale()))
          : vscode.l10n.t(
              '{0} rows (one per {1}) from {2} browsers',
              counts.rows.toLocaleString(displayLocale()),
              shape,
              counts.browsers.toLocaleString(displayLocale()),
            );
      return { written: counts.rows, summary };
    },
  });
}

export const columnExportCommands = {
  'cbcm.browser.exportColumns': exportColumns,
} satisfies CommandTable<ExplorerCommandContext>;
