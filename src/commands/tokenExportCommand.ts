import * as vscode from 'vscode';
import type { TokenListPage } from '../api/types';
import type { TokenExportFormat } from '../export/tokenExport';
import { queryFor } from '../tree/explorerState';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { TokensFolderNode } from '../tree/nodes/tokensFolderNode';
import { type ExplorerCommandContext, requireBackend } from './commandContext';
import type { CommandTable } from './commandTable';
import { type ExportOutcome, describeTarget, proposedUri, runExport } from './exportRunner';
import { displayLocale } from '../util/displayLocale';
import { exportModule } from './exportModule';

/** Automation (outside Production only): skips the prompts, the confirmation included. */
export interface TokenExportPreset {
  format: TokenExportFormat;
  uri: vscode.Uri;
  signal?: AbortSignal;
}

/** An org unit's own tokens, as its "Enrollment tokens" folder shows them (the API adds those of sub-units). */
async function* ownTokens(pages: AsyncIterable<TokenListPage>, orgUnitPath: string | undefined): AsyncIterable<TokenListPage> {
  for await (const page of pages) {
    yield orgUnitPath === undefined ? page : { ...page, tokens: page.tokens.filter((t) => !t.orgUnitPath || t.orgUnitPath === orgUnitPath) };
  }
}

/** `cbcm.token.export`: the account's tokens, or the clicked org unit's, with the explorer's token filter. */
async function exportTokens(
  c: ExplorerCommandContext,
  clicked?: unknown,
  _selected?: unknown,
  supplied?: TokenExportPreset,
): Promise<ExportOutcome | undefined> {
  const preset = c.services.context.extensionMode === vscode.ExtensionMode.Production ? undefined : supplied;
  const backend = await requireBackend(c.services);
  if (!backend) return undefined;
  const orgUnitPath = clicked instanceof TokensFolderNode || clicked instanceof OrgUnitNode ? clicked.orgUnitPath : undefined;
  const query = queryFor(c.explorer.state, 'tokens', orgUnitPath);
  const where = (orgUnitPath ? vscode.l10n.t(' of {0}', orgUnitPath) : '') + (query ? vscode.l10n.t(' matching {0}', query) : '');
  const format =
    preset?.format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'CSV', format: 'csv' as const },
          { label: vscode.l10n.t('JSON Lines'), format: 'jsonl' as const },
        ],
        { title: vscode.l10n.t('Export enrollment tokens{0}', where) },
      )
    )?.format;
  if (!format) return undefined;
  const uri =
    preset?.uri ??
    (await vscode.window.showSaveDialog({
      defaultUri: proposedUri('enrollment-tokens', format),
      filters: format === 'csv' ? { CSV: ['csv'] } : { [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
    }));
  if (!uri) return undefined;
  if (!preset) {
    // The file holds the token values (that is what it is for); say so before writing it.
    const exportButton = vscode.l10n.t('Export');
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t('Write the enrollment token values to {0}?', describeTarget(uri)),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Anyone who has the file can enroll browsers into these org units while the tokens are active. Keep it where only admins can read it, and delete it when the machines are enrolled.',
        ),
      },
      exportButton,
    );
    if (ok !== exportButton) return undefined;
  }
  return runExport(c.services, {
    uri,
    title: vscode.l10n.t('Exporting enrollment tokens{0}', where),
    signal: preset?.signal,
    async write(out, signal, report) {
      const pages = ownTokens(backend.listTokens({ orgUnitPath, query, pageSize: 100 }, signal), orgUnitPath);
      const { writeTokenExport } = await exportModule();
      const n = await writeTokenExport(pages, out, format, (w) => report(vscode.l10n.t('{0} tokens', w.toLocaleString(displayLocale()))));
      return { written: n, summary: vscode.l10n.t('{0} enrollment tokens', n.toLocaleString(displayLocale())) };
    },
  });
}

export const tokenExportCommands = {
  'cbcm.token.export': exportTokens,
} satisfies CommandTable<ExplorerCommandContext>;
