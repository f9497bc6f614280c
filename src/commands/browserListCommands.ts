// The inventory's query-results listing in the explorer: `cbcm.explorer.showBrowserList` (what a click in the
// inventory panel runs) puts exactly the selected browsers in a folder at the top of the account and reveals it;
// `cbcm.explorer.closeBrowserList` removes it. The panel hands over the selection the inventory computed; nothing
// here reads the inventory itself (views talk through commands).
import * as vscode from 'vscode';
import type { BrowserSelection } from '../inventory/selection';
import { BrowserListFolderNode } from '../tree/nodes/browserListFolderNode';
import { describeError } from '../util/errors';
import type { ExplorerCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';

export const SHOW_BROWSER_LIST_COMMAND = 'cbcm.explorer.showBrowserList';
export const CLOSE_BROWSER_LIST_COMMAND = 'cbcm.explorer.closeBrowserList';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape `selectBrowsers` returns (src/inventory/selection.ts); anything else is refused. */
export function isBrowserSelection(v: unknown): v is BrowserSelection {
  if (!isObject(v) || typeof v.description !== 'string' || typeof v.complete !== 'boolean') return false;
  if (!Array.isArray(v.deviceIds) || !v.deviceIds.every((id) => typeof id === 'string' && id !== '')) return false;
  if (!isObject(v.scope) || !(v.scope.kind === 'account' || (v.scope.kind === 'orgUnit' && typeof v.scope.orgUnitPath === 'string'))) return false;
  if (!Array.isArray(v.orgUnits) || !isObject(v.target)) return false;
  const l = v.listing;
  return (
    isObject(l) &&
    typeof l.requests === 'number' &&
    (l.kind === 'byId' ||
      (l.kind === 'scan' && (l.orgUnitPaths === undefined || (Array.isArray(l.orgUnitPaths) && l.orgUnitPaths.every((p) => typeof p === 'string')))))
  );
}

async function showBrowserList(c: ExplorerCommandContext, selection?: unknown): Promise<number | undefined> {
  const { explorer, services } = c;
  if (!isBrowserSelection(selection)) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Show Browser List needs a selection from the fleet inventory: click an extension, version, permission or policy there.'),
    );
    return undefined;
  }
  const folder = await explorer.showBrowserList(selection);
  if (!folder) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The explorer has no account loaded: sign in, or refresh the explorer, then click the entry again.'),
    );
    return undefined;
  }
  await vscode.commands.executeCommand('cbcm.explorer.focus');
  // The account node redraws first; a folder VS Code has not taken in yet cannot be revealed: retry once.
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await c.view.reveal(folder, { select: true, focus: true, expand: true });
      break;
    } catch (error) {
      services.log.debug(`Browser list: could not reveal it (attempt ${attempt}): ${describeError(error)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  services.log.info(
    `Explorer: listing ${selection.deviceIds.length} browsers (${selection.description}), ${selection.listing.kind} plan, ~${selection.listing.requests} requests.`,
  );
  // The count, for automation and tests (the folder itself is not a serialisable result).
  return selection.deviceIds.length;
}

function closeBrowserList(c: ExplorerCommandContext, node?: unknown): void {
  if (node !== undefined && !(node instanceof BrowserListFolderNode)) return;
  c.explorer.closeBrowserList();
}

export const browserListCommands = {
  [SHOW_BROWSER_LIST_COMMAND]: showBrowserList,
  [CLOSE_BROWSER_LIST_COMMAND]: closeBrowserList,
} satisfies CommandTable<ExplorerCommandContext>;
