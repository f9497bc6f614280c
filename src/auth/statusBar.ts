import * as vscode from 'vscode';
import type { AccountService } from './accountService';

/** Status bar item naming the active account; a click opens the account switcher. */
export function createAccountStatusBar(accounts: AccountService): vscode.Disposable & { readonly item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('cbcm.account', vscode.StatusBarAlignment.Left, 0);
  item.name = 'CBCM Account';
  item.command = 'cbcm.auth.switchAccount';
  const update = () => {
    const a = accounts.activeAccount;
    item.text = a ? `$(account) CBCM: ${a.label}` : '$(account) CBCM: Sign in';
    item.tooltip = a
      ? `${a.label} (${a.kind === 'serviceAccount' ? `service account ${a.serviceAccountEmail ?? ''}` : 'Google account'}, customer ${a.customerId}). Click to switch accounts.`
      : 'Sign in to Chrome Browser Cloud Management';
    item.show();
  };
  update();
  const disposable = vscode.Disposable.from(item, accounts.onDidChangeActiveAccount(update), accounts.onDidChangeAccounts(update));
  return Object.assign(disposable, { item });
}
