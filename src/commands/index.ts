// Every command of src/commands, as tables per area (src/commands/commandTable.ts). Registration is two calls
// from src/extension.ts: the account commands first (they need no tree), then the explorer's.
import type * as vscode from 'vscode';
import { apiSwitchCommands, offerV1Switch } from './apiSwitchCommand';
import { authCommands } from './authCommands';
import { browserCommands } from './browserCommands';
import { browserListCommands } from './browserListCommands';
import { bulkCommands } from './bulkCommands';
import { checkAccessCommands } from './checkAccessCommand';
import { columnExportCommands } from './columnExportCommand';
import type { AccountCommandContext, ExplorerCommandContext } from './commandContext';
import { registerCommandTables } from './commandTable';
import { explorerCommands } from './explorerCommands';
import { exportCommands } from './exportCommand';
import { findBrowserCommands } from './findBrowserCommand';
import { historyCommands } from './historyCommands';
import { importCommands } from './importCommand';
import { moveCommands } from './moveCommand';
import { revealBrowsersCommands } from './revealBrowsersCommand';
import { setupCommands } from './setupCommands';
import { tokenCommands } from './tokenCommands';
import { tokenExportCommands } from './tokenExportCommand';

function showOutput(c: AccountCommandContext): void {
  c.log.show();
}

const outputCommands = { 'cbcm.output.show': showOutput };

/** The commands that need the accounts only: they are registered before the explorer exists. */
export const ACCOUNT_COMMAND_TABLES = [outputCommands, authCommands, checkAccessCommands, setupCommands, apiSwitchCommands] as const;

/** The commands that act on the explorer or its items (and the change history, which refreshes it). */
export const EXPLORER_COMMAND_TABLES = [
  explorerCommands,
  browserCommands,
  moveCommands,
  tokenCommands,
  exportCommands,
  bulkCommands,
  importCommands,
  columnExportCommands,
  tokenExportCommands,
  revealBrowsersCommands,
  findBrowserCommands,
  browserListCommands,
  historyCommands,
] as const;

export function registerAccountCommands(c: AccountCommandContext): vscode.Disposable[] {
  return [...registerCommandTables(c, ACCOUNT_COMMAND_TABLES), ...offerV1Switch(c)];
}

export function registerExplorerItemCommands(c: ExplorerCommandContext): vscode.Disposable[] {
  return registerCommandTables(c, EXPLORER_COMMAND_TABLES);
}
