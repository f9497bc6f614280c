import * as vscode from 'vscode';
import { apiSwitchCommands, offerV1Switch } from './apiSwitchCommand';
import { authCommands } from './authCommands';
import { checkAccessCommands } from './checkAccessCommand';
import { registerCommandTables } from './commandTable';
import { setupCommands } from './setupCommands';
import { browserCommands } from './browserCommands';
import { registerBrowserListCommands } from './browserListCommands';
import { registerBulkCommands } from './bulkCommands';
import { registerImportCommand } from './importCommand';
import { registerColumnExportCommand } from './columnExportCommand';
import type { AccountCommandContext, ExplorerCommandContext } from './commandContext';
import { explorerCommands } from './explorerCommands';
import { registerExportCommand } from './exportCommand';
import { registerFindBrowserCommand } from './findBrowserCommand';
import { moveCommands } from './moveCommand';
import { registerRevealBrowsersCommand } from './revealBrowsersCommand';
import { tokenCommands } from './tokenCommands';
import { registerTokenExportCommand } from './tokenExportCommand';

function showOutput(c: AccountCommandContext): void {
  c.log.show();
}

const outputCommands = { 'cbcm.output.show': showOutput };

/** The commands that need an account service only: they are registered before the explorer exists. */
export const ACCOUNT_COMMAND_TABLES = [outputCommands, authCommands, checkAccessCommands, setupCommands, apiSwitchCommands] as const;

export function registerAccountCommands(c: AccountCommandContext): vscode.Disposable[] {
  return [...registerCommandTables(c, ACCOUNT_COMMAND_TABLES), ...offerV1Switch(c)];
}

/** The commands that act on the explorer or its items (and the change history, which refreshes it). */
export const EXPLORER_COMMAND_TABLES = [explorerCommands, browserCommands, moveCommands, tokenCommands] as const;

export function registerExplorerItemCommands(c: ExplorerCommandContext): vscode.Disposable[] {
  return [
    ...registerCommandTables(c, EXPLORER_COMMAND_TABLES),
    ...registerExportCommand(c),
    ...registerBulkCommands(c),
    ...registerImportCommand(c),
    ...registerColumnExportCommand(c),
    ...registerTokenExportCommand(c),
    ...registerRevealBrowsersCommand(c),
    ...registerFindBrowserCommand(c),
    ...registerBrowserListCommands(c),
  ];
}
