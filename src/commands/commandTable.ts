// Commands are declared as tables, one per area: `{ [commandId]: handler }`, each handler a named function that
// takes its area's context first, then the arguments VS Code (a menu, a keybinding) or a caller passed. The tables
// are the one list of the extension's commands (test/unit/commandTables.test.ts compares them with package.json);
// registerCommandTables is the one place they become registrations.
import * as vscode from 'vscode';

/**
 * A command's handler. The arguments are whatever the caller sent (`never[]` so that a handler may declare the
 * types it expects; each one still checks them, as any extension can run any command).
 */
export type CommandHandler<C> = (c: C, ...args: never[]) => unknown;

/** One area's commands: command id → handler. */
export type CommandTable<C> = Readonly<Record<string, CommandHandler<C>>>;

/** Registers every command of the tables, each handler called with `c` before the command's own arguments. */
export function registerCommandTables<C>(c: C, tables: readonly CommandTable<C>[]): vscode.Disposable[] {
  return tables.flatMap((table) =>
    Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, (...args: unknown[]) => handler(c, ...(args as never[])))),
  );
}
