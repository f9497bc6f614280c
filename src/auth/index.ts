import * as vscode from 'vscode';
import { AccountService, AccountServiceDeps, signedInAccessLevel } from './accountService';
import { CbcmAuthenticationProvider } from './authenticationProvider';
import { autoSignInAtStartup } from './autoSignIn';
import { promptSignIn } from './signInFlows';
import { createAccountStatusBar } from './statusBar';
import { AuthTestingHooks, createAuthTestingHooks } from './testingHooks';

export { AccountService } from './accountService';
export type { AccountServiceDeps, OAuthSignInOptions, OAuthFlowStarted } from './accountService';
export type { AccountInfo, AccountKind } from './accountStore';
export { AuthError } from './tokenErrors';
export type { AuthErrorCode, AuthActionKind } from './tokenErrors';
export type { AuthTestingHooks } from './testingHooks';
export { listingVerifier } from './verifyAccess';

export interface AuthServices {
  readonly accounts: AccountService;
  /** Present outside Production mode only. */
  readonly testing: AuthTestingHooks | undefined;
  /** Settles once the start-up automatic sign-in (if any) is over. */
  readonly ready: Promise<void>;
}

/**
 * Builds the account service and its VS Code surface: `cbcm.signedIn` context key, status bar item,
 * Accounts-menu provider, and (outside Production only) the automatic sign-in from environment variables.
 */
export function activateAuth(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, deps: AccountServiceDeps): AuthServices {
  const accounts = AccountService.create(context, log, deps);
  const setSignedIn = () => {
    const active = accounts.activeAccount;
    void vscode.commands.executeCommand('setContext', 'cbcm.signedIn', active !== undefined);
    // Menus hide write commands for an account signed in read-only (the stored level, not the current setting).
    void vscode.commands.executeCommand('setContext', 'cbcm.readOnly', active !== undefined && signedInAccessLevel(active) === 'readOnly');
  };
  setSignedIn();
  const provider = new CbcmAuthenticationProvider(accounts, log, () => promptSignIn(accounts));
  const statusBar = createAccountStatusBar(accounts, () => deps.readConfig().apiVersion);
  context.subscriptions.push(accounts, accounts.onDidChangeActiveAccount(setSignedIn), statusBar, provider);
  const ready = autoSignInAtStartup(context.extensionMode === vscode.ExtensionMode.Production, accounts, log).then(() => undefined);
  return { accounts, testing: createAuthTestingHooks(context, accounts, ready, provider, statusBar.item), ready };
}
