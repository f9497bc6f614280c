// `cbcm.explorer.revealBrowsers { orgUnitPath? }`: selects and expands the browsers folder of an org unit (no
// orgUnitPath: the account-wide "All browsers"). Not contributed: the fleet overview runs it after a click, so
// the overview reaches the explorer through a command, never by importing the tree.
import * as vscode from 'vscode';
import { describeError } from '../util/errors';
import type { ExplorerCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';

export const REVEAL_BROWSERS_COMMAND = 'cbcm.explorer.revealBrowsers';

function orgUnitPathOf(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const path = (arg as { orgUnitPath?: unknown }).orgUnitPath;
  return typeof path === 'string' ? path : undefined;
}

async function revealBrowsers(c: ExplorerCommandContext, orgUnitPath: string | undefined): Promise<void> {
  const { explorer: provider, view } = c;
  await vscode.commands.executeCommand('cbcm.explorer.focus');
  // A refresh of the explorer (after a bulk run, a sign-in) replaces its nodes while this runs: a folder of the
  // old tree cannot be revealed, so look it up again and retry once.
  for (let attempt = 1; ; attempt++) {
    await provider.getChildren();
    const account = provider.accountNode;
    if (!account) return;
    const folder = orgUnitPath === undefined ? account.allBrowsers : account.findOrgUnit(orgUnitPath)?.browsers;
    if (!folder) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The org unit {0} is not in the explorer any more. Refresh the explorer.', orgUnitPath ?? ''),
      );
      return;
    }
    try {
      await view.reveal(folder, { select: true, focus: true, expand: true });
      return;
    } catch (error) {
      c.services.log.debug(`Explorer: could not reveal ${orgUnitPath ?? 'All browsers'} (attempt ${attempt}): ${describeError(error)}`);
      if (attempt >= 2) return;
    }
  }
}

function revealBrowsersCommand(c: ExplorerCommandContext, arg?: unknown): Promise<void> {
  return revealBrowsers(c, orgUnitPathOf(arg));
}

export const revealBrowsersCommands = {
  [REVEAL_BROWSERS_COMMAND]: revealBrowsersCommand,
} satisfies CommandTable<ExplorerCommandContext>;
