import * as vscode from 'vscode';
import type { ApiVersion } from '../api/types';
import { API_VERSION_LABELS, onDidChangeConfiguration } from '../configuration';
import type { AccountService } from './accountService';

/**
 * Status bar item naming the active account; a click opens the account switcher. The tooltip also names the API
 * that serves browsers and tokens (`cbcm.apiVersion`), since both APIs look the same in the tree.
 */
export function createAccountStatusBar(
  accounts: AccountService,
  apiVersion: () => ApiVersion,
): vscode.Disposable & { readonly item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('cbcm.account', vscode.StatusBarAlignment.Left, 0);
  item.name = 'CBCM Account';
  item.command = 'cbcm.auth.switchAccount';
  const update = () => {
    const a = accounts.activeAccount;
    const api = API_VERSION_LABELS[apiVersion()];
    const apiLine = `API: ${api.long} (${api.note}).`;
    item.text = a ? `$(account) CBCM: ${a.label}` : '$(account) CBCM: Sign in';
    item.tooltip = a
      ? `${a.label} (${a.kind === 'serviceAccount' ? `service account ${a.serviceAccountEmail ?? ''}` : 'Google account'}, customer ${a.customerId}).\n${apiLine}\nClick to switch accounts.`
      : `Sign in to Chrome Browser Cloud Management.\n${apiLine}`;
    item.show();
  };
  update();
  const disposable = vscode.Disposable.from(
    item,
    accounts.onDidChangeActiveAccount(update),
    accounts.onDidChangeAccounts(update),
    onDidChangeConfiguration(update),
  );
  return Object.assign(disposable, { item });
}
