import * as vscode from 'vscode';
import type { CbcmBackend } from '../api/backend';
import type { AccountService } from '../auth/accountService';
import { offerSignIn } from '../auth/signInGate';
import type { Services } from '../services';
import type { ExplorerProvider } from '../tree/explorerProvider';

/** What the account commands (sign-in, access check, set-up, API switch, the log) share; they run before any tree. */
export interface AccountCommandContext {
  readonly context: vscode.ExtensionContext;
  readonly accounts: AccountService;
  readonly log: vscode.LogOutputChannel;
}

/** What explorer commands share: the services, the tree, and the view (for its selection). */
export interface ExplorerCommandContext {
  readonly services: Services;
  readonly explorer: ExplorerProvider;
  readonly view: vscode.TreeView<unknown>;
}

/**
 * The backend, or undefined after telling the admin how to sign in. Commands call this first so a signed-out
 * click ends in a useful message, never in an exception.
 */
export async function requireBackend(services: Services): Promise<CbcmBackend | undefined> {
  const backend = services.backends.current;
  if (backend) return backend;
  await offerSignIn(vscode.l10n.t('CBCM Explorer: sign in first.'));
  return undefined;
}

/**
 * True (after saying why) when the active account was signed in read-only. The menus already hide write commands
 * for such an account (context key `cbcm.readOnly`); this covers where they still appear: the command palette,
 * keybindings, welcome-view links, drag and drop, and other extensions.
 */
export function refusedReadOnly(services: Services, action: string): boolean {
  if (!services.backends.readOnly) return false;
  void vscode.window.showErrorMessage(
    vscode.l10n.t(
      '{0} needs write access, and {1} was signed in read-only (cbcm.accessLevel). Set cbcm.accessLevel to readWrite and sign in again to change browsers and enrollment tokens.',
      action,
      services.backends.accountLabel ?? vscode.l10n.t('this account'),
    ),
  );
  return true;
}

/**
 * The nodes a command acts on: VS Code passes (clicked, selected[]) for tree menus; palette use falls back to the
 * view's selection. Only nodes matching `accept` count.
 */
export function targetsOf<T>(view: vscode.TreeView<unknown>, accept: (node: unknown) => node is T, clicked: unknown, selected: unknown): T[] {
  if (Array.isArray(selected) && selected.some(accept)) return selected.filter(accept);
  if (accept(clicked)) return [clicked];
  return view.selection.filter(accept);
}
