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
  item.name = vscode.l10n.t('CBCM Account');
  item.command = 'cbcm.auth.switchAccount';
  const update = () => {
    const a = accounts.activeAccount;
    const api = API_VERSION_LABELS[apiVersion()];
    const apiLine = vscode.l10n.t('API: {0} ({1}).', api.long, api.note);
    item.text = a ? vscode.l10n.t('$(account) CBCM: {0}', a.label) : vscode.l10n.t('$(account) CBCM: Sign in');
    item.tooltip = a
      ? a.kind === 'serviceAccount'
        ? vscode.l10n.t(
            '{0} (service account {1}, customer {2}).\n{3}\nClick to switch accounts.',
            a.label,
            a.serviceAccountEmail ?? '',
            a.customerId,
            apiLine,
          )
        : vscode.l10n.t('{0} (Google account, customer {1}).\n{2}\nClick to switch accounts.', a.label, a.customerId, apiLine)
      : vscode.l10n.t('Sign in to Chrome Browser Cloud Management.\n{0}', apiLine);
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
