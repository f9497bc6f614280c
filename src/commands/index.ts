import type * as vscode from 'vscode';
import { registerBrowserCommands } from './browserCommands';
import { registerBrowserListCommands } from './browserListCommands';
import { registerBulkCommands } from './bulkCommands';
import { registerImportCommand } from './importCommand';
import { registerColumnExportCommand } from './columnExportCommand';
import type { ExplorerCommandContext } from './commandContext';
import { registerExplorerCommands } from './explorerCommands';
import { registerExportCommand } from './exportCommand';
import { registerFindBrowserCommand } from './findBrowserCommand';
import { registerMoveCommand } from './moveCommand';
import { registerRevealBrowsersCommand } from './revealBrowsersCommand';
import { registerTokenCommands } from './tokenCommands';
import { registerTokenExportCommand } from './tokenExportCommand';

/** Every command that acts on the explorer or its items. */
export function registerExplorerItemCommands(c: ExplorerCommandContext): vscode.Disposable[] {
  return [
    ...registerExplorerCommands(c),
    ...registerBrowserCommands(c),
    ...registerMoveCommand(c),
    ...registerTokenCommands(c),
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
