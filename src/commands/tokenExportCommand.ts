import * as vscode from 'vscode';
import type { TokenListPage } from '../api/types';
import { writeTokenExport, type TokenExportFormat } from '../export/tokenExport';
import { queryFor } from '../tree/explorerState';
import { OrgUnitNode } from '../tree/nodes/orgUnitNode';
import { TokensFolderNode } from '../tree/nodes/tokensFolderNode';
import { type ExplorerCommandContext, requireBackend } from './commandContext';
import { type ExportOutcome, describeTarget, proposedUri, runExport } from './exportRunner';
import { displayLocale } from '../util/displayLocale';

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
export function registerTokenExportCommand(c: ExplorerCommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(
      'cbcm.token.export',
      async (clicked?: unknown, _selected?: unknown, supplied?: TokenExportPreset): Promise<ExportOutcome | undefined> => {
        const preset = c.services.context.extensionMode === vscode.ExtensionMode.Production ? undefined : supplied;
        const backend = await requireBackend(c.services);
        if (!backend) return undefined;
        const orgUnitPath = clicked instanceof TokensFolderNode || clicked instanceof OrgUnitNode ? clicked.orgUnitPath : undefined;
        const query = queryFor(c.explorer.state, 'tokens', orgUnitPath);
        const where = `${orgUnitPath ? ` of ${orgUnitPath}` : ''}${query ? ` matching ${query}` : ''}`;
        const format =
          preset?.format ??
          (
            await vscode.window.showQuickPick(
              [
                { label: 'CSV', format: 'csv' as const },
                { label: 'JSON Lines', format: 'jsonl' as const },
              ],
              { title: `Export enrollment tokens${where}` },
            )
          )?.format;
        if (!format) return undefined;
        const uri =
          preset?.uri ??
          (await vscode.window.showSaveDialog({
            defaultUri: proposedUri('enrollment-tokens', format),
            filters: format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
          }));
        if (!uri) return undefined;
        if (!preset) {
          // The file holds the token values (that is what it is for); say so before writing it.
          const ok = await vscode.window.showWarningMessage(
            `Write the enrollment token values to ${describeTarget(uri)}?`,
            {
              modal: true,
              detail:
                'Anyone who has the file can enroll browsers into these org units while the tokens are active. Keep it where only admins can read it, and delete it when the machines are enrolled.',
            },
            'Export',
          );
          if (ok !== 'Export') return undefined;
        }
        return runExport(c.services, {
          uri,
          title: `Exporting enrollment tokens${where}`,
          signal: preset?.signal,
          async write(out, signal, report) {
            const pages = ownTokens(backend.listTokens({ orgUnitPath, query, pageSize: 100 }, signal), orgUnitPath);
            const n = await writeTokenExport(pages, out, format, (w) => report(`${w.toLocaleString(displayLocale())} tokens`));
            return { written: n, summary: `${n.toLocaleString(displayLocale())} enrollment tokens` };
          },
        });
      },
    ),
  ];
}
