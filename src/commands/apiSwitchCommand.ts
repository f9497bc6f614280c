import * as vscode from 'vscode';
import { checkAccess, summarize } from '../auth/accessCheck';
import { signedInAccessLevel } from '../auth/accountService';
import { readConfiguration } from '../configuration';
import { describeError, isCancellation } from '../util/errors';
import type { AccountCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';

export const SWITCH_TO_V1_COMMAND = 'cbcm.api.switchToChromeManagement';
const NOTICE_SHOWN_KEY = 'cbcm.v1RemovalNoticeShown';
const ENABLE_API_URL = 'https://console.cloud.google.com/apis/library/chromemanagement.googleapis.com';
/** The reference's wording (chrome-management-api-v1.md): removed as of Chrome 166, GA in Chrome 156. */
export const V1BETA1_REMOVAL_NOTICE =
  'CBCM Explorer uses the Admin SDK v1.1beta1 browser and enrollment-token endpoints, which Google removes as of Chrome 166. The Chrome Management API v1 replaces them (generally available since Chrome 156).';

export interface SwitchResult {
  readonly switched: boolean;
  readonly summary: string;
}

/**
 * "Switch to Chrome Management API": checks first that the new API answers for this account — enabled in the
 * Cloud project, its scopes granted (for a service account, delegated scope by scope) — and switches
 * `cbcm.apiVersion` only then; otherwise it says what to fix. Reads only (src/auth/accessCheck.ts).
 */
async function switchToV1({ accounts }: AccountCommandContext): Promise<SwitchResult | undefined> {
  const config = readConfiguration();
  if (config.apiVersion === 'chromemanagement-v1') {
    void vscode.window.showInformationMessage(vscode.l10n.t('CBCM Explorer already uses the Chrome Management API v1.'));
    return { switched: false, summary: 'already on chromemanagement-v1' };
  }
  const account = accounts.activeAccount;
  if (!account) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Sign in first: the switch checks that the Chrome Management API works for your account.'));
    return undefined;
  }
  let report;
  try {
    report = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Checking the Chrome Management API for this account…'),
        cancellable: true,
      },
      async (_p, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return checkAccess(
          { kind: account.kind, accessLevel: signedInAccessLevel(account), clientId: account.clientId, subject: account.email },
          { ...config, apiVersion: 'chromemanagement-v1' },
          await accounts.scopedTokenSources(account),
          account.customerId || 'my_customer',
          abort.signal,
        );
      },
    );
  } catch (error) {
    if (!isCancellation(error))
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not check the Chrome Management API: {0}', describeError(error)));
    return undefined;
  }
  const summary = summarize(report);
  if (report.results.every((r) => r.status === 'works' || r.status === 'notRequested')) {
    await vscode.workspace.getConfiguration('cbcm').update('apiVersion', 'chromemanagement-v1', vscode.ConfigurationTarget.Global);
    void vscode.window.showInformationMessage(vscode.l10n.t('Switched to the Chrome Management API v1 ({0}).', summary));
    return { switched: true, summary };
  }
  // Not switched: say what is wrong and offer the fix.
  const notEnabled = report.results.some((r) => r.status === 'failed' && /not enabled/i.test(r.message));
  const enable = vscode.l10n.t('Enable the Chrome Management API');
  const delegation = vscode.l10n.t('Open Delegation Page');
  const anyway = vscode.l10n.t('Switch and Sign In Again');
  const actions = [
    ...(notEnabled ? [enable] : []),
    ...(report.delegationUrl ? [delegation] : []),
    // An OAuth sign-in consented to the old scopes only: the new ones need a new consent after the switch.
    ...(account.kind === 'oauth' ? [anyway] : []),
  ];
  const detail = report.results.map((r) => `${r.capability.label}: ${r.message}`).join('\n');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t('Not switched: the Chrome Management API does not work for this account yet ({0})', summary),
      { detail },
      ...actions,
    )
    .then(async (choice) => {
      if (choice === enable) await vscode.env.openExternal(vscode.Uri.parse(ENABLE_API_URL));
      if (choice === delegation && report.delegationUrl) await vscode.env.openExternal(vscode.Uri.parse(report.delegationUrl, true));
      if (choice === anyway) {
        await vscode.workspace.getConfiguration('cbcm').update('apiVersion', 'chromemanagement-v1', vscode.ConfigurationTarget.Global);
        await vscode.commands.executeCommand('cbcm.auth.signInOAuth');
      }
    });
  return { switched: false, summary };
}

export const apiSwitchCommands = {
  [SWITCH_TO_V1_COMMAND]: switchToV1,
} satisfies CommandTable<AccountCommandContext>;

/** Once per installation, while signed in on v1.1beta1: the date it stops working and the way out. */
function noticeOnce({ context, accounts }: AccountCommandContext): void {
  if (!accounts.activeAccount || readConfiguration().apiVersion !== 'v1.1beta1' || context.globalState.get<boolean>(NOTICE_SHOWN_KEY)) return;
  void context.globalState.update(NOTICE_SHOWN_KEY, true);
  const action = vscode.l10n.t('Switch to Chrome Management API');
  void vscode.window
    .showInformationMessage(vscode.l10n.t(V1BETA1_REMOVAL_NOTICE), action)
    .then((c) => c === action && vscode.commands.executeCommand(SWITCH_TO_V1_COMMAND));
}

/** Offers the switch once now (when signed in on v1.1beta1) and again when the active account changes. */
export function offerV1Switch(c: AccountCommandContext): vscode.Disposable[] {
  noticeOnce(c);
  return [c.accounts.onDidChangeActiveAccount(() => noticeOnce(c))];
}
