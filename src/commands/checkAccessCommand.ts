import * as vscode from 'vscode';
import { checkAccess, summarize, type AccessCheckReport } from '../auth/accessCheck';
import { signedInAccessLevel } from '../auth/accountService';
import { readConfiguration } from '../configuration';
import { describeError, isCancellation } from '../util/errors';
import type { AccountCommandContext } from './commandContext';
import type { CommandTable } from './commandTable';

export const CHECK_ACCESS_COMMAND = 'cbcm.auth.checkAccess';
/** Set once a check ran (the walkthrough's "Check access" step completes on it) and whether all worked. */
const CHECKED_CONTEXT = 'cbcm.accessChecked';
const ALL_WORK_CONTEXT = 'cbcm.accessAllWork';

/**
 * CBCM: Check Access — tests every scope the active account needs with one harmless read each and says which
 * works, which is missing and how to fix it. The requests are made by src/auth/accessCheck.ts, not here.
 */
async function runCheck({ accounts, log }: AccountCommandContext): Promise<AccessCheckReport | undefined> {
  const account = accounts.activeAccount;
  if (!account) {
    const serviceAccount = vscode.l10n.t('Sign In with a Service Account Key…');
    const oauth = vscode.l10n.t('Sign In with Google (OAuth)…');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Check Access: sign in first.'), serviceAccount, oauth);
    if (choice === serviceAccount) await vscode.commands.executeCommand('cbcm.auth.signInServiceAccount');
    if (choice === oauth) await vscode.commands.executeCommand('cbcm.auth.signInOAuth');
    return undefined;
  }
  const config = readConfiguration();
  let report: AccessCheckReport;
  try {
    report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the access of {0}…', account.label), cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        const sources = await accounts.scopedTokenSources(account);
        return checkAccess(
          { kind: account.kind, accessLevel: signedInAccessLevel(account), clientId: account.clientId, subject: account.email },
          config,
          sources,
          account.customerId || 'my_customer',
          abort.signal,
        );
      },
    );
  } catch (error) {
    if (!isCancellation(error)) void vscode.window.showErrorMessage(vscode.l10n.t('Check Access failed: {0}', describeError(error)));
    return undefined;
  }
  const allWork = report.results.every((r) => r.status === 'works' || r.status === 'notRequested');
  await vscode.commands.executeCommand('setContext', CHECKED_CONTEXT, true);
  await vscode.commands.executeCommand('setContext', ALL_WORK_CONTEXT, allWork);
  log.info(
    `Check Access for ${account.label} (${config.apiVersion}, ${signedInAccessLevel(account)}${report.perScope ? ', one token per scope' : ', the sign-in token'}):`,
  );
  for (const r of report.results)
    log.info(
      `  ${r.status === 'works' ? '✓' : r.status === 'notRequested' ? '–' : '✗'} ${r.capability.label} [${r.capability.scope ?? 'not requested'}]: ${r.message}`,
    );
  log.info(`  Scopes this account needs: ${report.neededScopes.join(', ')}`);
  void showReport(report, account.clientId, allWork, log);
  return report;
}

/** Resolves to nothing: the report holds no secret, but callers only need the notification. */
async function checkAccessCommand(c: AccountCommandContext): Promise<void> {
  await runCheck(c);
}

export const checkAccessCommands = {
  [CHECK_ACCESS_COMMAND]: checkAccessCommand,
} satisfies CommandTable<AccountCommandContext>;

async function showReport(report: AccessCheckReport, clientId: string | undefined, allWork: boolean, log: vscode.LogOutputChannel): Promise<void> {
  const summary = vscode.l10n.t('Check Access: {0}', summarize(report));
  const openDelegation = vscode.l10n.t('Open Delegation Page');
  const copyClientId = vscode.l10n.t('Copy Client ID');
  const signInAgain = vscode.l10n.t('Sign In Again');
  const details = vscode.l10n.t('Show Details');
  const anyMissing = report.results.some((r) => r.status === 'missing');
  const actions = allWork
    ? [details]
    : report.delegationUrl
      ? [openDelegation, copyClientId, details]
      : anyMissing
        ? [signInAgain, details]
        : [details];
  const detail = report.results.map((r) => `${r.capability.label}: ${r.message}`).join('\n');
  const choice = allWork
    ? await vscode.window.showInformationMessage(summary, { detail }, ...actions)
    : await vscode.window.showWarningMessage(summary, { detail }, ...actions);
  if (choice === openDelegation && report.delegationUrl) await vscode.env.openExternal(vscode.Uri.parse(report.delegationUrl, true));
  if (choice === copyClientId && clientId) {
    await vscode.env.clipboard.writeText(clientId);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the client ID for domain-wide delegation'), 3000);
  }
  if (choice === signInAgain) await vscode.commands.executeCommand('cbcm.auth.signInOAuth');
  if (choice === details) log.show();
}
